"""Snakemake entry point: all lists x terms against one library, joint FDR, dot plot."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.enrichment.compare import compare_columnar, list_columns
from exocargo.files import read_columnar, write_text_arrow
from exocargo.report.plots import comparison_figure, drawn_or_explained, save_svg
from exocargo.tables import COMPARISON_TABLE

params = snakemake.params
sources = dict(zip(params.list_ids, params.tables))
comparison = compare_columnar(sources)
write_text_arrow(comparison, snakemake.output.table, snakemake.output.columnar)
# The plot reads back only the columns it draws, numbers as numbers.
drawn = read_columnar(
    snakemake.output.columnar,
    ["list_id", "query", "term", "overlap_size", "joint_adjusted_p_value"],
    schema=COMPARISON_TABLE,
)
# A gmt list has several queries: label its columns list/query.
labels = drawn["list_id"].where(drawn["query"] == drawn["list_id"], drawn["list_id"] + "/" + drawn["query"])
title = f"All lists: {snakemake.wildcards.library}"
figure = drawn_or_explained(
    lambda: comparison_figure(
        drawn.assign(list=labels),
        title=title,
        fdr_threshold=params.fdr_threshold,
        top_terms=params.top_terms,
        list_column="list",
        list_order=list_columns(sources),
    ),
    title=title,
    source=snakemake.output.table,
)
save_svg(figure, snakemake.output.plot)
print(f"{comparison.num_rows} rows from {len(sources)} lists", file=sys.stderr)

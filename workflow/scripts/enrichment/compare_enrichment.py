"""Snakemake entry point: all lists x terms against one library, joint FDR, dot plot."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.enrichment.compare import column_order, compare_lists
from exocargo.enrichment.run import read_enrichment
from exocargo.files import write_table
from exocargo.report.plots import comparison_figure, drawn_or_explained, save_svg

params = snakemake.params
tables = {list_id: read_enrichment(path) for list_id, path in zip(params.list_ids, snakemake.input.tables)}
comparison = compare_lists(tables)
write_table(comparison, snakemake.output.table)
# A gmt list has several queries: label its columns list/query.
labels = comparison["list_id"].where(
    comparison["query"] == comparison["list_id"], comparison["list_id"] + "/" + comparison["query"]
)
title = f"All lists: {snakemake.wildcards.library}"
figure = drawn_or_explained(
    lambda: comparison_figure(
        comparison.assign(list=labels),
        title=title,
        fdr_threshold=params.fdr_threshold,
        top_terms=params.top_terms,
        list_column="list",
        list_order=column_order(tables),
    ),
    title=title,
    source=snakemake.output.table,
)
save_svg(figure, snakemake.output.plot)
print(f"{len(comparison)} rows from {len(tables)} lists", file=sys.stderr)

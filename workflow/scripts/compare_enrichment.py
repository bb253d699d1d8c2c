"""Snakemake entry point: all lists x terms against one library, joint FDR, dot plot."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.enrichment import compare_lists, read_enrichment  # noqa: E402
from exocargo.files import write_table  # noqa: E402
from exocargo.plots import comparison_figure, save_svg  # noqa: E402

params = snakemake.params  # noqa: F821
tables = {list_id: read_enrichment(path) for list_id, path in zip(params.list_ids, snakemake.input.tables)}  # noqa: F821
comparison = compare_lists(tables)
write_table(comparison, snakemake.output.table)  # noqa: F821
# A gmt list has several queries: label its columns list/query.
labels = comparison["list_id"].where(
    comparison["query"] == comparison["list_id"], comparison["list_id"] + "/" + comparison["query"]
)
figure = comparison_figure(
    comparison.assign(list=labels),
    title=f"All lists: {snakemake.wildcards.library}",  # noqa: F821
    fdr_threshold=params.fdr_threshold,
    top_terms=params.top_terms,
    list_column="list",
)
save_svg(figure, snakemake.output.plot)  # noqa: F821
print(f"{len(comparison)} rows from {len(tables)} lists", file=sys.stderr)

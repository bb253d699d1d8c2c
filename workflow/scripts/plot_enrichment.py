"""Snakemake entry point: the top-terms plot of one list's enrichment against one library."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.enrichment import read_enrichment  # noqa: E402
from exocargo.plots import save_svg, top_terms_figure  # noqa: E402

params, wildcards = snakemake.params, snakemake.wildcards  # noqa: F821
figure = top_terms_figure(
    read_enrichment(snakemake.input.table),  # noqa: F821
    title=f"{wildcards.list_id}: {wildcards.library}",
    fdr_threshold=params.fdr_threshold,
    top_terms=params.top_terms,
    style=params.style,
)
save_svg(figure, snakemake.output.plot)  # noqa: F821

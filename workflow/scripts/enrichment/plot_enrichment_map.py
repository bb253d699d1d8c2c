"""Snakemake entry point: the enrichment map of one list's enrichment against one library."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.enrichment.run import read_enrichment
from exocargo.report.enrichment_map import enrichment_map_figure
from exocargo.report.plots import drawn_or_explained, save_svg

params, wildcards = snakemake.params, snakemake.wildcards
title = f"{wildcards.list_id}: {wildcards.library}"
figure = drawn_or_explained(
    lambda: enrichment_map_figure(
        read_enrichment(snakemake.input.table),
        title=title,
        fdr_threshold=params.fdr_threshold,
        top_terms=params.top_terms,
    ),
    title=title,
    source=snakemake.input.table,
)
save_svg(figure, snakemake.output.plot)

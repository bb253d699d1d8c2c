"""Snakemake entry point: the top-terms plot and the enrichment map of one list against one library."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.enrichment.run import read_enrichment
from exocargo.report.enrichment_map import enrichment_map_figure
from exocargo.report.plots import drawn_or_explained, save_svg, top_terms_figure

params, wildcards = snakemake.params, snakemake.wildcards
title = f"{wildcards.list_id}: {wildcards.library}"
table = read_enrichment(snakemake.input.table)
figure = drawn_or_explained(
    lambda: top_terms_figure(
        table,
        title=title,
        fdr_threshold=params.fdr_threshold,
        top_terms=params.top_terms,
        style=params.style,
    ),
    title=title,
    source=snakemake.input.table,
)
save_svg(figure, snakemake.output.plot)
figure = drawn_or_explained(
    lambda: enrichment_map_figure(
        table,
        title=title,
        fdr_threshold=params.fdr_threshold,
        top_terms=params.top_terms,
    ),
    title=title,
    source=snakemake.input.table,
)
save_svg(figure, snakemake.output.map)

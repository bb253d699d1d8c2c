"""Snakemake entry point: the top-terms plot and the enrichment map of one list against one library."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.enrichment.run import read_enrichment
from exocargo.report.enrichment_map import enrichment_map_figure
from exocargo.report.plots import drawn_or_explained, save_svg, top_terms_figure

params, wildcards, output = snakemake.params, snakemake.wildcards, snakemake.output
title = f"{wildcards.list_id}: {wildcards.library}"
table = read_enrichment(snakemake.input.table)
options = {"title": title, "fdr_threshold": params.fdr_threshold, "top_terms": params.top_terms}
drawings = [
    (lambda: top_terms_figure(table, style=params.style, **options), output.plot),
    (lambda: enrichment_map_figure(table, **options), output.map),
]
for draw, path in drawings:
    save_svg(drawn_or_explained(draw, title=title, source=snakemake.input.table), path)

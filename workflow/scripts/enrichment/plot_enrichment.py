"""Snakemake entry point: the top-terms plot and the enrichment map of one list against one library."""

from exocargo.rowjobs import each_list, open_job_log

open_job_log(snakemake)

from exocargo.enrichment.run import read_enrichment
from exocargo.report.enrichment_map import enrichment_map_figure
from exocargo.report.plots import drawn_or_explained, save_svg, top_terms_figure


def plot_enrichment(job):
    params, wildcards, output = job.params, job.wildcards, job.output
    title = f"{wildcards.list_id}: {wildcards.library}"
    table = read_enrichment(job.input.table)
    options = {"title": title, "fdr_threshold": params.fdr_threshold, "top_terms": params.top_terms}
    drawings = [
        (lambda: top_terms_figure(table, style=params.style, **options), output.plot),
        (lambda: enrichment_map_figure(table, **options), output.map),
    ]
    for draw, path in drawings:
        save_svg(drawn_or_explained(draw, title=title, source=job.input.table), path)


each_list(snakemake, plot_enrichment)

"""Snakemake entry point: the HTML page and the XLSX of one list."""

from exocargo.rowjobs import each_list, open_job_log, shared

open_job_log(snakemake)

from pathlib import Path

import yaml

from exocargo.report.list_page import load_list_report, write_list_report
from exocargo.report.provenance import collect_provenance
from exocargo.report.run_files import ListFiles


def run_provenance(config_path, *provenance_files, snakefile):
    config = yaml.safe_load(Path(config_path).read_text(encoding="utf-8"))
    return collect_provenance(list(provenance_files), config=config, snakefile=snakefile, configfile=config_path)


def render_list_report(job):
    inputs, params = job.input, job.params
    report = load_list_report(ListFiles.from_record(params.files), fdr_threshold=params.fdr_threshold)
    write_list_report(
        report,
        provenance=shared(run_provenance, inputs.config, *inputs.provenance, snakefile=params.snakefile),
        html_path=job.output.html,
        config_path=inputs.config,
        xlsx_max_rows=params.xlsx_max_rows,
        xlsx_top_terms=params.xlsx_top_terms,
    )


each_list(snakemake, render_list_report)

"""Snakemake entry point: the HTML page and the XLSX of one list."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")

import yaml

from exocargo.report.list_page import load_list_report, write_list_report
from exocargo.report.provenance import collect_provenance
from exocargo.report.run_files import ListFiles

inputs, params = snakemake.input, snakemake.params
report = load_list_report(ListFiles.from_record(params.files), fdr_threshold=params.fdr_threshold)
provenance = collect_provenance(
    list(inputs.provenance),
    config=yaml.safe_load(Path(inputs.config).read_text(encoding="utf-8")),
    snakefile=params.snakefile,
    configfile=inputs.config,
)
write_list_report(
    report,
    provenance=provenance,
    html_path=snakemake.output.html,
    config_path=inputs.config,
    xlsx_max_rows=params.xlsx_max_rows,
    xlsx_top_terms=params.xlsx_top_terms,
)

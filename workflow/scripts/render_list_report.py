"""Snakemake entry point: the HTML page and the XLSX of one list."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")

import yaml

from exocargo.report.html import LIST_FILE_KEYS
from exocargo.report.list_page import load_list_report, write_list_report
from exocargo.report.provenance import collect_provenance

inputs, params, outputs = snakemake.input, snakemake.params, snakemake.output
named = set(inputs.keys())
files = {key: inputs[key] for key in LIST_FILE_KEYS if key in named}
report = load_list_report(
    list_id=snakemake.wildcards.list_id,
    description=params.description,
    fdr_threshold=params.fdr_threshold,
    files={**files, "workbook": outputs.workbook},
    enrichment=dict(zip(params.libraries, inputs.enrichment)),
    enrichment_plots=dict(zip(params.libraries, inputs.enrichment_plots)),
    enrichment_facts=dict(zip(params.libraries, inputs.enrichment_facts)),
)
provenance = collect_provenance(
    list(inputs.provenance),
    config=yaml.safe_load(Path(inputs.config).read_text(encoding="utf-8")),
    snakefile=params.snakefile,
    configfile=inputs.config,
)
write_list_report(report, provenance=provenance, html_path=outputs.html, config_path=inputs.config)

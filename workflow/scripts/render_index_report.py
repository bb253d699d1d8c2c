"""Snakemake entry point: the index page of all lists and the zip of the results."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")

import yaml

from exocargo.report.index_page import write_index_from_rule

write_index_from_rule(
    snakemake.input,
    snakemake.params,
    snakemake.output,
    config=yaml.safe_load(Path(snakemake.input.config).read_text(encoding="utf-8")),
)

"""Snakemake entry point: the configuration of this run as YAML (for --configfile)."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.report.index_page import write_run_config

write_run_config(dict(snakemake.params.config), snakemake.output.config)

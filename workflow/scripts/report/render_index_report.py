"""Snakemake entry point: the index page of all lists and the zip of the results."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")

import yaml

from exocargo.report.index_page import write_index_report
from exocargo.report.run_files import RunFiles

run = RunFiles.from_record(snakemake.params.run)
config = yaml.safe_load(Path(run.config).read_text(encoding="utf-8"))
write_index_report(run, config=config, threads=snakemake.threads)

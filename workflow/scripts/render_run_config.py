"""Snakemake entry point: the configuration of this run as YAML (for --configfile)."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.report import write_run_config  # noqa: E402

write_run_config(dict(snakemake.params.config), snakemake.output.config)  # noqa: F821

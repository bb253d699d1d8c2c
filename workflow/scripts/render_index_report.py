"""Snakemake entry point: the index page of all lists and the zip of the results."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

import yaml  # noqa: E402
from exocargo.report import write_index_from_rule  # noqa: E402

write_index_from_rule(
    snakemake.input,  # noqa: F821
    snakemake.params,  # noqa: F821
    snakemake.output,  # noqa: F821
    config=yaml.safe_load(Path(snakemake.input.config).read_text(encoding="utf-8")),  # noqa: F821
)

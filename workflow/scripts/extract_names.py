"""Snakemake entry point: extract names from one input file."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.extract import extract_names  # noqa: E402
from exocargo.files import write_json, write_table  # noqa: E402

names, source = extract_names(snakemake.input[0], snakemake.params.kind, snakemake.wildcards.list_id)  # noqa: F821
write_table(names, snakemake.output.names)  # noqa: F821
write_json(source, snakemake.output.source)  # noqa: F821

"""Snakemake entry point: extract names from one input file."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.extract import extract_names  # noqa: E402
from exocargo.files import write_json, write_table  # noqa: E402
from exocargo.textmine import MentionFinder  # noqa: E402

inputs, kind = snakemake.input, snakemake.params.kind  # noqa: F821
finder = None
if kind == "text":
    finder = MentionFinder.from_files(inputs.genes, inputs.hairpins, Path(inputs.famplex).parent)
names, source = extract_names(inputs.document, kind, snakemake.wildcards.list_id, finder=finder)  # noqa: F821
write_table(names, snakemake.output.names)  # noqa: F821
write_json(source, snakemake.output.source)  # noqa: F821

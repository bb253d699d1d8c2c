"""Snakemake entry point: extract names from one input file."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")

from exocargo.files import write_json, write_table
from exocargo.inputs.extract import extract_names
from exocargo.text.mentions import MentionFinder

inputs, kind = snakemake.input, snakemake.params.kind
finder = None
if kind == "text":
    finder = MentionFinder.from_files(inputs.genes, inputs.hairpins, Path(inputs.famplex).parent)
names, source = extract_names(inputs.document, kind, snakemake.wildcards.list_id, finder=finder)
write_table(names, snakemake.output.names)
write_json(source, snakemake.output.source)

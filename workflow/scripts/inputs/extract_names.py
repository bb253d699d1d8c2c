"""Snakemake entry point: extract names (and the sentences of any prose) from one input file."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")

from exocargo.files import write_json, write_table
from exocargo.inputs.extract import extract
from exocargo.kinds import input_kind
from exocargo.text.mentions import MentionFinder

inputs, kind, outputs = snakemake.input, snakemake.params.kind, snakemake.output
finder = None
if input_kind(kind).has_prose:
    finder = MentionFinder.from_files(inputs.genes, inputs.hairpins, Path(inputs.famplex).parent)
extraction = extract(snakemake.params.path, kind, snakemake.wildcards.list_id, finder=finder)
write_table(extraction.names, outputs.names)
write_json(extraction.source, outputs.source)
write_json(extraction.sentence_records(), outputs.sentences)
write_table(extraction.mentions(), outputs.mentions)

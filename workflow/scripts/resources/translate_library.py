"""Snakemake entry point: translate a symbol GMT library to Entrez IDs once."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.enrichment.libraries import library_record, read_gmt_library, translate_library
from exocargo.files import write_json
from exocargo.gmt import write_gmt
from exocargo.mapping.table import load_mapper

inputs, params = snakemake.input, snakemake.params
translated, summary = translate_library(read_gmt_library(inputs.gmt), load_mapper(inputs.genes, inputs.hairpins))
summary["library"] = library_record(params.library, params.source, inputs.gmt, inputs.get("provenance"))
write_gmt(translated, snakemake.output.gmt)
write_json(summary, snakemake.output.summary)
print(summary, file=sys.stderr)

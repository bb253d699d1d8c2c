"""Snakemake entry point: translate a symbol GMT library to Entrez IDs once."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.files import write_json  # noqa: E402
from exocargo.libraries import library_record, read_gmt_library, translate_library, write_gmt  # noqa: E402
from exocargo.mapping import load_mapper  # noqa: E402

inputs, params = snakemake.input, snakemake.params  # noqa: F821
translated, summary = translate_library(read_gmt_library(inputs.gmt), load_mapper(inputs.genes, inputs.hairpins))
summary["library"] = library_record(params.library, params.source, inputs.gmt, inputs.get("provenance"))
write_gmt(translated, snakemake.output.gmt)  # noqa: F821
write_json(summary, snakemake.output.summary)  # noqa: F821
print(summary, file=sys.stderr)

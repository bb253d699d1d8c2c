"""Snakemake entry point: a gene-set library (Entrez GMT) from a folder of PFOCR figure records."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.enrichment.libraries import build_pfocr_library, library_record
from exocargo.files import write_json
from exocargo.gmt import write_gmt
from exocargo.mapping.table import load_mapper

inputs, params = snakemake.input, snakemake.params
mapper = load_mapper(inputs.genes, inputs.hairpins, params.famplex_dir, expand_families=params.expand_families)
library, summary = build_pfocr_library(inputs.folder, mapper, include_ambiguous=params.include_ambiguous)
summary["library"] = library_record(params.library, "pfocr_folder", inputs.folder)
write_gmt(library, snakemake.output.gmt)
write_json(summary, snakemake.output.summary)
print({key: value for key, value in summary.items() if key != "unmapped_examples"}, file=sys.stderr)

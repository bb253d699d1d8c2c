"""Snakemake entry point: a gene-set library (Entrez GMT) from a folder of PFOCR figure records."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.files import write_json  # noqa: E402
from exocargo.libraries import build_pfocr_library, library_record, write_gmt  # noqa: E402
from exocargo.mapping import load_mapper  # noqa: E402

inputs, params = snakemake.input, snakemake.params  # noqa: F821
mapper = load_mapper(inputs.genes, inputs.hairpins, params.famplex_dir, expand_families=params.expand_families)
library, summary = build_pfocr_library(inputs.folder, mapper, include_ambiguous=params.include_ambiguous)
summary["library"] = library_record(params.library, "pfocr_folder", inputs.folder)
write_gmt(library, snakemake.output.gmt)  # noqa: F821
write_json(summary, snakemake.output.summary)  # noqa: F821
print({key: value for key, value in summary.items() if key != "unmapped_examples"}, file=sys.stderr)

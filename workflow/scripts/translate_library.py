"""Snakemake entry point: translate a symbol GMT library to Entrez IDs once."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.files import read_tsv, write_json  # noqa: E402
from exocargo.libraries import read_gmt_library, translate_library, write_gmt  # noqa: E402
from exocargo.mapping import LocalMapper  # noqa: E402

mapper = LocalMapper(read_tsv(snakemake.input.genes), read_tsv(snakemake.input.hairpins))  # noqa: F821
library = read_gmt_library(snakemake.input.gmt)  # noqa: F821
translated, summary = translate_library(library, mapper)
write_gmt(translated, snakemake.output.gmt)  # noqa: F821
write_json(summary, snakemake.output.summary)  # noqa: F821
print(summary, file=sys.stderr)

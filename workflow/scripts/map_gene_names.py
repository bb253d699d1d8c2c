"""Snakemake entry point: map one list's names to Entrez IDs."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.files import read_tsv, write_table, write_text  # noqa: E402
from exocargo.mapping import LocalMapper, map_names_table, summarise, used_entrez_ids  # noqa: E402

inputs, outputs = snakemake.input, snakemake.output  # noqa: F821
mapper = LocalMapper(read_tsv(inputs.genes), read_tsv(inputs.hairpins))
mapping = map_names_table(read_tsv(inputs.names), mapper)
write_table(mapping, outputs.mapping)
ids = used_entrez_ids(mapping, include_ambiguous=snakemake.params.include_ambiguous)  # noqa: F821
write_text("".join(f"{i}\n" for i in ids), outputs.entrez)
write_table(summarise(mapping), outputs.summary)

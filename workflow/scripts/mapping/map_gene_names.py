"""Snakemake entry point: map one list's names to Entrez IDs."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.files import write_table, write_text
from exocargo.mapping.table import map_list

inputs, outputs, params = snakemake.input, snakemake.output, snakemake.params
mapping, entrez_ids, summary = map_list(
    inputs.names,
    inputs.source,
    inputs.genes,
    inputs.hairpins,
    params.famplex_dir,
    backend=params.backend,
    mygene_url=params.mygene_url,
    expand_families=params.expand_families,
    include_ambiguous=params.include_ambiguous,
    pathway_gmts=list(inputs.pathways),
)
write_table(mapping, outputs.mapping)
write_text("".join(f"{entrez}\n" for entrez in entrez_ids), outputs.entrez)
write_table(summary, outputs.summary)
print(summary.to_string(index=False), file=sys.stderr)

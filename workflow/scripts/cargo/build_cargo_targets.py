"""Snakemake entry point: the cargo -> target table, network figure and miRNA set test of one list."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.cargo.targets import build_list_cargo, split_cargo_table
from exocargo.files import write_table
from exocargo.report.network_plot import write_network_plot

inputs, outputs, params = snakemake.input, snakemake.output, snakemake.params
list_id = snakemake.wildcards.list_id
table, mirna_enrichment, why_empty = build_list_cargo(
    list_id=list_id,
    kind=params.kind,
    names_tsv=inputs.names,
    source_json=inputs.source,
    sentences_json=inputs.sentences,
    pairs_tsv=inputs.pairs,
    hairpins_tsv=inputs.hairpins,
    libraries=dict(zip(params.libraries, inputs.libraries)),
    enrichment=dict(zip(params.libraries, inputs.enrichment)),
    options=params.options,
)
stated, validated = split_cargo_table(
    table, params.kind, validated_min_evidence=params.options["validated_min_evidence"]
)
write_table(stated, outputs.table)
write_table(validated, outputs.validated)
write_table(mirna_enrichment, outputs.mirna_enrichment)
write_network_plot(
    table,
    outputs.network,
    title=f"Cargo network: {list_id}",
    max_targets=params.options["network_max_targets"],
    why_empty=why_empty,
)
print(
    f"{len(stated)} cargo rows ({len(validated)} database-only validated targets), {len(mirna_enrichment)} miRNA set-test rows. {why_empty}",
    file=sys.stderr,
)

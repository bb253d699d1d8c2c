"""Snakemake entry point: the cargo -> target table, network figure and miRNA set test of one list."""

from exocargo.rowjobs import each_list, open_job_log, shared

open_job_log(snakemake)

import sys

from exocargo.cargo.targets import build_list_cargo, split_cargo_table
from exocargo.files import write_table
from exocargo.report.network_plot import write_network_plot


def build_cargo_targets(job):
    inputs, outputs, params = job.input, job.output, job.params
    list_id = job.wildcards.list_id
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
        load=shared,
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
        f"{len(stated)} cargo rows ({len(validated)} database-only validated targets), "
        f"{len(mirna_enrichment)} miRNA set-test rows. {why_empty}",
        file=sys.stderr,
    )


each_list(snakemake, build_cargo_targets)

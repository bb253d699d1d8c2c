"""Snakemake entry point: map one list's names to Entrez IDs."""

from exocargo.rowjobs import each_list, open_job_log, shared

open_job_log(snakemake)

import sys

from exocargo.files import write_table, write_text
from exocargo.mapping.table import load_mapper, map_list


def map_gene_names(job):
    inputs, outputs, params = job.input, job.output, job.params
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
        load=lambda *paths, **options: shared(load_mapper, *paths, **options),
    )
    write_table(mapping, outputs.mapping)
    write_text("".join(f"{entrez}\n" for entrez in entrez_ids), outputs.entrez)
    write_table(summary, outputs.summary)
    print(summary.to_string(index=False), file=sys.stderr)


each_list(snakemake, map_gene_names)

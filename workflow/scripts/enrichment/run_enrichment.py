"""Snakemake entry point: ORA of one list (all its queries) against one library."""

from exocargo.rowjobs import each_list, open_job_log, shared

open_job_log(snakemake)

import json
import sys
from pathlib import Path

from exocargo.enrichment.backgrounds import read_background_file
from exocargo.enrichment.libraries import read_gmt_library
from exocargo.enrichment.run import EnrichmentOptions, enrich_list, queries_from_mapping, units_from_mapping
from exocargo.files import read_json, read_tsv, write_json, write_table_and_columnar
from exocargo.mapping.table import load_mapper


def read_background(path, genes_tsv, hairpins_tsv, *, include_ambiguous):
    return read_background_file(path, load_mapper(genes_tsv, hairpins_tsv), include_ambiguous=include_ambiguous)


def run_enrichment(job):
    inputs, params, outputs = job.input, job.params, job.output
    options = EnrichmentOptions.from_config(params.options)
    file_genes = file_report = None
    if options.background == "file":
        file_genes, file_report = shared(
            read_background,
            inputs.background_file,
            inputs.genes,
            inputs.hairpins,
            include_ambiguous=params.include_ambiguous,
        )
    mapping = read_tsv(inputs.mapping)
    table, sidecar = enrich_list(
        list_id=job.wildcards.list_id,
        queries=queries_from_mapping(mapping, include_ambiguous=params.include_ambiguous),
        units=units_from_mapping(mapping, include_ambiguous=params.include_ambiguous),
        source=json.loads(Path(inputs.source).read_text(encoding="utf-8")),
        library=shared(read_gmt_library, inputs.library),
        library_summary=shared(read_json, inputs.library_summary),
        genes=shared(read_tsv, inputs.genes),
        options=options,
        file_genes=file_genes,
        file_report=file_report,
    )
    write_table_and_columnar(table, outputs.table, outputs.columnar)
    write_json(sidecar, outputs.sidecar)
    print(
        f"{len(table)} rows; background {sidecar['background']['size']} genes; "
        f"{sidecar['terms_tested']} of {sidecar['terms_in_library']} terms tested; "
        f"{len(sidecar['circularity']['excluded'])} circular terms excluded",
        file=sys.stderr,
    )


each_list(snakemake, run_enrichment)

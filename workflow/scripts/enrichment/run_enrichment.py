"""Snakemake entry point: ORA of one list (all its queries) against one library."""

import json
import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")

from exocargo.enrichment.backgrounds import read_background_file
from exocargo.enrichment.libraries import read_gmt_library
from exocargo.enrichment.run import EnrichmentOptions, enrich_list, queries_from_mapping, units_from_mapping
from exocargo.files import read_tsv, write_json, write_table_and_columnar
from exocargo.mapping.table import load_mapper

inputs, params, outputs = snakemake.input, snakemake.params, snakemake.output
options = EnrichmentOptions.from_config(params.options)
file_genes = file_report = None
if options.background == "file":
    file_genes, file_report = read_background_file(
        inputs.background_file,
        load_mapper(inputs.genes, inputs.hairpins),
        include_ambiguous=params.include_ambiguous,
    )
mapping = read_tsv(inputs.mapping)
table, sidecar = enrich_list(
    list_id=snakemake.wildcards.list_id,
    queries=queries_from_mapping(mapping, include_ambiguous=params.include_ambiguous),
    units=units_from_mapping(mapping, include_ambiguous=params.include_ambiguous),
    source=json.loads(Path(inputs.source).read_text(encoding="utf-8")),
    library=read_gmt_library(inputs.library),
    library_summary=json.loads(Path(inputs.library_summary).read_text(encoding="utf-8")),
    genes=read_tsv(inputs.genes),
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

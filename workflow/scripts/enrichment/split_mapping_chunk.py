"""Snakemake entry point: one chunk of queries of a large gmt input's mapping table."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.enrichment.batch import mapping_chunk
from exocargo.files import read_tsv, write_table

chunk = mapping_chunk(
    read_tsv(snakemake.input.mapping),
    int(snakemake.wildcards.chunk),
    snakemake.params.chunks,
    source=snakemake.input.mapping,
)
write_table(chunk, snakemake.output.mapping)
print(f"{chunk['query'].nunique()} sets, {len(chunk)} mapping rows", file=sys.stderr)

"""Snakemake entry point: merge a large gmt input's enrichment chunks, output by output, in order."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.enrichment.batch import merge_chunk_files

for name, path in snakemake.output.items():
    merge_chunk_files(list(snakemake.input[name]), path)

"""Snakemake entry point: one chunk of queries of a large gmt input's mapping table."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.batch import mapping_chunk  # noqa: E402
from exocargo.files import read_tsv, write_table  # noqa: E402

chunk = mapping_chunk(
    read_tsv(snakemake.input.mapping),  # noqa: F821
    int(snakemake.wildcards.chunk),  # noqa: F821
    snakemake.params.chunks,  # noqa: F821
    source=snakemake.input.mapping,  # noqa: F821
)
write_table(chunk, snakemake.output.mapping)  # noqa: F821
print(f"{chunk['query'].nunique()} sets, {len(chunk)} mapping rows", file=sys.stderr)

"""Snakemake entry point: merge a large gmt input's enrichment chunks, output by output, in order."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.batch import merge_chunk_files  # noqa: E402

for name, path in snakemake.output.items():  # noqa: F821
    merge_chunk_files(list(snakemake.input[name]), path)  # noqa: F821

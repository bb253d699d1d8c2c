"""Snakemake entry point: miRTarBase CSV -> one row per miRNA-target pair."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.cargo import mirtarbase_pairs, read_mirtarbase  # noqa: E402
from exocargo.files import write_table  # noqa: E402

pairs = mirtarbase_pairs(read_mirtarbase(snakemake.input.mti))  # noqa: F821
write_table(pairs, snakemake.output.pairs)  # noqa: F821
print(pairs["strength"].value_counts().to_string(), file=sys.stderr)

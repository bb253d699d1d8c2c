"""Snakemake entry point: miRTarBase CSV -> one row per miRNA-target pair."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.cargo.targets import mirtarbase_pairs, read_mirtarbase
from exocargo.files import write_table

pairs = mirtarbase_pairs(read_mirtarbase(snakemake.input.mti))
write_table(pairs, snakemake.output.pairs)
print(pairs["strength"].value_counts().to_string(), file=sys.stderr)

"""Snakemake entry point: all lists' cargo tables in one, and a Cytoscape edge list."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.cargo import cargo_edges, merge_cargo_tables  # noqa: E402
from exocargo.files import read_tsv, write_table  # noqa: E402

table = merge_cargo_tables([read_tsv(path) for path in snakemake.input.tables])  # noqa: F821
write_table(table, snakemake.output.table)  # noqa: F821
write_table(cargo_edges(table), snakemake.output.edges)  # noqa: F821

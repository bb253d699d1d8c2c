"""Snakemake entry point: all lists' cargo tables in one, and a Cytoscape edge list."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.cargo.targets import cargo_edges, merge_cargo_tables
from exocargo.files import read_tsv, write_table

table = merge_cargo_tables([read_tsv(path) for path in snakemake.params.tables])
write_table(table, snakemake.output.table)
write_table(cargo_edges(table), snakemake.output.edges)

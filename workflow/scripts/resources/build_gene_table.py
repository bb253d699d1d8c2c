"""Snakemake entry point: build the shared gene table and the miRBase hairpin table."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.files import write_table
from exocargo.resources.genes import (
    gene_table_from_hgnc,
    gene_table_from_ncbi_gene_info,
    mirbase_hairpins,
)

inputs = snakemake.input
if "ncbi" in inputs.keys():
    genes = gene_table_from_ncbi_gene_info(inputs.ncbi)
else:
    genes = gene_table_from_hgnc(inputs.hgnc)
write_table(genes, snakemake.output.genes)
write_table(mirbase_hairpins(inputs.mirbase), snakemake.output.hairpins)
print(f"{len(genes)} genes written", file=sys.stderr)

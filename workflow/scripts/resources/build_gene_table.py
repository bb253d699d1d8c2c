"""Snakemake entry point: build the shared gene table and the miRBase hairpin table."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.files import write_table
from exocargo.text.protein_names import with_other_names
from exocargo.resources.genes import (
    gene_table_from_hgnc,
    gene_table_from_ncbi_gene_info,
    mirbase_hairpins,
)

inputs = snakemake.input
if "ncbi" in inputs.keys():
    genes = gene_table_from_ncbi_gene_info(inputs.ncbi)
else:
    genes = with_other_names(
        gene_table_from_hgnc(inputs.hgnc), inputs.mesh_mappings, inputs.mesh_labels, inputs.mesh_concepts
    )
write_table(genes, snakemake.output.genes)
write_table(mirbase_hairpins(inputs.mirbase), snakemake.output.hairpins)
named = (genes["other_names"] != "").sum()
print(f"{len(genes)} genes written, {named} with other names from MeSH", file=sys.stderr)

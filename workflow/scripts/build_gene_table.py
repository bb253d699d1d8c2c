"""Snakemake entry point: build the shared gene table and the miRBase hairpin table."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.files import write_table  # noqa: E402
from exocargo.genes import (  # noqa: E402
    gene_table_from_hgnc,
    gene_table_from_ncbi_gene_info,
    mirbase_hairpins,
)

inputs = snakemake.input  # noqa: F821
if "ncbi" in inputs.keys():
    genes = gene_table_from_ncbi_gene_info(inputs.ncbi)
else:
    genes = gene_table_from_hgnc(inputs.hgnc)
write_table(genes, snakemake.output.genes)  # noqa: F821
write_table(mirbase_hairpins(inputs.mirbase), snakemake.output.hairpins)  # noqa: F821
print(f"{len(genes)} genes written", file=sys.stderr)

"""Snakemake entry point: agreement of one PFOCR figure's mapping with PFOCR's own genes."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.files import write_table
from exocargo.mapping.pfocr_qc import compare_files

agreement = compare_files(
    snakemake.input.mapping,
    snakemake.input.source,
    include_ambiguous=snakemake.params.include_ambiguous,
)
write_table(agreement.table, snakemake.output.table)
print(f"raw {agreement.raw}, adjusted {agreement.adjusted}", file=sys.stderr)

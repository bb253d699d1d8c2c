"""Snakemake entry point: agreement of one PFOCR figure's mapping with PFOCR's own genes."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.files import write_table  # noqa: E402
from exocargo.pfocr_qc import compare_files  # noqa: E402

agreement = compare_files(
    snakemake.input.mapping,  # noqa: F821
    snakemake.input.source,  # noqa: F821
    include_ambiguous=snakemake.params.include_ambiguous,  # noqa: F821
)
write_table(agreement.table, snakemake.output.table)  # noqa: F821
print(f"raw {agreement.raw}, adjusted {agreement.adjusted}", file=sys.stderr)

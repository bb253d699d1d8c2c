"""Snakemake entry point: agreement of one PFOCR figure's mapping with PFOCR's own genes."""

from exocargo.rowjobs import each_list, open_job_log

open_job_log(snakemake)

import sys

from exocargo.files import write_table
from exocargo.mapping.pfocr_qc import compare_files


def compare_with_pfocr(job):
    agreement = compare_files(job.input.mapping, job.input.source, include_ambiguous=job.params.include_ambiguous)
    write_table(agreement.table, job.output.table)
    print(f"raw {agreement.raw}, adjusted {agreement.adjusted}", file=sys.stderr)


each_list(snakemake, compare_with_pfocr)

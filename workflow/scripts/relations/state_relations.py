"""Snakemake entry point: the stated regulator -> target relations of one input's prose."""

from exocargo.rowjobs import each_list, open_job_log

open_job_log(snakemake)

import sys

from exocargo.files import read_json, write_table
from exocargo.text.model import Sentence
from exocargo.text.relations import relations_table


def state_relations(job):
    records = read_json(job.input.sentences)
    table = relations_table([Sentence.from_record(record) for record in records])
    write_table(table, job.output.relations)
    print(f"{len(table)} stated relations from {len(records)} sentences", file=sys.stderr)


each_list(snakemake, state_relations)

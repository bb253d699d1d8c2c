"""Snakemake entry point: extract names (and the sentences of any prose) from one input file."""

from exocargo.rowjobs import each_list, open_job_log, shared

open_job_log(snakemake)

from pathlib import Path

from exocargo.files import write_json, write_table
from exocargo.inputs.extract import extract
from exocargo.kinds import input_kind
from exocargo.text.mentions import MentionFinder


def extract_names(job):
    inputs, kind, outputs = job.input, job.params.kind, job.output
    finder = None
    if input_kind(kind).has_prose:
        famplex, pathways = Path(inputs.famplex).parent, tuple(inputs.pathways)
        finder = shared(MentionFinder.from_files, inputs.genes, inputs.hairpins, famplex, pathway_gmts=pathways)
    extraction = extract(job.params.path, kind, job.wildcards.list_id, finder=finder)
    write_table(extraction.names, outputs.names)
    write_json(extraction.source, outputs.source)
    write_json(extraction.sentence_records(), outputs.sentences)
    write_table(extraction.mentions(), outputs.mentions)


each_list(snakemake, extract_names)

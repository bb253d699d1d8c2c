"""Snakemake entry point: the stated regulator -> target relations of one input's prose."""

import json
import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")

from exocargo.files import write_table
from exocargo.text.mentions import Sentence
from exocargo.text.relations import relations_table

records = json.loads(Path(snakemake.input.sentences).read_text(encoding="utf-8"))
table = relations_table([Sentence.from_record(record) for record in records])
write_table(table, snakemake.output.relations)
print(f"{len(table)} stated relations from {len(records)} sentences", file=sys.stderr)

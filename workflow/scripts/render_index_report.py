"""Snakemake entry point: the index page of all lists."""

import json
import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.files import read_tsv, write_text  # noqa: E402
from exocargo.report import render_index  # noqa: E402

rows = []
for source_path, summary_path in zip(snakemake.input.sources, snakemake.input.summaries):  # noqa: F821
    source = json.loads(Path(source_path).read_text())
    counts = dict(read_tsv(summary_path)[["match_type", "names"]].itertuples(index=False))
    rows.append({"list_id": source["list_id"], "kind": source["kind"], "names": source["names"], **counts})
write_text(render_index(rows), snakemake.output.html)  # noqa: F821

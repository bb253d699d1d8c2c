"""Snakemake entry point: the HTML report of one list."""

import json
import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.files import read_tsv, write_text  # noqa: E402
from exocargo.report import render_list_report  # noqa: E402

inputs = snakemake.input  # noqa: F821
html = render_list_report(
    list_id=snakemake.wildcards.list_id,  # noqa: F821
    source=json.loads(Path(inputs.source).read_text()),
    mapping_summary=read_tsv(inputs.summary),
    mapping=read_tsv(inputs.mapping),
    enrichment={lib: read_tsv(path) for lib, path in zip(snakemake.params.libraries, inputs.enrichment)},  # noqa: F821
    cargo=read_tsv(inputs.cargo),
    provenance_files=list(inputs.provenance),
)
write_text(html, snakemake.output.html)  # noqa: F821

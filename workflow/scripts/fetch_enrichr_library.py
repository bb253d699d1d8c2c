"""Snakemake entry point: download an Enrichr library by name through gseapy (online)."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.sources import fetch_enrichr_library  # noqa: E402

fetch_enrichr_library(
    snakemake.wildcards.library,  # noqa: F821
    snakemake.output.gmt,  # noqa: F821
    snakemake.output.provenance,  # noqa: F821
    online=snakemake.params.online,  # noqa: F821
)

"""Snakemake entry point: download an Enrichr library by name through gseapy (online)."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.resources.sources import fetch_enrichr_library

fetch_enrichr_library(
    snakemake.wildcards.library,
    snakemake.output.gmt,
    snakemake.output.provenance,
    online=snakemake.params.online,
)

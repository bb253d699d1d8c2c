"""Snakemake entry point: fetch one paper named by id (PMID, PMC) with NCBI E-utilities."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.documents.paper_ids import fetch_paper

fetch_paper(
    snakemake.wildcards.paper_id,
    snakemake.output.article,
    snakemake.output.provenance,
    online=snakemake.params.online,
    base_url=snakemake.params.eutils_url,
)

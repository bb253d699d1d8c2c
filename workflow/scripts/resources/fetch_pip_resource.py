"""Snakemake entry point: extract pinned files from a PyPI package."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")

from exocargo.resources.sources import fetch_pip_members

outputs = {k: v for k, v in snakemake.output.items() if k != "provenance"}
source = snakemake.params.source
if source == "pyenrichr":
    members = [snakemake.wildcards.library]
else:
    members = [Path(path).name for path in outputs.values()]
fetch_pip_members(
    source,
    members,
    list(outputs.values()),
    snakemake.output.provenance,
    snakemake.params.cache,
)

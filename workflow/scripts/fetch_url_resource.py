"""Snakemake entry point: download an online-only resource."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.sources import fetch_url_resource  # noqa: E402

output = [v for k, v in snakemake.output.items() if k != "provenance"][0]  # noqa: F821
fetch_url_resource(
    snakemake.params.url,  # noqa: F821
    output,
    snakemake.output.provenance,  # noqa: F821
    online=snakemake.params.online,  # noqa: F821
    config_key=snakemake.params.config_key,  # noqa: F821
)

"""Snakemake entry point: download an online-only resource."""

import sys

sys.stderr = open(snakemake.log[0], "w")

from exocargo.resources.sources import fetch_url_resource

output = [v for k, v in snakemake.output.items() if k != "provenance"][0]
fetch_url_resource(
    snakemake.params.url,
    output,
    snakemake.output.provenance,
    online=snakemake.params.online,
    config_key=snakemake.params.config_key,
)

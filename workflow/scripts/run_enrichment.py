"""Snakemake entry point: ORA of one list (all its queries) against one library."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.enrichment import run_ora  # noqa: E402
from exocargo.files import read_tsv, write_table  # noqa: E402
from exocargo.libraries import read_gmt_library  # noqa: E402
from exocargo.mapping import USED_MATCH_TYPES  # noqa: E402

inputs, params = snakemake.input, snakemake.params  # noqa: F821
mapping = read_tsv(inputs.mapping)
used = set(USED_MATCH_TYPES) | ({"ambiguous"} if params.include_ambiguous else set())
mapping = mapping[mapping["match_type"].isin(used) & (mapping["entrez_id"] != "")]
queries = {q: list(dict.fromkeys(g["entrez_id"])) for q, g in mapping.groupby("query", sort=False)}
genes = read_tsv(inputs.genes)
table = run_ora(
    queries,
    read_gmt_library(inputs.library),
    symbols=dict(zip(genes["entrez_id"], genes["symbol"])),
    min_size=params.options["min_size"],
    max_size=params.options["max_size"],
)
write_table(table, snakemake.output.table)  # noqa: F821

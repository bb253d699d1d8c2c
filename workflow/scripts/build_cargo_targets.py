"""Snakemake entry point: the cargo -> target table of one list."""

import sys
from pathlib import Path

sys.stderr = open(snakemake.log[0], "w")  # noqa: F821
sys.path.insert(0, str(Path(__file__).parent))

from exocargo.cargo import read_mirtarbase, validated_targets  # noqa: E402
from exocargo.files import read_tsv, write_table  # noqa: E402

mapping = read_tsv(snakemake.input.mapping)  # noqa: F821
mirnas = list(dict.fromkeys(mapping.loc[mapping["match_type"] == "mirna", "input_name"]))
table = validated_targets(mirnas, read_mirtarbase(snakemake.input.mti))  # noqa: F821
table["document"] = snakemake.wildcards.list_id  # noqa: F821
write_table(table, snakemake.output.table)  # noqa: F821

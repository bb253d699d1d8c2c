"""Cargo-to-target tables: stated relations and miRTarBase targets of each cargo, with pathways and evidence."""

from exocargo.cargo.targets import (
    build_cargo_table,
    build_list_cargo,
    cargo_edges,
    merge_cargo_tables,
    mirtarbase_pairs,
    read_mirtarbase,
    split_cargo_table,
)

__all__ = [
    "build_list_cargo",
    "build_cargo_table",
    "merge_cargo_tables",
    "cargo_edges",
    "read_mirtarbase",
    "mirtarbase_pairs",
    "split_cargo_table",
]

"""exocargo: genes and microRNAs of pathway figures and exosome-cargo papers to Entrez IDs,
enrichment, cargo-to-target tables and reports.

The stages are subpackages, in pipeline order: :mod:`exocargo.resources`, :mod:`exocargo.mapping`,
:mod:`exocargo.text`, :mod:`exocargo.inputs`, :mod:`exocargo.enrichment`, :mod:`exocargo.cargo`,
:mod:`exocargo.report`; :mod:`exocargo.tables` describes every output table.

The top-level functions (:func:`map_names`, :func:`enrich`, :func:`find_relations`) are loaded on first
use, so that a workflow job importing one small module does not pay for the whole API.
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"
__all__ = ["map_names", "enrich", "find_relations", "read_paper", "fetch_resources", "resources_dir"]


def __getattr__(name: str):
    if name in __all__:
        return getattr(import_module("exocargo.api"), name)
    raise AttributeError(f"module 'exocargo' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])

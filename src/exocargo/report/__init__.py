"""What people read: HTML pages rendered from templates, plots, the XLSX workbook, provenance.

Names are imported on first use: a report job that writes no plot never loads matplotlib.
"""

from importlib import import_module

_HOMES = {
    "write_index_report": "index_page",
    "write_run_config": "index_page",
    "load_list_report": "list_page",
    "write_list_report": "list_page",
    "write_network_plot": "network_plot",
    "comparison_figure": "plots",
    "save_svg": "plots",
    "top_terms_figure": "plots",
    "collect_provenance": "provenance",
    "ListFiles": "run_files",
    "RunFiles": "run_files",
    "write_results_zip": "workbook",
    "write_workbook": "workbook",
}

__all__ = list(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)


def __dir__() -> list[str]:
    return sorted(__all__)

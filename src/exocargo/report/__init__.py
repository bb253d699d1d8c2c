"""What people read: HTML pages rendered from templates, plots, the XLSX workbook, provenance."""

from exocargo.report.index_page import write_index_report, write_run_config
from exocargo.report.list_page import load_list_report, write_list_report
from exocargo.report.network_plot import write_network_plot
from exocargo.report.plots import comparison_figure, save_svg, top_terms_figure
from exocargo.report.provenance import collect_provenance
from exocargo.report.run_files import ListFiles, RunFiles
from exocargo.report.workbook import write_results_zip, write_workbook

__all__ = [
    "load_list_report",
    "write_list_report",
    "write_index_report",
    "ListFiles",
    "RunFiles",
    "write_run_config",
    "write_workbook",
    "write_results_zip",
    "collect_provenance",
    "top_terms_figure",
    "comparison_figure",
    "save_svg",
    "write_network_plot",
]

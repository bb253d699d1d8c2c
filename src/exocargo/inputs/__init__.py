"""Reading inputs: the sheet, each input kind's reader, and the extract step (names of each query)."""

from exocargo.errors import InputError
from exocargo.inputs.extract import STATUS_FAILED, STATUS_OK, extract_mentions, extract_names
from exocargo.inputs.readers import (
    detect_kind,
    parse_pfocr_record,
    pfocr_names,
    read_gene_list,
    read_gmt,
    read_pfocr,
    read_text,
)
from exocargo.inputs.sheet import ConfigError, SheetError, check_config, load_sheet

__all__ = [
    "load_sheet",
    "check_config",
    "SheetError",
    "ConfigError",
    "read_text",
    "detect_kind",
    "read_gene_list",
    "read_gmt",
    "read_pfocr",
    "parse_pfocr_record",
    "pfocr_names",
    "extract_names",
    "extract_mentions",
    "STATUS_OK",
    "STATUS_FAILED",
    "InputError",
]

"""Names to Entrez Gene IDs: the local mapper (HGNC, FamPlex families, miRBase), the MyGene.info backend, and the PFOCR agreement check."""

from exocargo.mapping.decisions import MATCH_TYPES, USED_MATCH_TYPES, Context, Hit, Mapper
from exocargo.mapping.families import FamPlex
from exocargo.mapping.local import LocalMapper
from exocargo.mapping.mirna import parse_mirnas, parse_one
from exocargo.mapping.mygene_backend import MyGeneError, MyGeneMapper
from exocargo.mapping.pfocr_qc import compare_files, compare_with_pfocr
from exocargo.mapping.table import load_mapper, map_list, map_names_table, summarise, used_entrez_ids

__all__ = [
    "Hit",
    "Context",
    "Mapper",
    "MATCH_TYPES",
    "USED_MATCH_TYPES",
    "LocalMapper",
    "load_mapper",
    "map_names_table",
    "used_entrez_ids",
    "summarise",
    "map_list",
    "parse_mirnas",
    "parse_one",
    "FamPlex",
    "MyGeneMapper",
    "MyGeneError",
    "compare_with_pfocr",
    "compare_files",
]

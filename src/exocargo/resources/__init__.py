"""Reference data: pinned downloads with sha256 and provenance, and the gene table built from them."""

from exocargo.resources.sources import PIP_SOURCES, PipSource, fetch_pip_members, fetch_url_resource, fetch_enrichr_library, sha256_of, SourceUnavailableError
from exocargo.resources.layout import ResourceLayout
from exocargo.resources.genes import gene_table_from_hgnc, gene_table_from_ncbi_gene_info, mirbase_hairpins

__all__ = [
    "ResourceLayout",
    "PIP_SOURCES",
    "PipSource",
    "fetch_pip_members",
    "fetch_url_resource",
    "fetch_enrichr_library",
    "sha256_of",
    "SourceUnavailableError",
    "gene_table_from_hgnc",
    "gene_table_from_ncbi_gene_info",
    "mirbase_hairpins",
]

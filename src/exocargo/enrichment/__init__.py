"""Over-representation analysis: the batch engine and its statistics, backgrounds, libraries, comparison of lists, the miRNA-target null, and chunked GMT inputs."""

from exocargo.enrichment.backgrounds import background_genes, read_background_file
from exocargo.enrichment.compare import compare_lists
from exocargo.enrichment.libraries import build_pfocr_library, library_record, read_gmt_library, translate_library
from exocargo.enrichment.mirna_null import mirna_set_enrichment
from exocargo.enrichment.ora import design_ora, ora_batch
from exocargo.enrichment.run import EnrichmentOptions, enrich_list, queries_from_mapping, read_enrichment
from exocargo.enrichment.stats import benjamini_hochberg, hypergeom_sf, is_significant

__all__ = [
    "hypergeom_sf",
    "benjamini_hochberg",
    "is_significant",
    "ora_batch",
    "design_ora",
    "background_genes",
    "read_background_file",
    "read_gmt_library",
    "translate_library",
    "build_pfocr_library",
    "library_record",
    "EnrichmentOptions",
    "enrich_list",
    "queries_from_mapping",
    "read_enrichment",
    "compare_lists",
    "mirna_set_enrichment",
]

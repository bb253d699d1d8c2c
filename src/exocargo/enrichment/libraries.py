"""Gene-set libraries: reading GMT files and meeting queries on Entrez IDs.

Enrichr libraries list gene symbols. We translate each library to Entrez once,
through the same gene table the queries are mapped with, and report how many
library symbols did not map, so that a query and a library always meet on the
same IDs. A folder of PFOCR figure records is turned into a library directly:
one term per figure (``figid: title``), genes from mapping the figure's words
exactly as a ``pfocr`` list is mapped.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from exocargo.errors import InputError
from exocargo.gmt import parse_gmt
from exocargo.inputs.readers import parse_pfocr_record, pfocr_names, read_text
from exocargo.mapping.decisions import Context, Mapper
from exocargo.mapping.table import map_names_table, used_entrez_ids
from exocargo.resources.sources import sha256_of

# A library symbol is translated only through these unambiguous matches.
TRANSLATION_MATCH_TYPES = ("entrez", "symbol", "previous", "alias", "mirna")
EXAMPLES = 50


def read_gmt_library(path: str | Path) -> dict[str, list[str]]:
    """A GMT library as ``{term: [gene, ...]}``, genes in file order (:func:`exocargo.gmt.parse_gmt`)."""
    library = {gene_set.name: list(gene_set.genes) for gene_set in parse_gmt(read_text(path), path)}
    if not library:
        raise InputError(f"{path}: the library has no gene sets. Point the config at a GMT file with gene sets.")
    return library


def translate_library(library: dict[str, list[str]], mapper: Mapper) -> tuple[dict[str, list[str]], dict]:
    """Translate library symbols to Entrez IDs.

    Only unambiguous matches count (:data:`TRANSLATION_MATCH_TYPES`: the
    approved symbol, a previous symbol or an alias of one gene, a miRNA
    symbol); anything else is reported as unmapped. Terms left without any
    gene are left out of the translated library and listed in the summary.
    """
    symbols = list(dict.fromkeys(g for genes in library.values() for g in genes))
    answers = mapper.map_names(symbols)
    entrez_of = {
        symbol: [h.entrez_id for h in hits if h.match_type in TRANSLATION_MATCH_TYPES and h.entrez_id]
        for symbol, hits in answers.items()
    }
    unmapped = sorted(s for s in symbols if not entrez_of[s])
    ambiguous = sorted(s for s in unmapped if any(h.match_type == "ambiguous" for h in answers[s]))
    translated: dict[str, list[str]] = {}
    empty_terms = []
    for term, genes in library.items():
        ids = list(dict.fromkeys(e for g in genes for e in entrez_of[g]))
        if ids:
            translated[term] = ids
        else:
            empty_terms.append(term)
    summary = {
        "terms": len(library),
        "terms_translated": len(translated),
        "terms_without_genes": empty_terms,
        "library_symbols": len(symbols),
        "unmapped_symbols": len(unmapped),
        "ambiguous_symbols": len(ambiguous),
        "unmapped_examples": unmapped[:EXAMPLES],
        "entrez_genes": len({e for ids in translated.values() for e in ids}),
    }
    return translated, summary


def _one_line(text: str) -> str:
    """A title fit for a GMT term name: no tabs or line breaks, single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def build_pfocr_library(
    folder: str | Path, mapper: Mapper, *, include_ambiguous: bool = False
) -> tuple[dict[str, list[str]], dict]:
    """A library with one term per PFOCR figure record (``*.md``) in ``folder``.

    Each term is named ``"figid: title"``; its genes are the figure's words
    mapped like a ``pfocr`` list (figure words, the title and caption as
    context). Figures whose words map to no gene are left out and listed in
    the summary; an unreadable record stops the build with its file name.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(
            f"{folder}: not a folder. Set 'path' of the pfocr_folder library to a folder of PFOCR records."
        )
    paths = sorted(folder.glob("*.md"))
    if not paths:
        raise InputError(f"{folder}: no PFOCR records (*.md) found. Put the figure records in this folder.")
    library: dict[str, list[str]] = {}
    seen: dict[str, Path] = {}
    without_genes, unmapped_names, names_total = [], [], 0
    for path in paths:
        record = parse_pfocr_record(path)
        if record.figid in seen:
            raise InputError(
                f"{path}: figure {record.figid} is already in {seen[record.figid].name}. Keep one record per figure."
            )
        seen[record.figid] = path
        names = pfocr_names(record, record.figid)
        mapping = map_names_table(names, mapper, kind="pfocr", context=Context.of(record.title, record.caption))
        names_total += len(names)
        unmapped_names += [
            f"{record.figid}: {n}" for n in mapping.loc[mapping["match_type"] == "unmapped", "input_name"]
        ]
        genes = used_entrez_ids(mapping, include_ambiguous=include_ambiguous)
        title = _one_line(record.title)
        term = f"{record.figid}: {title}" if title else record.figid
        if genes:
            library[term] = genes
        else:
            without_genes.append(record.figid)
    if not library:
        raise InputError(f"{folder}: none of the {len(paths)} PFOCR records has a word that maps to a gene.")
    summary = {
        "records": len(paths),
        "terms": len(library),
        "figures_without_genes": without_genes,
        "figure_words": names_total,
        "unmapped_words": len(unmapped_names),
        "unmapped_examples": unmapped_names[:EXAMPLES],
        "entrez_genes": len({e for ids in library.values() for e in ids}),
    }
    return library, summary


def library_record(name: str, source: str, path: str | Path, provenance: str | Path | None = None) -> dict:
    """Name, source, version and origin of a library, for the translation summary and result sidecars.

    Fetched libraries take version and licence from their provenance JSON; a
    local GMT is identified by its sha256; a PFOCR folder by its path.
    """
    record = {"name": name, "source": source, "path": str(path)}
    if provenance:
        facts = json.loads(Path(provenance).read_text(encoding="utf-8"))
        record.update(
            version=facts["version"], licence=facts["licence"], origin=facts["origin"], provenance=str(provenance)
        )
    elif Path(path).is_file():
        record.update(version=f"sha256:{sha256_of(path)}", licence="user file", origin=str(path))
    else:
        record.update(version=f"folder of {len(list(Path(path).glob('*.md')))} PFOCR records", licence="user files")
        record["origin"] = str(path)
    return record

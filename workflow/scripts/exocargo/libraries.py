"""Gene-set libraries: reading GMT files and meeting queries on Entrez IDs.

Enrichr libraries list gene symbols. We translate each library to Entrez once,
through the same mapper the queries use, and report how many library symbols
did not map, so that a query and a library always meet on the same IDs.
"""

from __future__ import annotations

from pathlib import Path

from .inputs import InputError, read_text
from .mapping import LocalMapper


def read_gmt_library(path: str | Path) -> dict[str, list[str]]:
    """Read a GMT library as ``{term: [gene, ...]}``, genes in file order.

    Enrichr writes ``term<TAB><TAB>gene...`` (empty description) and some
    genes as ``SYMBOL,1.0``; the weight is dropped.
    """
    library: dict[str, list[str]] = {}
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            raise InputError(f"{path}, line {number}: a GMT line needs a term, a description and genes, tab-separated.")
        genes = [g.split(",")[0].strip() for g in fields[2:] if g.strip()]
        term = fields[0].strip()
        if term in library:
            raise InputError(f"{path}, line {number}: term {term!r} appears twice.")
        library[term] = list(dict.fromkeys(genes))
    if not library:
        raise InputError(f"{path}: the library has no gene sets.")
    return library


def translate_library(library: dict[str, list[str]], mapper: LocalMapper) -> tuple[dict[str, list[str]], dict]:
    """Translate library symbols to Entrez IDs.

    Only unambiguous matches are used (symbol, previous symbol, or an alias
    shared by no other gene); anything else is counted as unmapped.
    """
    cache: dict[str, list[str]] = {}
    translated: dict[str, list[str]] = {}
    unmapped: set[str] = set()
    for term, genes in library.items():
        ids: list[str] = []
        for gene in genes:
            if gene not in cache:
                hits = [h for h in mapper.map_name(gene) if h.match_type in ("symbol", "previous", "alias", "entrez")]
                cache[gene] = [h.entrez_id for h in hits]
                if not hits:
                    unmapped.add(gene)
            ids.extend(cache[gene])
        translated[term] = list(dict.fromkeys(ids))
    symbols = set(cache)
    summary = {
        "terms": len(library),
        "library_symbols": len(symbols),
        "unmapped_symbols": len(unmapped),
        "unmapped_examples": sorted(unmapped)[:50],
        "entrez_genes": len({e for ids in translated.values() for e in ids}),
    }
    return translated, summary


def write_gmt(library: dict[str, list[str]], path: str | Path, descriptions: dict[str, str] | None = None) -> None:
    """Write ``{term: genes}`` as GMT, atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        for term, genes in library.items():
            handle.write("\t".join([term, (descriptions or {}).get(term, ""), *genes]) + "\n")
    tmp.replace(path)

"""The one GMT reader and writer, for gene-set libraries and for GMT inputs alike.

A GMT line is ``name<TAB>description<TAB>gene<TAB>gene...``. Enrichr writes
some genes as ``SYMBOL,1.0`` (a weight); the weight is dropped everywhere, so
``TP53,1.0`` is TP53 in a library and in a user's list.

Example
-------
>>> [(s.name, s.genes) for s in parse_gmt("T1\\t\\tTP53,1.0\\tMDM2\\n", "x.gmt")]
[('T1', ('TP53', 'MDM2'))]
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exocargo.errors import InputError
from exocargo.files import atomic_output


@dataclass(frozen=True)
class GeneSet:
    name: str
    description: str
    genes: tuple[str, ...]  # distinct, in file order
    line: int


def clean_name(raw: str) -> str:
    """A name without the whitespace, quotes and trailing ``,`` or ``;`` that spreadsheets add.

    The one cleaner for names read from GMT fields, gene-list lines, PFOCR words
    and the Python API.
    """
    name = raw.strip().strip("\"'`\u201c\u201d\u2018\u2019").strip()
    return name.rstrip(",;")


def gene_of(field: str) -> str:
    """A gene field without its Enrichr weight (``TP53,1.0``), cleaned by :func:`clean_name`."""
    return clean_name(field.split(",")[0])


def parse_gmt(text: str, path: str | Path) -> list[GeneSet]:
    """Every set of a GMT text; a malformed line is an :class:`InputError` naming the line and the fix."""
    sets: list[GeneSet] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        fields = line.rstrip("\r").split("\t")
        genes = tuple(dict.fromkeys(g for g in map(gene_of, fields[2:]) if g))
        if len(fields) < 3 or not genes:
            raise InputError(
                f"{path}, line {number}: a GMT line needs a set name, a description and at least one gene, "
                "separated by tabs. Fix or remove the line."
            )
        name = fields[0].strip()
        if not name:
            raise InputError(f"{path}, line {number}: the set has no name. Put its name in the first field.")
        if name in seen:
            raise InputError(
                f"{path}, line {number}: set name {name!r} repeats line {seen[name]}; set names must be unique."
            )
        seen[name] = number
        sets.append(GeneSet(name, fields[1].strip(), genes, number))
    return sets


def write_gmt(library: dict[str, list[str]], path: str | Path, descriptions: dict[str, str] | None = None) -> None:
    """Write ``{term: genes}`` as GMT, atomically."""
    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        for term, genes in library.items():
            handle.write("\t".join([term, (descriptions or {}).get(term, ""), *genes]) + "\n")

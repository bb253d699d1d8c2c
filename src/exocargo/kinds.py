"""The four input kinds of the sheet, and what each stage does with one.

Stages ask a kind's record (``input_kind("gmt").has_cargo``) instead of comparing its name, so a
fact such as "a GMT holds gene sets, not cargo" is written here once.

>>> input_kind("gmt").has_cargo, input_kind("text").words_from_prose
(False, True)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputKind:
    """One value of the sheet's ``kind`` column."""

    name: str
    description: str
    # Names are words of a figure or of prose, not a curated list: a digit string is not an Entrez
    # ID and a short alias shared by several genes stays doubtful.
    words_from_prose: bool
    # Each line is a named gene set, analysed as its own query; a set of genes is not cargo.
    holds_gene_sets: bool
    # Every miRNA the input names is cargo (a cargo list, or a figure of cargo and targets).
    mirnas_are_cargo: bool
    # Prose read for stated relations: the document itself, or a figure's title and caption.
    has_prose: bool
    # Names are mentions found in sentences, each with a count and the first sentence naming it.
    names_are_mentions: bool
    # A PFOCR figure record: compared with PFOCR's own genes, and possibly inside a PFOCR library.
    is_pfocr_figure: bool

    @property
    def has_cargo(self) -> bool:
        return not self.holds_gene_sets


GENES = InputKind(
    "genes",
    "one name per line (symbols, aliases, Entrez, Ensembl, miRNAs)",
    words_from_prose=False,
    holds_gene_sets=False,
    mirnas_are_cargo=True,
    has_prose=False,
    names_are_mentions=False,
    is_pfocr_figure=False,
)
PFOCR = InputKind(
    "pfocr",
    "a PFOCR figure record (YAML front matter with genes: words)",
    words_from_prose=True,
    holds_gene_sets=False,
    mirnas_are_cargo=True,
    has_prose=True,
    names_are_mentions=False,
    is_pfocr_figure=True,
)
TEXT = InputKind(
    "text",
    "a paper or review as plain text or Markdown",
    words_from_prose=True,
    holds_gene_sets=False,
    mirnas_are_cargo=False,
    has_prose=True,
    names_are_mentions=True,
    is_pfocr_figure=False,
)
GMT = InputKind(
    "gmt",
    "gene sets, one per line: name, description, genes (tab-separated)",
    words_from_prose=False,
    holds_gene_sets=True,
    mirnas_are_cargo=False,
    has_prose=False,
    names_are_mentions=False,
    is_pfocr_figure=False,
)
INPUT_KINDS = {kind.name: kind for kind in (GENES, PFOCR, TEXT, GMT)}


def input_kind(name: str) -> InputKind:
    """The record of a sheet ``kind``; an unknown name raises ``ValueError`` listing the known ones."""
    try:
        return INPUT_KINDS[name]
    except KeyError:
        raise ValueError(f"unknown input kind {name!r}; use one of {', '.join(INPUT_KINDS)}.") from None

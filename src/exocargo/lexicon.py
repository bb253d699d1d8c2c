"""Small word tables for text mining: protein names, drugs, cancers, outcomes, stopwords.

Each table is a TSV under ``exocargo/data/`` whose header comment cites its
source. :func:`load_lexicon` reads them once into a :class:`Lexicon` whose
compiled patterns find whole-word, case-insensitive matches in a sentence.

Example
-------
>>> lexicon = load_lexicon()
>>> [(m.normalized, m.text) for m in lexicon.find_drugs("Cells resist CDDP and adriamycin.")]
[('cisplatin', 'CDDP'), ('doxorubicin', 'adriamycin')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd

from exocargo.greek import spell_greek

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Term:
    """One match of a table entry in a sentence."""

    start: int
    end: int
    text: str
    normalized: str


def _alternation(forms: list[str]) -> str:
    """A regex alternation of literal forms, longest first (so the longest form wins)."""
    return "|".join(re.escape(form) for form in sorted(set(forms), key=len, reverse=True))


def _whole_words(forms: list[str]) -> re.Pattern:
    """Whole words; a hyphenated attachment may follow ("cisplatin-resistant", "gastric cancer-derived")."""
    return re.compile(rf"(?<![\w-])(?:{_alternation(forms)})(?!\w)(?!-\d)", re.IGNORECASE)


@dataclass
class WordTable:
    """Written forms -> normalised name, found as whole words."""

    normal_of: dict[str, str]
    pattern: re.Pattern = field(init=False)

    def __post_init__(self) -> None:
        self.pattern = _whole_words(list(self.normal_of)) if self.normal_of else re.compile(r"(?!)")

    def find(self, text: str) -> list[Term]:
        return [
            Term(m.start(), m.end(), m.group(0), self.normal_of[m.group(0).lower()])
            for m in self.pattern.finditer(text)
        ]

    def with_forms(self, extra: dict[str, str]) -> WordTable:
        """A copy that also knows ``extra`` written forms (e.g. a document's own abbreviations)."""
        return WordTable({**self.normal_of, **{k.lower(): v for k, v in extra.items()}})


def _synonym_table(frame: pd.DataFrame, name_column: str) -> WordTable:
    normal_of = {}
    for name, synonyms in frame[[name_column, "synonyms"]].itertuples(index=False):
        for form in [name, *filter(None, synonyms.split("|"))]:
            normal_of[form.lower()] = name
    return WordTable(normal_of)


@dataclass
class Lexicon:
    """All word tables of :mod:`exocargo.lexicon`, compiled once."""

    proteins: WordTable  # written protein name -> HGNC symbol
    drugs: WordTable
    cancers: WordTable
    outcomes: list[tuple[str, re.Pattern]]
    stopwords: frozenset[str]  # upper case
    # protein_symbol per written token: asked for every token of a document, and tokens repeat.
    _protein_symbols: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)

    def find_drugs(self, text: str) -> list[Term]:
        return self.drugs.find(text)

    def find_cancers(self, text: str) -> list[Term]:
        return self.cancers.find(text)

    def find_outcomes(self, text: str) -> list[Term]:
        return sorted(
            (
                Term(m.start(), m.end(), m.group(0), outcome)
                for outcome, pattern in self.outcomes
                for m in pattern.finditer(text)
            ),
            key=lambda term: term.start,
        )

    def protein_symbol(self, written: str) -> str | None:
        """HGNC symbol of a protein name written as a whole token, Greek letters either way."""
        if written not in self._protein_symbols:
            normal_of = self.proteins.normal_of
            self._protein_symbols[written] = normal_of.get(written.lower()) or normal_of.get(
                spell_greek(written).lower()
            )
        return self._protein_symbols[written]


@cache
def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read the tables of ``data_dir`` (default ``exocargo/data``)."""

    def read(name: str) -> pd.DataFrame:
        return pd.read_csv(data_dir / name, sep="\t", comment="#", dtype=str, keep_default_na=False)

    proteins = read("protein_names.tsv")
    protein_forms = {}
    for name, symbol in proteins[["name", "symbol"]].itertuples(index=False):
        protein_forms[name.lower()] = symbol
        protein_forms[spell_greek(name).lower()] = symbol
    outcomes = [
        (outcome, re.compile(rf"(?<![\w-])(?:{patterns})", re.IGNORECASE))
        for outcome, patterns in read("outcomes.tsv")[["outcome", "patterns"]].itertuples(index=False)
    ]
    return Lexicon(
        proteins=WordTable(protein_forms),
        drugs=_synonym_table(read("drugs.tsv"), "drug"),
        cancers=_synonym_table(read("cancers.tsv"), "cancer"),
        outcomes=outcomes,
        stopwords=frozenset(read("stopwords.tsv")["word"].str.upper()),
    )

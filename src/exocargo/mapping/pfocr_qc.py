"""How our mapping of a PFOCR figure's words agrees with PFOCR's own genes.

We map each figure ``word`` ourselves, never reading PFOCR's ``symbol``,
``hgnc_symbol`` or ``entrez`` fields (see :mod:`exocargo.mapping`). This module
then compares the two Entrez sets, figure-wide and word by word, and names the
cause of every disagreement. Some causes are cases where PFOCR is the one that
is wrong or less complete (it reads ``CaM`` as the KRIT1 alias ``CAM``, keeps
only ``MEK2`` of ``MEK-1/2``, maps the chemical ``ADP`` to a gene); those are
marked ``we_are_more_correct = yes`` and corrected in the *adjusted* scores.
Everything else counts against us, in both the raw and the adjusted scores,
including names we leave ambiguous where PFOCR picked a gene.

Causes where PFOCR is in error:

- *not a gene*: the FamPlex grounding map reads the word as a chemical or a
  process (``ADP``, ``cAMP``), which PFOCR matched to a gene alias;
- *family*: the word names a FamPlex family and PFOCR used the alias or
  previous symbol of one gene (``CaM``, ``TRP``, ``NF-KB``);
- *FamPlex version*: both read a family, but FamPlex 0.0.5 lists other members
  than PFOCR's older copy (``PI3K`` with PIK3R1 and PIK3R2); or PFOCR's copy reads
  the word as genes that are none of the readings FamPlex 0.0.5 curates for it
  (``Ac``: the adenylyl cyclases for PFOCR; ADCY1 or adenocarcinoma for FamPlex, and
  the figure's acetylation marks for a reader);
- *not a gene* also when the word, read another way, is a curated chemical
  (``GĀ``: GA, gibberellin, with a stray accent), or when every part of it is one
  letter or a number (``g/g``, grams per gram);
- *joined parts*: PFOCR's alias is in no part of the word, only in the word with the
  punctuation between its parts dropped (``Me,N-`` read as the ELL alias MEN,
  ``Na*K*`` as the TBK1 alias NAK). A name found in a part, or in a part as a reader
  expands it (``MEK1,2`` carries MEK2), is never excused;
- *whole name*: FamPlex curates the whole word, punctuation and all, and PFOCR read
  one of its parts (``APC/C``, the anaphase-promoting complex, read as APC);
- *slash expansion*: the word names several genes and PFOCR kept only some
  (``MEK-1/2``);
- *family scope*: FamPlex's grounding map reads the word as a family and PFOCR
  as the symbol of one member (``Fos``). Our rule, kept everywhere: a word that
  FamPlex curates as a family names the whole family, pseudogenes left out;
- *precedence*: the word is an approved symbol, or FamPlex curates it as a gene,
  and PFOCR read it as another gene's alias (``TAK1`` is MAP3K7 in FamPlex, not
  the NR2C2 alias).

The *adjusted* scores compare our set with PFOCR's corrected by these rows (its
wrong genes taken out, the genes it missed added); :attr:`Agreement.corrected`
is that set, so that any other mapper can be scored against it.

Example
-------
>>> table = compare_with_pfocr(mapping, source["pfocr"]["pfocr_genes"])  # doctest: +SKIP
>>> table.iloc[0][["precision", "recall", "f1"]].tolist()  # doctest: +SKIP
['0.986', '1.000', '0.993']
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from exocargo.files import read_tsv
from exocargo.greek import squash_name
from exocargo.mapping.decisions import NOT_A_GENE, USED_MATCH_TYPES
from exocargo.mapping.words import split_forms, tidy_word
from exocargo.tables import PFOCR_AGREEMENT_TABLE

AGREE = "agree"
PFOCR_ALIAS_SOURCES = frozenset({"hgnc_alias_symbol", "hgnc_prev_symbol"})


@dataclass(frozen=True)
class Scores:
    """Set agreement counts: true positives, ours only, PFOCR's only."""

    shared: int
    only_ours: int
    only_pfocr: int

    @property
    def precision(self) -> float:
        found = self.shared + self.only_ours
        return self.shared / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.shared + self.only_pfocr
        return self.shared / expected if expected else 1.0

    @property
    def f1(self) -> float:
        total = 2 * self.shared + self.only_ours + self.only_pfocr
        return 2 * self.shared / total if total else 1.0

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.shared + other.shared, self.only_ours + other.only_ours, self.only_pfocr + other.only_pfocr)


@dataclass
class _Word:
    """One figure word: what we made of it and what PFOCR made of it."""

    word: str
    ours: dict[str, str]  # entrez -> symbol, genes we put in the gene set
    match_types: list[str]
    notes: list[str]
    pfocr: dict[str, str]  # entrez -> symbol
    pfocr_sources: list[str]
    pfocr_matched: dict[str, tuple[str, str]] = field(default_factory=dict)  # entrez -> (name PFOCR matched, source)
    candidates: set[str] = field(default_factory=set)  # genes of our ambiguous rows, none picked


def _words(mapping: pd.DataFrame, pfocr_genes: list[dict], include_ambiguous: bool) -> list[_Word]:
    used = USED_MATCH_TYPES | ({"ambiguous"} if include_ambiguous else set())
    words: dict[str, _Word] = {}

    def word(key: str, written: str) -> _Word:
        return words.setdefault(key, _Word(written, {}, [], [], {}, []))

    for name, entrez, symbol, match_type, note in mapping[
        ["input_name", "entrez_id", "symbol", "match_type", "note"]
    ].itertuples(index=False):
        entry = word(tidy_word(name), name)
        entry.match_types.append(match_type)
        entry.notes.append(note)
        if entrez and match_type in used:
            entry.ours[entrez] = symbol
        elif entrez and match_type == "ambiguous":
            entry.candidates.add(entrez)
    for gene in pfocr_genes:
        entry = word(tidy_word(gene.get("word", "")), gene.get("word", ""))
        if gene.get("entrez"):
            entry.pfocr[str(gene["entrez"])] = gene.get("hgnc_symbol", "")
            entry.pfocr_matched[str(gene["entrez"])] = (str(gene.get("symbol", "")), gene.get("source", ""))
        entry.pfocr_sources.append(gene.get("source", ""))
    return list(words.values())


# What separates the names, or the atoms of a formula, inside one figure word ("JAK1,STAT3", "Na*K*").
_WORD_PARTS = re.compile(r"[,;:|/*=+()\[\]{}'\s]+")


# How the mapper's note starts when it read a word as several parts.
_SPLIT_NOTES = ("several names in one word", "slash expansion", "range expansion")


def _squashed_parts(written: str) -> list[str]:
    """The word's parts between its punctuation, squashed as names are compared (empty parts left out)."""
    return [p for p in map(squash_name, _WORD_PARTS.split(written)) if p]


def _joined_across_parts(word: _Word, genes: set[str]) -> str:
    """PFOCR's aliases for ``genes`` that are in no part of the word: PFOCR read across its punctuation.

    ``Me,N-`` gives PFOCR the ELL alias MEN, ``Na*K*`` the TBK1 alias NAK: names that only exist
    once the comma or the asterisks that separate the parts are dropped. Returns those aliases, or
    ``""`` when any of them is inside a part (PFOCR may have read that part in a way we did not).
    """
    written = tidy_word(word.word)
    parts = _squashed_parts(written)
    if len(parts) < 2:
        return ""
    # The parts as a reader expands them too: "MEK1,2" carries MEK2.
    parts += [squash_name(q) for p in split_forms(written)[0] for q in _WORD_PARTS.split(p)]
    matched = [word.pfocr_matched.get(e, ("", "")) for e in genes]
    if not all(source in PFOCR_ALIAS_SOURCES and name for name, source in matched):
        return ""
    if any(squash_name(name) in part for name, _ in matched for part in parts):
        return ""
    return ", ".join(sorted({name for name, _ in matched}))


def _read_as_not_a_gene(note: str) -> bool:
    """Whether the mapper found the word, as written or once read another way, to be no gene.

    ``GĀ``: "accents removed (GA); chemical (not a gene) ...": the reading's note comes first.
    Words split into parts are left out: there one part's verdict is not the word's.
    """
    if note.startswith(_SPLIT_NOTES):
        return False
    return any(segment.startswith(NOT_A_GENE) for segment in note.split("; "))


def _letters_and_numbers_only(written: str) -> bool:
    """``g/g``, ``G/10``, ``47,711``: parts that are each one letter or a number name no gene.

    Asked only of words the mapper found nothing for: ``14-3-3`` is a family FamPlex curates whole.
    """
    parts = [p for p in re.split(r"[^0-9A-Za-z\u0370-\u03ff]+", tidy_word(written)) if p]
    return len(parts) > 1 and all(len(p) == 1 or p.isdigit() for p in parts)


def _part_of_a_curated_name(word: _Word) -> str:
    """PFOCR's names that are parts of a word FamPlex curates whole (``APC/C``, the complex, not APC).

    Returns those names, or ``""``: when our reading of the word is not FamPlex's reading of the whole
    word (its note then starts with how the word was split), or PFOCR's name is not one of the parts.
    """
    notes = [n for n in word.notes if n]
    if not notes or not all(n.startswith("FamPlex ") for n in notes) or not split_forms(tidy_word(word.word))[0]:
        return ""
    parts = set(_squashed_parts(tidy_word(word.word)))
    matched = [word.pfocr_matched.get(e, ("", ""))[0] for e in set(word.pfocr) - set(word.ours)]
    if not matched or not all(squash_name(name) in parts for name in matched):
        return ""
    return ", ".join(sorted(set(matched)))


def _cause(word: _Word) -> tuple[str, bool]:
    """Why we and PFOCR differ on a word, and whether PFOCR is the one in error."""
    types = set(word.match_types)
    sources = set(word.pfocr_sources)
    note = next((n for n in word.notes if n), "")
    only_pfocr = sorted(word.pfocr[e] for e in set(word.pfocr) - set(word.ours))
    if split_forms(tidy_word(word.word))[0] and set(word.pfocr) < set(word.ours):
        return "slash expansion: the word names several genes and PFOCR kept only part of them", True
    if types == {"unmapped"} and _read_as_not_a_gene(note):
        return f"not a gene: {note}; PFOCR read it as a gene", True
    if types == {"unmapped"} and word.pfocr and _letters_and_numbers_only(word.word):
        return "not a gene: every part of the word is a single letter or a number; PFOCR read it as a gene", True
    split = any(n.startswith(_SPLIT_NOTES) for n in word.notes)
    from_famplex = not split and any("FamPlex" in n for n in word.notes) and types <= {"ambiguous", "alias", "family"}
    if from_famplex and sources == {"bioentities_symbol"} and not set(word.pfocr) <= word.candidates | set(word.ours):
        return (
            f"FamPlex version: PFOCR's copy of FamPlex reads the word as {', '.join(sorted(word.pfocr.values()))}, "
            f"which is not among the readings FamPlex 0.0.5 curates for it ({note})",
            True,
        )
    whole = _part_of_a_curated_name(word)
    if whole:
        return (
            f"whole name: FamPlex curates {word.word!r} as one name, {note.split(': ')[0]}; PFOCR read only its "
            f"part {whole}",
            True,
        )
    joined = _joined_across_parts(word, set(word.pfocr) - set(word.ours))
    if joined:
        return (
            f"joined parts: PFOCR matched {joined}, a name no part of the word carries, by reading across the "
            f"punctuation that separates its parts",
            True,
        )
    if types == {"ambiguous"}:
        # Not picking is honest, but it is no proof that PFOCR's pick is wrong: it counts against us.
        return f"ambiguous, no candidate picked ({note}); PFOCR picked {', '.join(only_pfocr)}", False
    if "family" in types and sources & PFOCR_ALIAS_SOURCES:
        return "family: the word names a FamPlex family; PFOCR used an alias or previous symbol of one gene", True
    if types == {"family"} and sources == {"bioentities_symbol"}:
        return "FamPlex version: family members in FamPlex 0.0.5 differ from PFOCR's copy", True
    if types == {"family"} and set(word.pfocr) <= set(word.ours) and sources <= {"hgnc_symbol", ""}:
        return (
            "family scope: FamPlex's grounding map reads the word as a family, PFOCR as the symbol of one member; "
            "our rule: a word FamPlex curates as a family names the whole family",
            True,
        )
    extra_sources = {word.pfocr_matched.get(e, ("", ""))[1] for e in set(word.pfocr) - set(word.ours)}
    if extra_sources and extra_sources <= PFOCR_ALIAS_SOURCES and word.ours:
        exact_symbol = types == {"symbol"} and (word.word in word.ours.values() or word.word.isupper())
        curated = any("FamPlex grounding map:" in n for n in word.notes) and types <= {"alias", "symbol"}
        if exact_symbol or curated:
            which = "is the approved symbol of" if exact_symbol else "is curated by FamPlex as"
            return (
                f"precedence: the word {which} {', '.join(sorted(word.ours.values()))}; PFOCR read it as an alias "
                f"or previous symbol of {', '.join(only_pfocr)} (a symbol or curated name beats another gene's alias)",
                True,
            )
    if types == {"previous"}:
        return f"we read a previous symbol ({note}); PFOCR chose {', '.join(only_pfocr) or 'fewer genes'}", False
    if types == {"unmapped"}:
        return f"we found no gene: {note}", False
    if not word.pfocr:
        return "PFOCR found no gene for this word", False
    return "different genes", False


def _genes(genes: dict[str, str], ids: set[str] | None = None) -> str:
    chosen = sorted(genes if ids is None else ids, key=lambda e: (genes.get(e, ""), int(e) if e.isdigit() else 0))
    return "; ".join(f"{genes.get(e, '')} ({e})" for e in chosen)


def _score_cells(scores: Scores) -> list[str]:
    return [f"{scores.precision:.3f}", f"{scores.recall:.3f}", f"{scores.f1:.3f}"]


@dataclass
class Agreement:
    """The agreement table of one figure and its raw and adjusted figure-wide counts."""

    table: pd.DataFrame
    raw: Scores
    adjusted: Scores
    # PFOCR's Entrez set corrected where the table shows PFOCR in error: its wrong genes out, the
    # genes it missed in. Any other mapper of the same words can be scored against it.
    corrected: frozenset[str] = frozenset()


def figure_scores(ours: set[str], pfocr: set[str]) -> Scores:
    """Agreement counts of two Entrez sets."""
    return Scores(len(ours & pfocr), len(ours - pfocr), len(pfocr - ours))


def compare_with_pfocr(mapping: pd.DataFrame, pfocr_genes: list[dict], *, include_ambiguous: bool = False) -> Agreement:
    """Compare our mapping of one figure with PFOCR's genes.

    The table starts with a ``figure`` row (the two Entrez sets of the whole
    figure) and a ``figure (adjusted)`` row (without the genes that differ only
    on words where PFOCR is in error), then one row per word, disagreements
    first. ``include_ambiguous`` must match the config, so that the sets
    compared are the ones used downstream.
    """
    words = _words(mapping, pfocr_genes, include_ambiguous)
    ours_all = {e: s for w in words for e, s in w.ours.items()}
    pfocr_all = {e: s for w in words for e, s in w.pfocr.items()}
    rows = []
    excused: dict[bool, tuple[set[str], set[str]]] = {True: (set(), set()), False: (set(), set())}
    for word in words:
        only_ours, only_pfocr = set(word.ours) - set(word.pfocr), set(word.pfocr) - set(word.ours)
        cause, more_correct = (AGREE, False) if not (only_ours or only_pfocr) else _cause(word)
        excused[more_correct][0].update(only_ours)
        excused[more_correct][1].update(only_pfocr)
        scores = Scores(len(set(word.ours) & set(word.pfocr)), len(only_ours), len(only_pfocr))
        rows.append(
            [
                "word",
                word.word,
                ", ".join(dict.fromkeys(word.match_types)),
                ", ".join(dict.fromkeys(s for s in word.pfocr_sources if s)),
                _genes(word.ours),
                _genes(word.pfocr),
                _genes(word.ours, only_ours),
                _genes(word.pfocr, only_pfocr),
                *_score_cells(scores),
                cause,
                "" if cause == AGREE else ("yes" if more_correct else "no"),
            ]
        )
    rows.sort(key=lambda row: (row[-2] == AGREE, row[1].casefold()))
    ours, pfocr = set(ours_all), set(pfocr_all)
    raw = figure_scores(ours, pfocr)
    # A gene is excused only if no word disagrees on it without excuse, and the figures do disagree on it.
    excused_ours = excused[True][0] - excused[False][0] - pfocr
    excused_pfocr = excused[True][1] - excused[False][1] - ours
    corrected = frozenset((pfocr - excused_pfocr) | excused_ours)
    adjusted = figure_scores(ours, set(corrected))
    header = [
        ["figure", "(all words)", "", "", _genes(ours_all), _genes(pfocr_all)]
        + [_genes(ours_all, ours - pfocr), _genes(pfocr_all, pfocr - ours)]
        + _score_cells(raw)
        + ["raw agreement of the two Entrez sets", ""],
        [
            "figure (adjusted)",
            "(all words)",
            "",
            "",
            "",
            "",
            _genes(ours_all, excused_ours),
            _genes(pfocr_all, excused_pfocr),
        ]
        + _score_cells(adjusted)
        + [
            "agreement with PFOCR's set corrected where PFOCR is in error (we_are_more_correct = yes): "
            "its genes listed here taken out, ours listed here added",
            "",
        ],
    ]
    table = pd.DataFrame(header + rows, columns=PFOCR_AGREEMENT_TABLE.columns)
    return Agreement(table, raw, adjusted, corrected)


def compare_files(mapping_tsv: str | Path, source_json: str | Path, *, include_ambiguous: bool = False) -> Agreement:
    """:func:`compare_with_pfocr` on the mapping table and source description of one list.

    Raises :class:`ValueError` naming the list when it is not a PFOCR figure:
    the rule is only meant for ``pfocr`` lists.
    """
    source = json.loads(Path(source_json).read_text(encoding="utf-8"))
    if source.get("kind") != "pfocr":
        raise ValueError(
            f"{source_json}: list {source.get('list_id')!r} is of kind {source.get('kind')!r}; "
            "the PFOCR agreement table exists only for pfocr lists."
        )
    pfocr_genes = (source.get("pfocr") or {}).get("pfocr_genes", [])
    return compare_with_pfocr(read_tsv(mapping_tsv), pfocr_genes, include_ambiguous=include_ambiguous)

"""Genes written by their full names: HGNC approved names found in prose.

Papers name many proteins in words ("hepatocyte growth factor", "transferrin
receptor", "C-C motif chemokine ligand 2", "DNA polymerase beta"), which no
symbol matcher sees. This index holds every HGNC approved name as a sequence
of normalised word tokens and finds, in one left-to-right pass over a
sentence's tokens, the longest approved name starting at each token: a
token-level multi-pattern match (dictionary lookups per token, no regex per
name), so its cost does not grow with the number of names.

Normalisation, so that written variants meet the approved form: letters and
digits split apart (``interleukin-6`` = ``interleukin 6``, ``p53`` = ``p 53``),
case folded, Greek letters in any spelling made one token (``β``, ``beta``),
British spellings read the American way (``tumour``, ``haemoglobin``, ``oestrogen``, ``sulphate``), Roman numerals I-X as digits
(``factor VIII``), and the word ``gene`` dropped (``tumor susceptibility gene
101``). A name is only indexed when it stands for one gene; a single-word name
only when it is at least five letters long, so short words never match.

>>> index = GeneNameIndex([("3082", "HGF", "hepatocyte growth factor"), ("7037", "TFRC", "transferrin receptor")])
>>> [(hit.text, hit.symbol) for hit in index.find("Hepatocyte growth factor and transferrin receptor-1 rose.")]
[('Hepatocyte growth factor', 'HGF'), ('transferrin receptor', 'TFRC')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from exocargo.greek import LETTER_NAMES, NAME_LETTERS
from exocargo.text.definitions import spells

TOKEN = re.compile(r"[A-Za-z]+|\d+|[α-ωΑ-Ω]")
ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9", "x": "10"}
SPELLING = {"tumour": "tumor", "neurone": "neuron", "gene": ""}
# British word starts HGNC writes the American way (haem-, oes-, foet-, sulph-, leukaem-, anaem-).
BRITISH_START = re.compile(r"^(?:(haem)|(oes)|(foet)|(sulph)|(leukaem)|(anaem))")
AMERICAN_START = ("hem", "es", "fet", "sulf", "leukem", "anem")
MIN_SINGLE_WORD = 5
PARENTHESISED = re.compile(r"\s*\([^)]*\)")
# A name ending in two isoforms, "pyruvate kinase M1/2", "ribonucleoprotein A2/B1": each isoform is written alone.
ISOFORMS_AT_END = re.compile(r"\s(?P<letters>[A-Z]*)(?P<first>\d+)/(?P<second>[A-Z]*\d+)$")
GREEK_BEFORE_NUMBER = re.compile(r"\s(?:alpha|beta|gamma|delta|epsilon|kappa)\s(?=\d+[a-z]?$)", re.IGNORECASE)
MAX_NAME_TOKENS = 16


@dataclass(frozen=True)
class NameHit:
    start: int
    end: int
    text: str
    entrez_id: str
    symbol: str


@functools.lru_cache(maxsize=1 << 17)  # a text repeats its words; the gene table's names are read once
def _token_key(word: str) -> str:
    lower = word.lower()
    if lower in NAME_LETTERS:
        return NAME_LETTERS[lower]
    if len(word) == 1 and word.lower() in LETTER_NAMES:
        return word.lower()
    # Roman numerals only in capitals as written ("factor VIII"), never the English "I" at a sentence's start.
    if word.isupper() and lower in ROMAN and len(word) > 1 or word in ("V", "X"):
        return ROMAN[lower]
    if lower in SPELLING:
        return SPELLING[lower]
    british = BRITISH_START.match(lower)
    if british:
        return AMERICAN_START[british.lastindex - 1] + lower[british.end() :]
    return lower


def tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` of the name tokens of ``text``; dropped words (``gene``) are left out."""
    found = []
    for match in TOKEN.finditer(text):
        key = _token_key(match.group(0))
        if key:
            found.append((match.start(), match.end(), key))
    return found


def name_key(name: str) -> tuple[str, ...]:
    return tuple(key for _, _, key in tokens(name))


# Words of approved names that say what kind of gene, not which: no evidence for one candidate.
GENERIC_NAME_WORDS = frozenset(
    "protein proteins family member subunit domain containing factor like gene associated related complex "
    "type class receptor homolog putative open reading frame chain".split()
)


class GeneNameIndex:
    """Approved full names -> one gene each; :meth:`find` gives the longest names in a text."""

    def __init__(self, genes: Iterable[tuple[str, str, str]], other_names: Iterable[tuple[str, str, str]] = ()):
        """``genes``: ``(entrez_id, symbol, approved name)``; ``other_names``: ``(entrez_id, symbol,
        name)`` of other names (MeSH's, :mod:`exocargo.text.protein_names`), which never
        take an approved name from its gene."""
        self.name_of: dict[str, str] = {}  # symbol -> approved name, for every gene
        self.name_of_entrez: dict[str, str] = {}
        self.symbol_of_entrez: dict[str, str] = {}
        approved: dict[tuple[str, ...], set[tuple[str, str]]] = {}
        for entrez_id, symbol, name in genes:
            if not isinstance(name, str) or not name:
                continue
            self.name_of[symbol] = self.name_of_entrez[entrez_id] = name
            self.symbol_of_entrez[entrez_id] = symbol
            if key := _indexable(name):
                approved.setdefault(key, set()).add((entrez_id, symbol))
        other: dict[tuple[str, ...], set[tuple[str, str]]] = {}
        for entrez_id, symbol, name in other_names:
            key = _indexable(name)
            # "beta Arrestin 2" (MeSH, mapped to ARR3) is ARRB2's approved "arrestin beta 2" moved
            if key and key not in approved and _greek_moved(key) not in approved:
                other.setdefault(key, set()).add((entrez_id, symbol))
        # A name several genes share is no one gene's name (left to the family and symbol rules).
        self.names = {key: next(iter(genes)) for key, genes in (approved | other).items() if len(genes) == 1}
        self.lengths = sorted({len(key) for key in self.names}, reverse=True)
        # Every start of every name: a sentence is only tried as long as its words can still be a name.
        self.prefixes = {key[:length] for key in self.names for length in range(1, len(key) + 1)}
        self._by_first: dict[str, list[tuple[str, ...]]] | None = None

    def genes_named_from(self, text: str) -> set[str]:
        """Entrez IDs of the genes a name of which starts with the words of ``text`` ("ataxia-telangiectasia
        mutated" starts ATM's "ataxia telangiectasia mutated protein")."""
        key = name_key(text)
        if key not in self.prefixes:
            return set()
        if self._by_first is None:  # built on first use: only definitions ask
            self._by_first = {}
            for name in self.names:
                self._by_first.setdefault(name[0], []).append(name)
        return {self.names[name][0] for name in self._by_first.get(key[0], ()) if name[: len(key)] == key}

    def member_named_by(self, members: Iterable[str], ending: str) -> tuple[str, str] | None:
        """``(entrez_id, symbol)`` of the one gene of ``members`` (Entrez IDs) whose approved name ends with
        ``ending``, a Greek letter and maybe a number: "zeta" of the PKC family is PRKCZ, "protein kinase C zeta"."""
        key = name_key(ending)
        if not key or key[0] not in GREEK_KEYS:
            return None
        found = {e for e in members if name_key(self.name_of_entrez.get(e, ""))[-len(key) :] == key}
        if len(found) != 1:
            return None
        entrez = found.pop()
        return entrez, self.symbol_of_entrez[entrez]

    def chosen_gene(self, name: str, candidates: tuple[str, ...], context) -> tuple[str, str] | None:
        """``(entrez_id, symbol)`` of the candidate an ambiguous name stands for in a document, or ``None``.

        A cluster-of-differentiation name is the gene MeSH names "<name> antigen" (``CD25``: IL2RA,
        whose MeSH names include "CD25 antigen"; ISG20 only carries it as an old alias). A name the
        document defines as a kind of gene stays ambiguous; one it defines by a long form is the
        candidate that long form names (:meth:`gene_named_by_long_form`). Otherwise each candidate's
        approved name is compared with the document's lower-case words (generic words such as
        *protein* or *member* left out); a candidate wins only when it alone has such words in the
        document. ``context`` is the document's :class:`~exocargo.text.definitions.DocumentContext`.
        """
        antigen = self.names.get(name_key(f"{name} antigen"))
        if antigen and antigen[0] in candidates:
            return antigen
        if name in context.classes:  # "a protein tyrosine phosphatase (PTP)": a kind of gene
            return None
        long_form = context.definitions.get(name, "")  # "prostate-specific antigen (PSA)": KLK3
        if defined := self.gene_named_by_long_form(long_form, candidates) if long_form else None:
            return defined
        best = [e for e in candidates if _stem_words(self.name_of_entrez.get(e, "")) & context.lower_words]
        symbol = self.symbol_of_entrez.get(best[0], "") if len(best) == 1 else ""
        return (best[0], symbol) if symbol else None

    def genes_named_whole(self, text: str) -> set[str]:
        """Entrez IDs of the genes one of whose names is all of ``text``."""
        return {hit.entrez_id for hit in self.find(text) if hit.start == 0 and hit.end == len(text)}

    def defines(self, abbreviation: str, long_form: str) -> tuple[str, str] | None:
        """``(entrez_id, symbol)`` of the one gene whose whole name the long form of ``abbreviation``
        is, when its letters spell the abbreviation: the document's own definition, which outranks an
        alias that names another gene."""
        genes = self.genes_named_whole(long_form)
        if len(genes) != 1 or not spells(abbreviation, long_form):
            return None
        entrez = genes.pop()
        return entrez, self.symbol_of_entrez[entrez]

    def gene_named_by_long_form(self, long_form: str, candidates: Iterable[str]) -> tuple[str, str] | None:
        """``(entrez_id, symbol)`` of the one candidate a document's long form names, or ``None``.

        A name of the candidate inside the long form or started by it decides ("prostate-specific antigen"
        is KLK3's); else the one candidate whose approved name shares the most of the long form's words
        (five-letter stems, generic words left out: "corticotropin-releasing factor" and CRH's
        "corticotropin releasing hormone").
        """
        candidates = set(candidates)
        named = ({hit.entrez_id for hit in self.find(long_form)} | self.genes_named_from(long_form)) & candidates
        if len(named) != 1:
            words = _stems(long_form)
            scores = {e: len(words & _stems(self.name_of_entrez.get(e, ""))) for e in candidates}
            top = max(scores.values(), default=0)
            named = {e for e, score in scores.items() if score == top} if top else set()
        if len(named) != 1:
            return None
        entrez = named.pop()
        return entrez, self.symbol_of_entrez.get(entrez, "")

    def _prefix(self, words: list[tuple[int, int, str]], index: int, length: int) -> bool:
        return tuple(word[2] for word in words[index : index + length]) in self.prefixes

    @classmethod
    def from_table(cls, frame) -> GeneNameIndex:
        """From the gene table (columns ``entrez_id``, ``symbol``, ``name``, and ``other_names`` and
        ``locus_type`` if it has them); approved names shortened as prose writes them (:func:`shortened`)
        are other names too, for genes that are not pseudogenes ("cytochrome c, testis, pseudogene"
        would make "cytochrome c" two genes' name)."""
        pseudo = frame["locus_type"].fillna("").str.contains("pseudogene") if "locus_type" in frame else None
        named = frame if pseudo is None else frame[~pseudo]
        other = [(e, s, short) for e, s, name in zip(named["entrez_id"], named["symbol"], named["name"].fillna(""))
                 for short in shortened(name)]  # fmt: skip
        if "other_names" in frame:
            for entrez_id, symbol, names in zip(frame["entrez_id"], frame["symbol"], frame["other_names"].fillna("")):
                other += [(entrez_id, symbol, name) for name in names.split("|") if name]
        return cls(zip(frame["entrez_id"], frame["symbol"], frame["name"]), other)

    def find(self, text: str) -> list[NameHit]:
        """Longest approved names in ``text``, left to right, not overlapping, on word boundaries."""
        words = tokens(text)
        hits, index = [], 0
        while index < len(words):
            hit = None
            first = words[index][2]
            if ((first,) in self.prefixes or first in GREEK_KEYS) and _starts_word(text, words[index][0]):
                longest = len(words) - index
                if first not in GREEK_KEYS:  # a Greek first word may be a moved name ("beta-arrestin 2")
                    longest = 1
                    while index + longest < len(words) and self._prefix(words, index, longest + 1):
                        longest += 1
                for length in self.lengths:
                    if length > longest:
                        continue
                    key = tuple(word[2] for word in words[index : index + length])
                    gene = self.names.get(key) or self.names.get(_greek_moved(key))
                    end = words[index + length - 1][1]
                    if gene is not None and _ends_word(text, end) and _one_phrase(text, words[index : index + length]):
                        hit = NameHit(words[index][0], end, text[words[index][0] : end], *gene)
                        index += length
                        break
            if hit is None:
                index += 1
            else:
                hits.append(hit)
        return hits


GREEK_KEYS = frozenset(NAME_LETTERS.values()) | frozenset(NAME_LETTERS)


def shortened(name: str) -> list[str]:
    """The approved name as prose shortens it: without what follows its first comma and without
    parenthesised parts ("cytochrome c, somatic" -> "cytochrome c"; "alcohol dehydrogenase 1B
    (class I), beta polypeptide" -> "alcohol dehydrogenase 1B").

    A name ending in two isoforms is also each isoform ("pyruvate kinase M1/2" -> "pyruvate kinase M2").

    Only a short form that still ends in the gene's own mark (a number, a letter, a Greek
    letter) names it: "leucine, glutamate and lysine rich 1" is not "leucine", nor "growth
    factor, augmenter of liver regeneration" a "growth factor".
    """
    forms = []
    short = PARENTHESISED.sub("", name.split(", ", 1)[0]).strip()
    key = name_key(short)
    if short != name and len(key) >= 2 and (key[-1].isdigit() or len(key[-1]) == 1 or key[-1] in GREEK_KEYS):
        forms.append(short)
    # "actinin alpha 4" is written "actinin-4": a Greek letter before the isoform number left out.
    base = forms[0] if forms else name
    isoforms = ISOFORMS_AT_END.search(base)
    if isoforms:
        head, letters = base[: isoforms.start()], isoforms.group("letters")
        second = (
            isoforms.group("second") if isoforms.group("second")[0].isalpha() else letters + isoforms.group("second")
        )
        forms += [f"{head} {letters}{isoforms.group('first')}", f"{head} {second}"]
    dropped = GREEK_BEFORE_NUMBER.sub(" ", base)
    if dropped != base and len(name_key(dropped)) >= 2:
        forms.append(dropped)
    return forms


def _stem_words(name: str) -> set[str]:
    """The name's words longer than three letters, generic words left out."""
    return {key for key in name_key(name) if len(key) > 3} - GENERIC_NAME_WORDS


def _stems(name: str) -> set[str]:
    """The five-letter stems of :func:`_stem_words`."""
    return {word[:5] for word in _stem_words(name)}


def _indexable(name: str) -> tuple[str, ...]:
    """The name's key, or ``()`` when it is too long, or one word too short to be a name."""
    key = name_key(name)
    if not key or len(key) > MAX_NAME_TOKENS:
        return ()
    if len(key) == 1 and (len(key[0]) < MIN_SINGLE_WORD or not key[0].isalpha()):
        return ()
    return key


def _greek_moved(key: tuple[str, ...]) -> tuple[str, ...]:
    """``beta-arrestin 2`` -> ``arrestin beta 2``: a Greek letter written before the name it ends."""
    if len(key) < 2 or key[0] not in GREEK_KEYS:
        return ()
    if key[-1].isdigit():
        return (*key[1:-1], key[0], key[-1])
    return (*key[1:], key[0])


# A name's words are joined by spaces and hyphens: "protein(s)" and "protein's" are not "protein S".
BROKEN_PHRASE = re.compile(r"[()\[\]'’;:]")


def _one_phrase(text: str, words: list[tuple[int, int, str]]) -> bool:
    return not any(BROKEN_PHRASE.search(text, a[1], b[0]) for a, b in zip(words, words[1:]))


def _starts_word(text: str, start: int) -> bool:
    """Whether a name may start here: not inside a word, nor after a word and a hyphen
    ("granulocyte-macrophage colony-stimulating factor" holds no "macrophage colony-stimulating factor").
    """
    if start == 0:
        return True
    return not text[start - 1].isalnum() and not (text[start - 1] == "-" and start > 1 and text[start - 2].isalpha())


def _ends_word(text: str, end: int) -> bool:
    return end == len(text) or not text[end].isalnum()

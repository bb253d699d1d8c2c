"""What the words around a gene-shaped token say about it: general rules of how names are written.

A token that looks like a gene name is often not one, or only part of one:

- *an ion or a residue*: ``Ca2+``, ``Mg2+`` (a chemical element with a charge)
  and the three-letter amino-acid codes written as residues are (``Tyr``,
  ``Ser397``); the gene is written in capitals (TYR).
- *the modifier of a longer name*: English compounds are right-headed, so in
  ``TNF receptor``, ``insulin-like growth factor``, ``cyclin-dependent kinase``
  or ``CRF-binding protein`` the name is another protein's, not TNF's,
  insulin's, a cyclin's or CRF's (:func:`modifies_following_name`).
- *the start of a longer name*: a Greek letter, isoform number or Roman
  numeral written after it as a separate word (``IL-1 beta``, ``PKC alpha``,
  ``TGF-beta 1``, ``CD3 gamma``), or ``receptor`` (``EGF receptor`` is EGFR):
  :func:`extended_ends` gives where such a longer name may end, longest first.
- *the marker of a cell population*: ``CD4+ T cells``, ``CD34(+) cells`` name cells, not
  the CD gene (:func:`names_a_cell_population`); nor does a domain name (``Src homology 2``).
- *one of several names joined by hyphens*: marker chains and attached
  words (``D21S1912-PFKL-D21S171``, ``ICAM-1-coated``): :func:`hyphen_parts`.

>>> is_ion("Ca2", "+ influx")
True
>>> modifies_following_name(" receptor-associated protein")
True
>>> modifies_following_name("-like growth factor 1")
True
>>> modifies_following_name(" expression rose"), modifies_following_name(" receptor", own_name="notch receptor 3")
(False, False)
>>> text = "IL-1 beta and PKC alpha 2 rose"
>>> [text[:end] for end in extended_ends(text, 4)]
['IL-1 beta']
>>> [part for _, part in hyphen_parts("D21S1912-PFKL-D21S171")], hyphen_parts("SDS-PAGE")
(['PFKL'], [])
"""

from __future__ import annotations

import re
from functools import lru_cache

from exocargo.greek import LETTER_NAME_PATTERN

GENE_CONTEXT = re.compile(
    r"\b(?:genes?|proteins?|expression|mRNA|receptors?|kinases?|oncogene|oncoprotein|proto-oncogene|signal\w*|"
    r"pathways?|inhibitors?|levels?|phosphorylation|activation|knockdown|overexpression|mutations?|mutant|"
    r"transcripts?|promoter|family|fusion|channels?|homologu?es?|orthologu?es?|isoforms?|subunits?)\b",
    re.IGNORECASE,
)
# A token written beside a gene word somewhere in the paragraph ("HERG channels"): one sense per paragraph.
BESIDE_GENE_WORD = re.compile(
    rf"(?<![\w-])([A-Za-z][\w-]*)\s+(?={GENE_CONTEXT.pattern})|{GENE_CONTEXT.pattern}\s+([A-Za-z][\w-]*)(?![\w-])",
    re.IGNORECASE,
)
# Beside a symbol that is also an English word, "factor" is a gene word too ("the transcription factor REST").
GENE_NEIGHBOUR = re.compile(rf"{GENE_CONTEXT.pattern}|factors?|complex(?:es)?", re.IGNORECASE)
CAPITALS = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{2,}(?![\w-])")


def capitals_beside_gene_words(text: str, stopwords: frozenset[str]) -> set[str]:
    """Symbols that are also English words (``REST``, ``MET``) the text writes in capitals beside a gene word
    somewhere: one sense per document, so "miR-9 targets REST" names the gene where "the transcription factor
    REST" is written elsewhere."""
    found = set()
    for match in CAPITALS.finditer(text):
        word = match.group(0)
        if word in stopwords and word not in found:
            if any(GENE_NEIGHBOUR.fullmatch(w) for w in neighbour_words(text, match.start(), match.end(), ",.;:()-")):
                found.add(word)
    return found


def neighbour_words(text: str, start: int, end: int, punctuation: str = ",.;:()") -> list[str]:
    """The word just before ``text[start:end]`` and the word just after it, ``punctuation`` stripped."""
    words = text[max(0, start - 30) : start].split()[-1:] + text[end : end + 30].split()[:1]
    return [word.strip(punctuation) for word in words]


# The chemical elements (IUPAC), for ions written as symbol + charge.
ELEMENTS = frozenset(
    "H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr "
    "Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir "
    "Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr".split()
)
ION = re.compile(r"([A-Z][a-z]?)\d?")
# The IUPAC three-letter amino-acid codes, which papers write capitalised for residues (Tyr397, Ser/Thr).
AMINO_ACIDS = frozenset("Ala Arg Asn Asp Cys Gln Glu Gly His Ile Leu Lys Met Phe Pro Ser Thr Trp Tyr Val".split())

HEAD_NOUN = (
    r"(?:proteins?|factors?|kinases?|enzymes?|molecules?|peptides?|receptors?|ligands?|adapt[eo]rs?|domains?|"
    r"phosphatases?|subunits?|hormones?|antigens?|chains?)"
)
# "X receptor", "X-binding protein", "X-like growth factor", "X converting enzyme": a longer name X only modifies.
MODIFIER_OF_HEAD = re.compile(
    rf"(?:\s*-\s*|\s+)(?:(?P<direct>receptor|ligand|homology)s?\b|(?:super|sub)?famil(?:y|ies)\b|converting\s+(?P<enzyme>enzyme)s?\b|"
    rf"(?:binding|associated|interacting|related|like|activating|dependent|regulated|inducible|responsive|precursor|"
    rf"stimulating|releasing|inhibiting|inhibitory)\s*-?\s*(?:[a-z]+\s+)?(?P<head>{HEAD_NOUN})\b)",
    re.IGNORECASE,
)
# "CD4+ T cells", "CD34(+) progenitors", "CD4+ and CD8+ cells": a marker naming a cell population.
CELL_POPULATION_AFTER = re.compile(
    r"^(?:\+|\(\+\)|-positive|\s*\+)(?:\s*(?:and|or|/|,)\s*\S+)*\s*(?:[\w-]+\s+){0,2}?"
    r"(?:cells?|lymphocytes?|monocytes?|macrophages?|neutrophils?|progenitors?|precursors?|populations?|subsets?|"
    r"blasts?|thymocytes?)\b",
    re.IGNORECASE,
)
# "THP-1 cells", "U937 cell line": a cell line (a name with a digit) before the word cells.
BEFORE_CELLS = re.compile(r"(?<![\w-])([A-Za-z][\w-]*\d[\w-]*)\s+cell(?:s|\s+lines?)?\b", re.IGNORECASE)
CELL_LINE_AFTER = re.compile(r"^\s+cell(?:s|\s+lines?)?\b", re.IGNORECASE)
# "c-kit", "c-met": the cellular homolog of a viral oncogene, written c- and its symbol.
C_HOMOLOG = re.compile(r"c-[a-z]{2,5}\d?")
CD_MARKER = re.compile(r"CD\d{1,3}[A-Za-z]?")
CITATION_YEAR_BEFORE = re.compile(r"\((?:19|20)\d\d[a-z]?\)\s+$")
ABBREVIATION_AFTER = re.compile(r"^(?:\)|\s*\([\w-]{1,12}\))")
NOT_A_NAME_AFTER = re.compile(r"^(?:\.\s+[A-Z][a-z]{1,6}\.\s|[\s-]?\d{0,3},\d{3}\b|>[ACGTU]+\b)")
VALUE_AFTER = re.compile(r"^\s*[=≈<>≤≥]\s*[-+]?\d")
# "ATC sequences", "CAT box", "CAG repeats": nucleotides before a nucleic-acid word are a sequence.
NUCLEOTIDES = re.compile(r"[ACGTU]{3,}")
SEQUENCE_AFTER = re.compile(
    r"^(?:\s+|-)(?:sequences?|motifs?|repeats?|codons?|box(?:es)?|elements?|triplets?|tracts?|stretch(?:es)?|"
    r"rich|islands?|dinucleotides?|trinucleotides?)\b",
    re.IGNORECASE,
)
SUGAR_LINKAGE_AFTER = re.compile(r"^\s*(?:alpha|beta|α|β)\s?\d\s?-\s?\d")
# "HIV-1 Tat", "viral IL-10"; not a vector's gene ("adenovirus PTEN", "lentiviral PTEN" deliver the human gene).
VIRAL_BEFORE = re.compile(r"(?:\b(?:viral|virus(?:-type)?(?:\s*-?\s*\d)?)|\bHIV(?:-?\d)?)\s+$", re.IGNORECASE)
BAND_BEFORE = re.compile(r"\bbands?\s+$", re.IGNORECASE)
# Units with an exponent: "min-1", "mM-1", "s-1" (rate constants), after a number or another unit.
UNIT = re.compile(r"(?:min|sec|s|h|hr|mM|nM|µM|uM|M|mol|g|kg|mg|l|L|ml|mL)-1")
NUMBER_OR_UNIT_BEFORE = re.compile(r"(?:\d|-1\.?)\s*$")
# A Greek letter written as a separate word inside a name: "NF-kappa B", "NF-kappa Bp65", "I kappa B-alpha".
GREEK_INSIDE_NAME = re.compile(
    rf"(?<![\w-])[A-Za-z]\w{{0,6}}[\s-](?:{LETTER_NAME_PATTERN})\s[A-Z][\w-]{{0,8}}?(?P<more>\s(?:{LETTER_NAME_PATTERN}))?"
    rf"(?![\w-])"
)
# A separate word that continues a name: a Greek letter (with an isoform number), a number or a Roman numeral.
GREEK_CONTINUATION = re.compile(
    rf"[\s-](?:isoforms?\s+)?(?:{LETTER_NAME_PATTERN}|[α-ω])(?:[\s-]?\d{{1,2}}[a-z]?)?(?![\w-])"
)
NUMBER_CONTINUATION = re.compile(
    r"\s(?:\d{1,2}(?:[A-Za-z]\d{0,2})?|I{1,3}|IV|VI{0,3}|IX|X)(?![\w'’-]|\.\d)"
)  # not "EC 2.4.1", "3'UTR"
ROMAN_END = re.compile(r"(?<=\s)(I{1,3}|IV|VI{0,3}|IX|X)$")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
FAMILY_CONTINUATION = re.compile(r"[\s-](?:super|sub)?famil(?:y|ies)(?![\w-])", re.IGNORECASE)
RECEPTOR_CONTINUATION = re.compile(r"\s(?:receptors?)(?![\w-])")
HYPHEN_PART = re.compile(r"[^-]+")


def is_ion(bare: str, after: str) -> bool:
    """``Ca2`` before ``+``: an element with a charge."""
    match = ION.fullmatch(bare)
    return bool(match) and after.startswith("+") and match.group(1) in ELEMENTS


def written_as_another_thing(before: str, after: str, name: str = "") -> bool:
    """The words around a token make it no name: a journal abbreviation (``Proc. Natl. Acad.``,
    ``(1994) Proc``), a compound code (``CP 55,940``), a nucleotide change (``735-6 TG>AT``), a
    variable given a value (``tau = 13 ms``), a unit after a number (``1.06 min-1``), a chromosome
    band (``on band p13``), a sugar in a glycan (``Gal beta 1-3``), a virus's protein (``HIV-1 Tat``;
    a vector's ``adenovirus PTEN`` is the human gene) or a nucleotide sequence (``ATC sequences``);
    ``before`` should hold the 25 characters before the token."""
    if after[:1] in ". ->," and NOT_A_NAME_AFTER.match(after) or CITATION_YEAR_BEFORE.search(before):
        return True
    if VALUE_AFTER.match(after) or BAND_BEFORE.search(before) or SUGAR_LINKAGE_AFTER.match(after):
        return True
    if VIRAL_BEFORE.search(before):  # "HIV-1 Tat": a virus's protein, no human gene
        return True
    if NUCLEOTIDES.fullmatch(name) and SEQUENCE_AFTER.match(after):  # "ATC sequences", "CAT box"
        return True
    return bool(UNIT.fullmatch(name) and NUMBER_OR_UNIT_BEFORE.search(before))


def before_cells(after: str) -> bool:
    """Whether the text after a name is "cells" or "cell line": the name is a cell line's."""
    return bool(CELL_LINE_AFTER.match(after))


def cell_lines_in(paragraph: str) -> set[str]:
    """Names a paragraph writes before "cells" or "cell line" that have a digit (``THP-1 cells``)."""
    return set(BEFORE_CELLS.findall(paragraph))


def names_a_cell_population(name: str, after: str) -> bool:
    """``CD4`` before ``+ T cells``: a cluster-of-differentiation marker naming a cell population.

    CD names were defined as markers of cell subsets, so ``CD4+ T cells`` are cells, not a mention of
    CD4; ``HER2+ breast cancer cells`` still name the oncogene they express.
    """
    return after[:1] in "+(-" and bool(CD_MARKER.fullmatch(name)) and bool(CELL_POPULATION_AFTER.match(after))


def is_residue(bare: str) -> bool:
    """A capitalised amino-acid code (``Tyr``), not the gene written in capitals (``TYR``)."""
    return bare in AMINO_ACIDS


def head_after(after: str) -> re.Match | None:
    """The head noun a name modifies (``receptor`` in ``TNF receptor``), if the text after it has one;
    the name's abbreviation in brackets is read with it ("tumor necrosis factor (TNF)-related ligand")."""
    return MODIFIER_OF_HEAD.match(ABBREVIATION_AFTER.sub("", after, count=1))


def modifies_following_name(after: str, own_name: str = "") -> bool:
    """Whether the text after a name makes the name part of another protein's name.

    ``own_name`` is the approved name of the gene the name stands for: a receptor
    named with its class noun (``Notch3 receptor``, approved name *notch
    receptor 3*) is still that receptor; ``TNF receptor`` is not TNF.
    """
    match = head_after(after)
    if match is None:
        return False
    direct = match.group("direct")
    return not (direct and re.search(rf"\b{direct}\b", own_name, re.IGNORECASE))


def extended_ends(sentence: str, end: int) -> list[int]:
    """Ends of the longer names that may start with the name ending at ``end``, longest first."""
    ends = []
    family = FAMILY_CONTINUATION.match(sentence, end)
    if family:  # "Src family": the family, or no name of this gene
        return [family.end()]
    for first in (GREEK_CONTINUATION, RECEPTOR_CONTINUATION, None):
        match = first.match(sentence, end) if first is not None else None
        if first is not None and match is None:
            continue
        middle = match.end() if match else end
        ends.append(middle)
        number = NUMBER_CONTINUATION.match(sentence, middle)  # "TGF-beta 1", "VEGF receptor 2", "factor VIII"
        if number:
            ends.append(number.end())
    return sorted(set(ends) - {end}, reverse=True)


def with_arabic_numeral(name: str) -> str:
    """``CA V`` -> ``CA 5``: a Roman isoform numeral read as a number before the name is looked up."""
    return ROMAN_END.sub(lambda match: str(ROMAN[match.group(1)]), name)


def hyphen_parts(token: str) -> list[tuple[int, str]]:
    """``(offset, part)`` of the parts of a hyphen chain of codes (each other part has a digit).

    ``D21S1912-PFKL-D21S171`` and allele chains are codes joined; ``SDS-PAGE`` is one
    word, whose parts are not read alone.
    """
    parts = [(match.start(), match.group(0)) for match in HYPHEN_PART.finditer(token)]
    if len(parts) < 2:
        return []
    return [
        (offset, part)
        for offset, part in parts
        if all(any(c.isdigit() for c in other) for at, other in parts if at != offset)
    ]


def without_classifier_families(mentions: list, text: str) -> list:
    """Mentions without a family word that only classifies the member named right after it.

    In ``histone H2AX`` or ``kinase AKT1`` the family word says what the member is; the member alone is
    named. ``mentions`` are in text order, each with ``start``, ``end``, ``type`` and ``entrez``.
    """
    kept = []
    for mention, following in zip(mentions, [*mentions[1:], None]):
        if (
            mention.type == "family"
            and following is not None
            and following.type in ("gene", "protein")
            and text[mention.end : following.start] in (" ", "-")
            and following.entrez
            and set(following.entrez) <= set(mention.entrez)
        ):
            continue
        kept.append(mention)
    return kept


# Words attached to a gene name: "EGFR-rich", "IL-8-dependent", "p-AKT".
ATTACHED_SUFFIX = re.compile(
    r"-(?:derived|containing|contained|rich|enriched|mediated|overexpressing|expressing|positive|negative|"
    r"dependent|independent|induced|targeting|targeted|loaded|carrying|bearing|related|associated|specific|"
    r"resistant|deficient|knockdown|null|high|low|driven|regulated|inducing|encoding|coding|transfected|"
    r"silenced|mutant|mutated|wild-type)$",
    re.IGNORECASE,
)
ATTACHED_PREFIX = re.compile(r"^(?:p-(?=[A-Z])|[Pp]hospho-)")  # anti-X names an antibody, not X


@lru_cache(maxsize=1 << 17)
def without_attached_words(token: str) -> str:
    """``EGFR-rich`` -> ``EGFR``, ``p-AKT`` -> ``AKT``."""
    return ATTACHED_PREFIX.sub("", ATTACHED_SUFFIX.sub("", token))

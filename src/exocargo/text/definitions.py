"""What a document says about its own words: the abbreviations it defines.

``long form (ABBR)``, ``ABBR (long form)`` and glossary lines ``ABBR: long form``
are read once per document (:func:`read_context`): an abbreviation of a cell,
process or disease is not a gene in this document, and an abbreviation of a
drug or cancer names that drug or cancer. ``spells`` is the letter test of
Schwartz & Hearst (PSB 2003) for whether a long form can stand for an abbreviation.

>>> from exocargo.lexicon import load_lexicon
>>> context = read_context("The tumour microenvironment (TME) holds cells.", load_lexicon())
>>> sorted(context.not_genes), context.definitions
(['TME'], {'TME': 'tumour microenvironment'})
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from exocargo.lexicon import Lexicon

NON_GENE_WORDS = re.compile(
    r"\b(?:cells?|cancers?|carcinomas?|tumou?rs?|transition|microenvironment|resistance|vesicles?|exosomes?|"
    r"bod(?:y|ies)|matrix|fibroblasts?|macrophages?|therapy|disease|syndrome|leuka?emia|lymphoma|sarcoma|"
    r"endosomes?|microparticles?|lines?|patients?|domains?|assay|sequencing|reaction|chromatography|"
    r"microscopy|analysis|differentiation|vein|niche|kidney|embryonic|stem|ataxias?|atroph(?:y|ies)|dystroph(?:y|ies)|"
    r"malformations?|deficienc(?:y|ies)|disorders?|ana?emias?|dysplasias?|neuropath(?:y|ies)|myopath(?:y|ies))\b",
    re.IGNORECASE,
)
GENE_WORDS = re.compile(
    r"\b(?:proteins?|receptors?|factors?|kinases?|ligands?|transporters?|channels?|antigens?|enzymes?|oncogene|"
    r"homolog(?:ue)?|molecules?|genes?|transcripts?|subunit|member|family|cadherin|integrin|interleukin|"
    r"\w*kines?|catenin|box|finger|inhibitor|hormones?|peptides?|\w+ases?|\w+in(?:-\d+)?)\b"
    # English words that end like an enzyme: "chronic obstructive pulmonary disease (COPD)" names no gene.
    r"(?<!disease)(?<!diseases)(?<!increase)(?<!decrease)(?<!release)(?<!phase)(?<!database)",
    re.IGNORECASE,
)
ABBREVIATION = r"[A-Za-z][\w\-α-ω/+]{1,11}"
DEFINED_AFTER = re.compile(rf"([\w\-α-ω' ]{{3,120}}?)\s[(\[]({ABBREVIATION})[)\]]")  # long form (ABBR) or [ABBR]
# The same, found from each bracketed abbreviation back (DEFINED_AFTER tries every start: 3x slower).
BRACKETED = re.compile(rf"\s[(\[]({ABBREVIATION})[)\]]")
WORDS_BEFORE = re.compile(r"[\w\-α-ω' ]{3,120}$")
DEFINED_BEFORE = re.compile(rf"(?<![\w-])({ABBREVIATION})\s\(([\w\-α-ω' ]{{3,120}})\)")  # ABBR (long form)
CLASS_AFTER = re.compile(r"\s+(?:gene\s+)?(?:super|sub)?famil(?:y|ies)\b|\s+(?:members?|class|isoforms)\b", re.I)
INDEFINITE_BEFORE = re.compile(r"\b(?:an?|another|any|each|every|some|family of|class of)\s+$", re.IGNORECASE)
GLOSSARY = re.compile(rf"(?:^|;\s*)({ABBREVIATION}):\s*([^;:\n]{{3,120}})", re.MULTILINE)


@dataclass
class DocumentContext:
    """What a document itself says about its words.

    ``not_genes``: abbreviations it defines as cells, processes or diseases
    (upper case); ``drugs``/``cancers``: abbreviations it defines as a drug or
    cancer; ``lower_words``: words it writes in lower case (so ``Cell`` in a
    title is the English word, not the gene alias).
    """

    not_genes: set[str] = field(default_factory=set)
    definitions: dict[str, str] = field(default_factory=dict)  # ABBR -> long form, from "long form (ABBR)"
    drugs: dict[str, str] = field(default_factory=dict)
    cancers: dict[str, str] = field(default_factory=dict)
    lower_words: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)  # abbreviations defined as a kind of gene, not one gene
    # (ABBR, long form) of every not_genes entry, glossary lines included: the finder, which knows gene
    # names, takes back one whose long form names its gene ("PDCD4: Programmed Cell Death 4").
    not_gene_forms: list[tuple[str, str]] = field(default_factory=list)


WORD_START = re.compile(r"\s+|(?<=[A-Za-z0-9])-(?=[a-z]{3})")


def _long_form(abbreviation: str, words: str) -> str:
    """The last few words before ``(ABBR)``, from the first one starting with the abbreviation's letter.

    A hyphen before a lower-case word also starts a word: in "IGF-1-standard deviation score (SDS)"
    the long form is "standard deviation score".
    """
    words = words.strip()
    starts = [0] + [m.end() for m in WORD_START.finditer(words)]
    starts = starts[-(sum(c.isalnum() for c in abbreviation) + 2) :]
    first = abbreviation[0].lower()
    opening = [at for at in starts if words[at : at + 1].lower() == first]
    # The shortest one that spells the abbreviation ("the tumour microenvironment (TME)" -> "tumour ...").
    at = next(
        (at for at in reversed(opening) if spells(abbreviation, words[at:])), opening[0] if opening else starts[0]
    )
    return words[at:]


# Words no long form is made of: articles, pronouns, auxiliaries.
NOT_IN_A_NAME = re.compile(r"\b(?:a|an|the|we|our|they|have|has|had|is|are|was|were|be|this|that|these)\b", re.I)
# A name's own mark at its end: a number, a single letter, a Greek letter or a Roman numeral.
IDENTIFYING_END = re.compile(r"(?:\b[A-Za-z]|\d[a-z]?|[α-ω]|alpha|beta|gamma|delta|kappa|\b[IVX]+)$")


def shaped_as_long_form(abbreviation: str, long_form: str) -> bool:
    """Whether words read before ``(ABBR)`` can be its long form: they start with its first letter
    and hold no article, pronoun or auxiliary ("we have described a protein (Hep27)" is none)."""
    return long_form[:1].lower() == abbreviation[:1].lower() and not NOT_IN_A_NAME.search(long_form)


def names_a_class(long_form: str) -> bool:
    """A long form without an identifying mark at its end ("pattern recognition receptor") names a class;
    "programmed death-ligand 1" names one gene."""
    return not IDENTIFYING_END.search(long_form)


def spells(abbreviation: str, long_form: str) -> bool:
    """The abbreviation's letters appear in order in the long form, the first opening a word (Schwartz-Hearst)."""
    letters = [c.lower() for c in abbreviation if c.isalpha()]
    text = long_form.lower()
    at = next((m.start() for m in re.finditer(r"\b\w", text) if letters and text[m.start()] == letters[0]), -1)
    for letter in letters[1:] if at >= 0 else ():
        at = text.find(letter, at + 1)
        if at < 0:
            return False
    return at >= 0


def defined_after(text: str) -> list[tuple[str, str, int]]:
    """``(words before, abbreviation, end)`` of each ``long form (ABBR)``: the matches of DEFINED_AFTER."""
    found = []
    for bracket in BRACKETED.finditer(text):
        words = WORDS_BEFORE.search(text, max(0, bracket.start() - 120), bracket.start())
        if words:
            found.append((words.group(0), bracket.group(1), bracket.end()))
    return found


def read_context(text: str, lexicon: Lexicon) -> DocumentContext:
    """Definitions in ``text`` (``long form (ABBR)``, ``ABBR (long form)``, glossary lines ``ABBR: long form``)."""
    found = DocumentContext(lower_words=set(re.findall(r"(?<![\w-])[a-z]+(?![\w-])", text)))
    matches = defined_after(text)
    pairs = [(abbreviation, _long_form(abbreviation, words)) for words, abbreviation, _ in matches]
    found.definitions = {abbreviation: long_form.strip() for abbreviation, long_form in pairs}
    # "a protein tyrosine phosphatase (PTP)", "the GTPase-activating protein (GAP) family": a kind of gene.
    found.classes = {
        abbreviation
        for (words, _, end), (abbreviation, long_form) in zip(matches, pairs)
        if CLASS_AFTER.match(text, end) or INDEFINITE_BEFORE.search(words[: len(words) - len(long_form)])
    }
    pairs += [(m.group(1), m.group(2)) for m in DEFINED_BEFORE.finditer(text) if len(m.group(2).split()) >= 2]
    pairs += [(m.group(1), m.group(2)) for m in GLOSSARY.finditer(text)]
    for abbreviation, long_form in pairs:
        if not any(c.isupper() for c in abbreviation) or lexicon.find_drugs(abbreviation):
            continue
        # A drug or cancer abbreviation: the long form ends with the drug or cancer name.
        long_form = long_form.strip().rstrip(".")
        for terms, table in (
            (lexicon.find_drugs(long_form), found.drugs),
            (lexicon.find_cancers(long_form), found.cancers),
        ):
            if terms and terms[-1].end == len(long_form):
                table[abbreviation] = terms[-1].normalized
        if NON_GENE_WORDS.search(long_form) and not GENE_WORDS.search(long_form):
            found.not_genes.add(abbreviation.upper())
            found.not_gene_forms.append((abbreviation, long_form))
    return found

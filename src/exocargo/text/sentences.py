"""Documents cut into sentences: reference lists, citation markers and markup removed first.

:func:`body_text` drops the reference list (everything from a *References*
heading in the last 70 % of the text) and paragraphs shaped like citations,
and removes citation markers (``[12]``, ``^{[[109]](#page-14-3)}``, ``(3,14)``)
and markup (LaTeX Greek letters, HTML tags, emphasis); :func:`paragraphs` and
:func:`split_sentences` cut what is left into sentences.

>>> split_sentences("Exosomes carry miR-21 (Smith et al. 2019). It targets PTEN [12].")
['Exosomes carry miR-21 (Smith et al. 2019).', 'It targets PTEN [12].']
"""

from __future__ import annotations

import re

from exocargo.greek import LETTER_NAME_PATTERN, NAME_LETTERS

# ---------------------------------------------------------------- markup and references

REFERENCES_HEADING = re.compile(
    r"^[#*\s]*(?:\d+\.?\s*)?(?:references?|bibliography|literature cited|works cited|reference list)[*\s:]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A paragraph that opens like a reference entry and carries a journal citation.
REFERENCE_START = re.compile(
    r"^\s*(?:[-*]\s+|\d{1,3}\.\s+|\[\d{1,3}\]\s*)?[A-Z][\w'’-]+(?:[- ][A-Z][\w'’-]+)?,?\s[A-Z]{1,3}\b[,.:]"
)
JOURNAL_CITATION = re.compile(
    r"\b(?:19|20)\d{2}\s*[;:]\s*\d+|\b\d+\s*(?:\(\d+\))?\s*:\s*[eE]?\d+\s*[-–]\s*\d+|\bdoi\b|PubMed|Google Scholar"
)
CITATION_NUMBERS = re.compile(r"\[[\d,;\s\-–]+\]")
MARKUP = [
    (re.compile(r"\\([\[\]])"), r"\1"),  # escaped brackets
    (CITATION_NUMBERS, ""),  # [12], [3-5], [2, 3]
    (re.compile(r"\[([^\[\]]*)\]\((?:#|https?:)[^)\s]*\)"), r"\1"),  # markdown links keep their text
    (CITATION_NUMBERS, ""),  # [[12](#page-3)] is [12] once the link is gone
    (re.compile(r"\b(?:doi:\s*|https?://)[^\s,;)\]]+|\b10\.\d{4,}/[^\s,;)\]]+", re.IGNORECASE), ""),  # no gene in links
    (re.compile(r"\(\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*\)"), ""),  # (26), (51-53), (3,14,15)
    (re.compile(r"\^\{\s*\}|\$\s*\$"), ""),  # emptied superscripts / math
    (re.compile(rf"\$\s*\\({LETTER_NAME_PATTERN})\s*\$"), lambda m: NAME_LETTERS[m.group(1)]),
    (re.compile(r"\$\s*\^?\{?([^${}]{0,20})\}?\s*\$"), r"\1"),
    (re.compile(r"</?[a-zA-Z][^>]*>"), ""),  # <sup>+</sup>
    (re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻]+"), ""),  # Ca²⁺, author affiliations Sun²
    (re.compile(r"(?<=[-/A-Z0-9]) +(?=[α-ω])"), ""),  # "TGF- β" -> "TGF-β" (from LaTeX)
    (re.compile(r"(?<=[α-ω]) +(?=[-/]|[A-Z](?:[A-Z0-9]|\b))"), ""),  # "β -catenin", "κ B", "γ /AKT"
    (re.compile(r"\*{1,2}([^*\n]+?)\*{1,2}"), r"\1"),  # *in vivo*, **Abstract.**
    (re.compile(r"^#+\s*", re.MULTILINE), ""),
    (re.compile(r"[ \t]+"), " "),
    (re.compile(r" ([.,;:])"), r"\1"),
]


def strip_references(text: str) -> str:
    """Drop everything from the first *References* heading in the last 70 % of the text."""
    for match in REFERENCES_HEADING.finditer(text):
        if match.start() >= 0.3 * len(text):
            return text[: match.start()]
    return text


def is_reference_entry(paragraph: str) -> bool:
    """A paragraph shaped like a citation: ``Author AB, ... Journal 2014;7:1327``."""
    return bool(REFERENCE_START.match(paragraph) and JOURNAL_CITATION.search(paragraph))


def clean_markup(text: str) -> str:
    """Remove citation markers and markup; keep the words."""
    for pattern, replacement in MARKUP:
        text = pattern.sub(replacement, text)
    return text


def body_text(text: str) -> str:
    """The document without its reference list, citation markers and markup."""
    return clean_markup(strip_references(text))


# ---------------------------------------------------------------- paragraphs and sentences

NO_SPLIT_BEFORE_PERIOD = re.compile(
    r"(?:\bet al|\be\.g|\bi\.e|\bFigs?|\bvs|\bapprox|\bca|\bcf|\bNo|\bDr|\bRef|\bEq|\bspp?|\bresp|\bSuppl|\b[A-Z])$"
)
SENTENCE_BREAK = re.compile(r"([.!?])[\"'”’)\]]*\s+")
SENTENCE_START = re.compile(r"[\"'“(\[]?(?:[A-Z0-9α-ω]|mi[Rr]|let-|lnc|circ|[a-z]{1,3}[A-Z0-9])")


def paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks; wrapped lines are joined, short lines stay apart.

    A line continues the previous one when that line was long (60+ characters,
    as in hard-wrapped text) and did not end with a colon, or when it starts
    in lower case. Headings and glossary entries (``CAF:``) stay on their own.
    """
    result = []
    for block in re.split(r"\n\s*\n", text):
        current, last_length = "", 0
        for line in (line.strip() for line in block.split("\n")):
            if not line:
                continue
            joins = current and ((last_length >= 60 and not current.endswith(":")) or line[0].islower())
            if joins:
                current += " " + line
            else:
                if current:
                    result.append(current)
                current = line
            last_length = len(line)
        if current:
            result.append(current)
    return [p for p in result if not is_reference_entry(p)]


def split_sentences(paragraph: str) -> list[str]:
    """Split after ``.!?`` before a capital, digit or gene-like word; not after *et al.*, *Fig.*, initials.

    A piece longer than :data:`MAX_SENTENCE_CHARS` is no sentence (unpunctuated hard-wrapped text, a
    table pasted as prose): it is cut at clause marks or spaces, so every later step works on
    sentence-sized text and reading stays linear in the document's length.
    """
    sentences, begin = [], 0
    for match in SENTENCE_BREAK.finditer(paragraph):
        before = paragraph[begin : match.start(1)]
        if NO_SPLIT_BEFORE_PERIOD.search(before[-12:]) or not SENTENCE_START.match(paragraph, match.end()):
            continue
        sentences.append(paragraph[begin : match.end()].strip())
        begin = match.end()
    sentences.append(paragraph[begin:].strip())
    return [piece for s in sentences if s for piece in _sentence_sized(s)]


MAX_SENTENCE_CHARS = 2000


def _sentence_sized(text: str) -> list[str]:
    pieces = []
    while len(text) > MAX_SENTENCE_CHARS:
        window = text[:MAX_SENTENCE_CHARS]
        cut = max(window.rfind("; "), window.rfind(", "))
        if cut < MAX_SENTENCE_CHARS // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut > 0 else MAX_SENTENCE_CHARS
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    return [*pieces, text] if text else pieces

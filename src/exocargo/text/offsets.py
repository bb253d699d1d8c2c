"""The tables of a text's mentions: every occurrence with where it stands in the document as read
(so a reader, or a report, can find it), and one row per distinct name.

Sentences are mined from cleaned text (citation markers and markup removed,
:func:`exocargo.text.sentences.clean_markup`), so their offsets are not the
document's. Cleaning keeps the order of words, so each mention is found again
by searching its written form forward from the previous one, within its
sentence: as written, or else as cleaning may have rewritten it (LaTeX
``$\\alpha$`` read as ``α``, spaces and emphasis marks removed). A mention not
found so gets no offset (-1) rather than a wrong place.

>>> from exocargo.text.mentions import MentionFinder, mine_text
>>> raw = "Exosomal miR-21 [12] targets PTEN."
>>> [(m.text, start) for m, (start, end) in located_mentions(raw, mine_text(raw, MentionFinder(mapper=None)))]
[('miR-21', 9), ('PTEN', 29)]
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from exocargo.documents.model import Document
from exocargo.greek import LETTER_NAMES
from exocargo.tables import MENTIONS_TABLE, NAMES_TABLE
from exocargo.text.model import Mention, Sentence

# How far past the previous mention a sentence's mentions may be sought (a removed reference list or
# figure between two sentences can be long; a miss costs one offset, never a wrong one far away).
SEARCH_WINDOW = 20_000
GENE_TYPES = ("gene", "protein", "lncrna")


@lru_cache(maxsize=4096)
def _as_written_before_cleaning(written: str) -> re.Pattern:
    """The forms cleaning reads as ``written``: a Greek letter as LaTeX, spaces and ``*`` between characters."""
    parts = [
        rf"(?:{char}|\$\s*\\{LETTER_NAMES[char]}\s*\$)"
        if char in LETTER_NAMES
        else r"\s+"
        if char.isspace()
        else re.escape(char)
        for char in written
    ]
    return re.compile(r"[ \t*]*".join(parts))


def _find(raw: str, written: str, begin: int, limit: int) -> tuple[int, int]:
    at = raw.find(written, begin, limit)
    if at >= 0:
        return at, at + len(written)
    match = _as_written_before_cleaning(written).search(raw, begin, limit)
    return match.span() if match else (-1, -1)


def sentence_offsets(raw: str, sentences: list[Sentence]) -> list[list[tuple[int, int]]]:
    """For each sentence, the ``(start, end)`` of each of its mentions in ``raw`` (``(-1, -1)`` when not found)."""
    cursor, found = 0, []
    for sentence in sentences:
        spans = []
        # Start the sentence at its first words when they are written as in the document.
        head = sentence.text[:24]
        at = raw.find(head, cursor, cursor + SEARCH_WINDOW + len(head))
        # A found sentence bounds its mentions (cleaning only removes text, citations most): a name
        # cleaning rewrote ("TGF- β" read as "TGF-β") is not sought in a later paragraph.
        limit = at + 2 * len(sentence.text) + 200 if at >= 0 else cursor + SEARCH_WINDOW
        if at >= 0:
            cursor = at
        previous, previous_span = (-1, -1), (-1, -1)  # the last placed mention: in the sentence, in raw
        for mention in sentence.mentions:
            if (mention.start, mention.end) == previous:  # one word, several genes: one place
                spans.append(previous_span)
                continue
            # A mention after the previous one is sought after it: "IL-1ra ... the IL-1ra gene" are two places.
            begin = previous_span[1] if previous_span[0] >= 0 and mention.start >= previous[1] else cursor
            # As the sentence writes it: the parts of "CD9/63/81" (CD63, CD81) stand at the whole word.
            written = sentence.text[mention.start : mention.end] or mention.text
            at, end = _find(raw, written, begin, limit)
            spans.append((at, end))
            if at < 0:
                continue
            previous, previous_span = (mention.start, mention.end), spans[-1]
            cursor = at  # mentions may overlap (a name inside a longer one): the next search may start here
        found.append(spans)
    return found


def located_mentions(raw: str, sentences: list[Sentence]) -> list[tuple[Mention, tuple[int, int]]]:
    """Every mention of the document with its span in ``raw``."""
    return [
        pair
        for sentence, spans in zip(sentences, sentence_offsets(raw, sentences))
        for pair in zip(sentence.mentions, spans)
    ]


def document_text(document: Document) -> str:
    """The text of a document read from PDF, HTML or XML: its paragraphs in reading order."""
    return "\n\n".join(section.text for section in document.sections)


def mentions_table(raw: str, sentences: list[Sentence]) -> pd.DataFrame:
    """:data:`~exocargo.tables.MENTIONS_TABLE` rows: every mention with its offsets in ``raw``."""
    rows = []
    for sentence, spans in zip(sentences, sentence_offsets(raw, sentences)):
        for mention, (start, end) in zip(sentence.mentions, spans):
            # One gene: an ambiguous name (normalised to nothing) is no ID even with one gene candidate.
            one_gene = len(mention.entrez) == 1 and mention.type in GENE_TYPES and bool(mention.normalized)
            candidates = "" if one_gene or not mention.entrez else "candidates: " + ";".join(mention.entrez)
            note = "; ".join(filter(None, (mention.note, candidates)))
            rows.append(  # the name as read; start:end is its place as written ("CD9/63/81" for CD63, LaTeX)
                (start, end, mention.text, mention.type, mention.normalized,
                 mention.entrez[0] if one_gene else "", note, sentence.index, sentence.section)
            )  # fmt: skip
    return pd.DataFrame(rows, columns=MENTIONS_TABLE.columns)


def names_table(sentences: list[Sentence], query: str) -> pd.DataFrame:
    """One row per distinct written name: type, normalised name, count, first sentence."""
    rows: dict[str, dict] = {}
    for sentence in sentences:
        for mention in sentence.mentions:
            row = rows.get(mention.text)
            if row is None:
                rows[mention.text] = {
                    "query": query,
                    "name": mention.text,
                    "type": mention.type,
                    "normalized": mention.normalized,
                    "count": 1,
                    "line": sentence.index,
                    "first_sentence": sentence.text,
                    "section": sentence.section,
                }
            else:
                row["count"] += 1
    return pd.DataFrame(list(rows.values()), columns=NAMES_TABLE.columns).astype({"count": int, "line": int})

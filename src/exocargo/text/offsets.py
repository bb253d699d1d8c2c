"""Where each mention stands in the document text as read, so a reader (or a report) can find it.

Sentences are mined from cleaned text (citation markers and markup removed,
:func:`exocargo.text.sentences.clean_markup`), so their offsets are not the
document's. Cleaning keeps the order of words, so each mention is found again
by searching its written form forward from the previous one: offsets are
exact where the mention is written the same in the document, and a mention
that cleaning rewrote (LaTeX ``$\\alpha$`` read as ``α``) gets none (-1)
rather than a wrong place.

>>> from exocargo.text.mentions import MentionFinder, mine_text
>>> raw = "Exosomal miR-21 [12] targets PTEN."
>>> [(m.text, start) for m, (start, end) in located_mentions(raw, mine_text(raw, MentionFinder(mapper=None)))]
[('miR-21', 9), ('PTEN', 29)]
"""

from __future__ import annotations

import pandas as pd

from exocargo.documents.model import Document
from exocargo.tables import MENTIONS_TABLE
from exocargo.text.mentions import Mention, Sentence

# How far past the previous mention a sentence's mentions may be sought (a removed reference list or
# figure between two sentences can be long; a miss costs one offset, never a wrong one far away).
SEARCH_WINDOW = 20_000
GENE_TYPES = ("gene", "protein", "lncrna")


def sentence_offsets(raw: str, sentences: list[Sentence]) -> list[list[tuple[int, int]]]:
    """For each sentence, the ``(start, end)`` of each of its mentions in ``raw`` (``(-1, -1)`` when not found)."""
    cursor, found = 0, []
    for sentence in sentences:
        spans = []
        # Start the sentence at its first words when they are written as in the document.
        head = sentence.text[:24]
        at = raw.find(head, cursor, cursor + SEARCH_WINDOW + len(head))
        if at >= 0:
            cursor = at
        for mention in sentence.mentions:
            at = raw.find(mention.text, cursor, cursor + SEARCH_WINDOW)
            if at < 0:
                spans.append((-1, -1))
                continue
            spans.append((at, at + len(mention.text)))
            cursor = at  # mentions may overlap (one word, several genes): the next search starts here
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
            rows.append(
                (start, end, mention.text, mention.type, mention.normalized,
                 mention.entrez[0] if one_gene else "", candidates, sentence.index, sentence.section)
            )  # fmt: skip
    return pd.DataFrame(rows, columns=MENTIONS_TABLE.columns)

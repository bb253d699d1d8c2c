"""Finding gene and miRNA mentions in documents (plain text or markdown)."""

from __future__ import annotations

import re

import pandas as pd

from .inputs import NAMES_COLUMNS, read_text

SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\[])|\n{2,}")
MIRNA = re.compile(r"\b(?:hsa-)?(?:miR|microRNA|let)-\d*[a-z]?(?:-\d)?(?:-[35]p)?\b", re.IGNORECASE)
SYMBOL_LIKE = re.compile(r"\b[A-Z][A-Z0-9]{1,}(?:-[A-Z0-9]+)?\b")
REFERENCE_HEADINGS = re.compile(
    r"^\s*(?:#+\s*)?(references|bibliography|literature cited)\s*$", re.IGNORECASE | re.MULTILINE
)


def strip_references(text: str) -> str:
    """Drop everything after a 'References' heading: citations are not mentions."""
    match = REFERENCE_HEADINGS.search(text)
    return text[: match.start()] if match else text


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_SPLIT.split(text) if s and s.strip()]


def extract_mentions(path: str, query: str) -> pd.DataFrame:
    """Candidate names with their count and first sentence."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, str]] = {}
    for number, sentence in enumerate(sentences(strip_references(read_text(path))), start=1):
        for pattern, kind in ((MIRNA, "mirna"), (SYMBOL_LIKE, "")):
            for match in pattern.finditer(sentence):
                name = match.group(0)
                counts[name] = counts.get(name, 0) + 1
                first.setdefault(name, (number, sentence, kind))
    rows = [
        {
            "query": query,
            "name": name,
            "type": first[name][2],
            "normalized": "",
            "count": counts[name],
            "line": first[name][0],
            "first_sentence": first[name][1],
        }
        for name in counts
    ]
    return pd.DataFrame(rows, columns=NAMES_COLUMNS)

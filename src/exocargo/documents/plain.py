"""Plain text and markdown papers: headings open sections, the reference list is cut off."""

from __future__ import annotations

import re

from exocargo.documents.model import BODY, Document, heading_section, is_common_heading

MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
# A references heading in the first 30 % of a text is a table of contents or a cited-work note,
# not the start of the reference list (reviews open with long front matter).
REFERENCES_FROM = 0.3


def _is_heading(line: str) -> bool:
    """A markdown heading, or a capitalised common section heading alone on its line."""
    letters = [c for c in line if c.isalpha()]
    return bool(MARKDOWN_HEADING.match(line)) or bool(letters and letters[0].isupper() and is_common_heading(line))


def read_plain_text(text: str, *, format: str = "text") -> Document:
    """Split a text at its headings; a heading line stays in its section's text (it may name genes)."""
    document = Document(format)
    section, chunk = BODY, []
    offset, length = 0, max(len(text), 1)
    for index, line in enumerate(text.split("\n")):
        if line.strip() and _is_heading(line):
            name = heading_section(line)
            if name == "references" and offset < REFERENCES_FROM * length:
                name = section
            if chunk:
                document.add(section, "\n".join(chunk))
            section, chunk = name, []
            if name == "references":  # the rest is the reference list: its entries are kept for citations
                entries = "\n".join(text.split("\n")[index + 1 :])
                for entry in re.split(r"\n\s*\n|\n(?=\s*(?:\[\d{1,3}\]|\d{1,3}\.\s|[-*]\s))", entries):
                    document.add("references", " ".join(entry.split()))
                return document
        chunk.append(line)
        offset += len(line) + 1
    if chunk:
        document.add(section, "\n".join(chunk))
    return document

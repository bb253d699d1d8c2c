"""Plain text and markdown papers: headings open sections, the reference list is cut off."""

from __future__ import annotations

import re

from exocargo.documents.model import BODY, Document, heading_section, is_common_heading

MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
# A references heading in the first 30 % of a text is a table of contents or a cited-work note,
# not the start of the reference list (reviews open with long front matter).
REFERENCES_FROM = 0.3
# A field of YAML front matter ("caption: ...", nested "  description: ..."); indented lines continue it.
FRONT_FIELD = re.compile(r"^\s*['\"]?[@\w-]+['\"]?:(?:\s+(.*))?$")
# A reference as a value: it ends "2019;18:59." (year;volume:pages), and its journal abbreviation is no gene.
REFERENCE_VALUE = re.compile(r"\b(?:19|20)\d{2};\s*\d+(?:\(\d+\))?:\s*[\w-]+\.?$")


def _is_heading(line: str) -> bool:
    """A markdown heading, or a capitalised common section heading alone on its line."""
    letters = [c for c in line if c.isalpha()]
    return bool(MARKDOWN_HEADING.match(line)) or bool(letters and letters[0].isupper() and is_common_heading(line))


def front_matter_prose(front: str) -> list[str]:
    """The values of YAML front matter that are prose (a title, a caption), wrapped lines joined.

    Keys, identifiers, links and file names are metadata, not text: a figure id such as
    ``12943_2019_980_Fig1_HTML`` or a link ``/figure/Fig1/`` names no gene.
    """
    values: list[list[str]] = []
    for line in front.split("\n"):
        field = FRONT_FIELD.match(line)
        if field:
            values.append([field.group(1) or ""])
        elif values and line[:1].isspace() and not line.strip().startswith("- "):
            values[-1].append(line.strip())
        else:
            values.append([])  # a list item or an unindented line ends the field
    prose = (" ".join(parts).strip().strip("'\"") for parts in values)
    return [
        value
        for value in prose
        if len(value.split()) >= 4
        and not value.startswith(("http", "/", "{", "["))
        and not REFERENCE_VALUE.search(value)
    ]


def _is_front_matter(block: str) -> bool:
    """Every line a field, a continuation or a list item: YAML, not prose between two rules."""
    lines = [line for line in block.split("\n") if line.strip()]
    return (
        bool(lines)
        and FRONT_FIELD.match(lines[0]) is not None
        and all(line[:1].isspace() or line.startswith("- ") or FRONT_FIELD.match(line) for line in lines)
    )


def read_plain_text(text: str, *, format: str = "text") -> Document:
    """Split a text at its headings; a heading line stays in its section's text (it may name genes).
    YAML front matter gives only its prose values (:func:`front_matter_prose`)."""
    document = Document(format)
    if text.startswith("---\n") and (end := text.find("\n---", 4)) > 0 and _is_front_matter(text[4:end]):
        for value in front_matter_prose(text[4:end]):
            document.add(BODY, value)
        text = text[end + 4 :]
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

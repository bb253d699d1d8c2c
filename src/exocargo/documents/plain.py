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


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Return (YAML front matter, body) of a markdown file, or (None, text)."""
    if not text.startswith("---\n"):
        return None, text
    end = text.find("\n---", 4)
    if end == -1:
        return None, text
    return text[4:end], text[end + 4 :]


def front_matter_prose(front: str) -> list[str] | None:
    """The values of YAML front matter that are prose (a title, a caption), wrapped lines joined;
    ``None`` when a line is no field, continuation or list item (prose between two rules, not YAML).

    Keys, identifiers, links and file names are metadata, not text: a figure id such as
    ``12943_2019_980_Fig1_HTML`` or a link ``/figure/Fig1/`` names no gene.
    """
    values: list[list[str]] = []
    fields = 0
    for line in front.split("\n"):
        field = FRONT_FIELD.match(line)
        if field:
            fields += 1
            values.append([field.group(1) or ""])
        elif line.strip() and not (fields and (line[:1].isspace() or line.startswith("- "))):
            return None
        elif values and line[:1].isspace() and not line.strip().startswith("- "):
            values[-1].append(line.strip())
        else:
            values.append([])  # a list item or a blank line ends the field
    if not fields:
        return None
    prose = (" ".join(parts).strip().strip("'\"") for parts in values)
    return [
        value
        for value in prose
        if len(value.split()) >= 4
        and not value.startswith(("http", "/", "{", "["))
        and not REFERENCE_VALUE.search(value)
    ]


def read_plain_text(text: str, *, format: str = "text") -> Document:
    """Split a text at its headings; a heading line stays in its section's text (it may name genes).
    YAML front matter gives only its prose values (:func:`front_matter_prose`)."""
    document = Document(format)
    front, body = split_front_matter(text)
    if front is not None and (prose := front_matter_prose(front)) is not None:
        for value in prose:
            document.add(BODY, value)
        text = body
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

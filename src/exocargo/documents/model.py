"""A paper as the extraction reads it: named sections of paragraphs, the reference list left out.

Every reader (plain text and markdown, PDF, HTML, JATS/PMC XML, BioC, PubMed
XML) returns a :class:`Document`, so the mention finder never needs to know
which format a paper came in. Section names are the common ones in lower case
(``title``, ``abstract``, ``introduction``, ``methods``, ``results``,
``discussion``, ``conclusions``, ``figure legend``, ``table``) when a heading
says so, and otherwise the heading as the paper writes it (a review's topical
sections), so a user can find where a statement came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

TITLE = "title"
ABSTRACT = "abstract"
BODY = "body"
FIGURE_LEGEND = "figure legend"
TABLE = "table"
REFERENCES = "references"
# Parts of a paper that state no biology: they are not mined (grant numbers and names read as genes).
NOT_MINED = "not mined"

# Heading words -> common section name. Matched on the whole heading, numbering removed.
COMMON_HEADINGS = (
    (ABSTRACT, r"abstract|summary|graphical abstract|significance|highlights"),
    ("introduction", r"introduction|background"),
    ("methods", r"(?:materials? and |patients and |experimental )?methods?|methodology|experimental procedures?"),
    ("results", r"results(?: and discussion)?"),
    ("discussion", r"discussion"),
    ("conclusions", r"conclusions?|concluding remarks|summary and conclusions?"),
    (REFERENCES, r"references?|bibliography|literature cited|works cited|reference list|notes and references"),
    (
        NOT_MINED,
        r"acknowledge?ments?|funding(?: information)?|author(?:s'?)? contributions?|competing interests?|"
        r"conflicts? of interests?|declaration of competing interests?|declarations|ethics.*|"
        r"consent for publication|availability of data.*|data availability.*|author information|"
        r"publisher'?s note|footnotes|additional information|supplementary (?:information|material)",
    ),
)
COMMON_SECTION_NAMES = frozenset({TITLE, FIGURE_LEGEND, TABLE, *(name for name, _ in COMMON_HEADINGS)})
_HEADING_PATTERNS = [(name, re.compile(rf"(?:{words})", re.IGNORECASE)) for name, words in COMMON_HEADINGS]
# "1.", "2.3", "IV.", "A." before a heading; ":" or "." after it.
HEADING_NUMBER = re.compile(r"^\s*(?:(?:\d+(?:\.\d+)*|[IVX]+|[A-H])[.)]?\s+)?")
# "Figure 2.", "Fig. 3:", "Table 1 |": a legend or table caption ("Figure 2 shows ..." is body text).
LEGEND_START = re.compile(r"^(?:Supplementary\s+)?(Fig(?:ure)?s?\.?|Table)\s*S?\d+[A-Za-z]?\s*[.:|]")
MAX_SECTION_NAME = 80
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


def tidy(text: str) -> str:
    """NFC-normalised text with ligatures spelled out and runs of spaces made one."""
    text = unicodedata.normalize("NFC", text.translate(LIGATURES)).replace("\u00ad", "").replace("\xa0", " ")
    return re.sub(r"[ \t\r\f\v]+", " ", text).strip()


def flat(text: str) -> str:
    """:func:`tidy` with line breaks made spaces: the words of one XML or HTML paragraph."""
    return tidy(re.sub(r"\s+", " ", text))


EMPTY_BRACKETS = re.compile(r"\s*[\[(][\s,;–-]*[\])]")
LEFT_SEPARATORS = re.compile(r"\s+(?:[,;–-]\s*)+(?=[.;:)\]]|$)")
REPEATED_SEPARATORS = re.compile(r"(\s?[,;])(?:\s*[,;])+")


def without_marker_remains(text: str) -> str:
    """Brackets and commas that held citation markers: "process [], [, ]." -> "process."."""
    text = EMPTY_BRACKETS.sub("", text)
    text = LEFT_SEPARATORS.sub("", text)
    return REPEATED_SEPARATORS.sub(r"\1", text)


def heading_section(heading: str) -> str:
    """The section a heading opens: a common name, or the heading itself (numbering removed)."""
    bare = HEADING_NUMBER.sub("", flat(heading)).strip(" .:*#")
    for name, pattern in _HEADING_PATTERNS:
        if pattern.fullmatch(bare):
            return name
    return bare[:MAX_SECTION_NAME] or BODY


def is_common_heading(line: str) -> bool:
    """A line that is only a common heading (``Results``, ``2. Methods``, ``References:``)."""
    bare = HEADING_NUMBER.sub("", flat(line)).strip(" .:*#")
    return len(bare) <= 60 and any(pattern.fullmatch(bare) for _, pattern in _HEADING_PATTERNS)


def legend_section(paragraph: str) -> str | None:
    """``figure legend`` or ``table`` for a paragraph that opens like one (``Figure 2.``, ``Table 1``)."""
    match = LEGEND_START.match(paragraph)
    if not match:
        return None
    return TABLE if match.group(1) == "Table" else FIGURE_LEGEND


@dataclass
class Section:
    """Paragraphs under one heading; ``name`` as :func:`heading_section` gives it."""

    name: str
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class Document:
    """A paper's mined sections in reading order; ``format`` says which reader made it."""

    format: str
    sections: list[Section] = field(default_factory=list)
    references: list[str] = field(default_factory=list)  # the reference list's entries: cited, never mined

    def add(self, section_name: str, paragraph: str) -> None:
        """Append a paragraph to the section named (a new section when the name changes)."""
        paragraph = paragraph.strip()
        if paragraph and section_name == REFERENCES:
            self.references.append(paragraph)
        if not paragraph or section_name in (REFERENCES, NOT_MINED):
            return
        if not self.sections or self.sections[-1].name != section_name:
            self.sections.append(Section(section_name))
        self.sections[-1].paragraphs.append(paragraph)

    @property
    def text(self) -> str:
        return "\n\n".join(section.text for section in self.sections)

    def section_names(self) -> list[str]:
        return list(dict.fromkeys(section.name for section in self.sections))

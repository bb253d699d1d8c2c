"""The citations a sentence gives, and the works they point to in the document's reference list.

A stated relation is only as good as its source, so each sentence keeps the
citation markers it was written with, before markup cleaning removes them:
numbered (``[61]``, ``[3-5]``, ``(12, 14)``) and author-year (``(Smith et al.,
2019; Lee 2020)``). Where the document's reference list is read
(:attr:`exocargo.documents.model.Document.references`), each cited work is
looked up there and its DOI or PMID given: numbered entries by their number
(``[12]``, ``12.``, or their position in the list), author-year entries by
first author's surname and year.

>>> references = ReferenceList(["[1] Lee K. Exosomes. Cell 2019. doi:10.1016/j.cell.2019.01.001",
...                             "[2] Kim J et al. miR-21. Nature 2020;5:1-9. PMID: 31234567"])
>>> citations_in("Exosomal miR-21 targets PTEN [1, 2].")
['[1, 2]']
>>> references.cited(["[1, 2]"])
['doi:10.1016/j.cell.2019.01.001', 'PMID:31234567']
"""

from __future__ import annotations

import re

from exocargo.text.sentences import clean_markup, paragraphs, split_sentences

LINK = re.compile(r"\[([^\[\]]*)\]\((?:#|https?:)[^)\s]*\)")  # markdown links keep their text: [[12](#ref-12)]
NUMBERS = r"\d{1,3}(?:\s*[-–,;]\s*\d{1,3})*"
NUMBERED = re.compile(
    rf"\[\s*{NUMBERS}\s*\]|\^\{{?\s*{NUMBERS}\s*\}}?|(?<=[\w.,)])\s?\(\s*\d{{1,3}}(?:\s*[-–,]\s*\d{{1,3}})*\s*\)"
)
YEAR = r"(?:19|20)\d{2}[a-z]?"
AUTHOR_YEAR = re.compile(rf"\((?=[^()]*{YEAR})([A-Z][^()]{{0,160}}?{YEAR})\s*\)")
ONE_AUTHOR_YEAR = re.compile(rf"([A-Z][\w'’-]+)[^;]*?({YEAR})")
DOI = re.compile(r"\b(10\.\d{4,9}/[^\s,;\]]+)", re.IGNORECASE)
PMID = re.compile(r"\bPMID:?\s*(\d{5,9})\b", re.IGNORECASE)
ENTRY_NUMBER = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)]?\s)")
FIRST_AUTHOR = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.)]?)?\s*([A-Z][\w'’-]+)")
ENTRY_YEAR = re.compile(rf"\b({YEAR})\b")


def citations_in(sentence: str) -> list[str]:
    """The citation markers of a sentence as written (links unwrapped), in order."""
    text = LINK.sub(r"\1", LINK.sub(r"\1", sentence))
    found = [(m.start(), m.group(0).strip()) for m in NUMBERED.finditer(text)]
    found += [(m.start(), m.group(0)) for m in AUTHOR_YEAR.finditer(text)]
    return [marker for _, marker in sorted(found)]


def cited_numbers(marker: str) -> list[int]:
    """``[3-5, 8]`` -> ``[3, 4, 5, 8]`` (ranges of at most 50 works)."""
    numbers = []
    for part in re.split(r"[,;]", marker.strip("[]()^{} ")):
        bounds = [int(n) for n in re.findall(r"\d+", part)]
        if len(bounds) == 2 and 0 <= bounds[1] - bounds[0] <= 50:
            numbers += range(bounds[0], bounds[1] + 1)
        else:
            numbers += bounds
    return numbers


def work_id(entry: str) -> str:
    """``doi:...`` or ``PMID:...`` of one reference entry, or empty."""
    doi = DOI.search(entry)
    if doi:
        value = doi.group(1).rstrip(".")
        while value.endswith(")") and value.count("(") < value.count(")"):  # a markdown link's closing bracket
            value = value[:-1].rstrip(".")
        return "doi:" + value
    pmid = PMID.search(entry)
    return f"PMID:{pmid.group(1)}" if pmid else ""


class ReferenceList:
    """A document's reference entries, found by number or by (first author, year)."""

    def __init__(self, entries: list[str]):
        self.by_number: dict[int, str] = {}
        self.by_author_year: dict[tuple[str, str], str] = {}
        for position, entry in enumerate(entries, start=1):
            number = ENTRY_NUMBER.match(entry)
            identifier = work_id(entry)
            if not identifier:
                continue
            self.by_number[int(number.group(1) or number.group(2)) if number else position] = identifier
            author, year = FIRST_AUTHOR.match(entry), ENTRY_YEAR.search(entry)
            if author and year:
                self.by_author_year.setdefault((author.group(1).lower(), year.group(1)), identifier)

    def cited(self, markers: list[str]) -> list[str]:
        """DOIs and PMIDs of the works the markers cite, where the list has them, in order."""
        found = []
        for marker in markers:
            if marker.startswith("(") and ONE_AUTHOR_YEAR.search(marker):
                for part in marker.strip("()").split(";"):
                    match = ONE_AUTHOR_YEAR.search(part)
                    if match:
                        found.append(self.by_author_year.get((match.group(1).lower(), match.group(2)), ""))
            else:
                found += [self.by_number.get(number, "") for number in cited_numbers(marker)]
        return list(dict.fromkeys(identifier for identifier in found if identifier))


def citations_by_sentence(raw: str) -> list[tuple[str, list[str]]]:
    """(cleaned sentence, its citation markers) for the sentences of a section's raw text, in order."""
    return [
        (clean_markup(sentence).strip(), citations_in(sentence))
        for paragraph in paragraphs(raw)
        for sentence in split_sentences(paragraph)
    ]


def take_citations(markers: list[tuple[str, list[str]]], sentence: str) -> list[str]:
    """The markers of the raw sentence that cleans to ``sentence`` (looked for a few sentences ahead)."""
    for ahead, (text, cites) in enumerate(markers[:5]):
        if text == sentence:
            del markers[: ahead + 1]
            return cites
    return []

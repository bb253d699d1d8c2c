"""PDF papers with a text layer, read with pdfminer.six's layout analysis.

Reading order comes from pdfminer's text boxes (columns kept apart). Running
headers and footers (a box near the top or bottom edge whose text, digits
aside, recurs on other pages) and page numbers are dropped. Lines are joined
into paragraphs: a word broken at a line end (``exo-`` / ``somes``) is
rejoined unless the document writes the hyphenated form elsewhere, and a
hyphen before a digit or capital stays (``miR-`` / ``21``). A box in a
larger or bold font that reads like a heading opens a section. Ligatures
(ﬁ, ﬂ) are spelled out; Greek letters are kept.

A scan without text, an encrypted or a damaged PDF raises :class:`InputError`
saying which, and what to do.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from pathlib import Path

from exocargo.documents.model import BODY, REFERENCES, TITLE, Document, heading_section, is_common_heading, tidy
from exocargo.errors import InputError

EDGE = 0.08  # top and bottom share of a page where running headers and footers sit
PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$", re.IGNORECASE)
# Fewer characters than this on every page: the pages are images (a scan).
MIN_TEXT_PER_PAGE = 20
# A word broken at a line end: lower-case letters, a hyphen, and the line after goes on in lower case.
BROKEN_WORD = re.compile(r"(?<![A-Za-z0-9-])([A-Za-z]?[a-z]+)-$")
END_MARKER = b"%%EOF"


def _refuse_damaged(data: bytes, path: str) -> None:
    if END_MARKER not in data[-8192:]:
        raise InputError(
            f"{path}: the PDF is incomplete (it lacks the %%EOF end marker, as a download cut short does). "
            "Download or save the PDF again."
        )


def _box_font(box) -> tuple[float, bool]:
    """Mean character size of a text box and whether all its letters are bold."""
    from pdfminer.layout import LTChar, LTTextLine

    sizes, bold, letters = [], 0, 0
    for line in box:
        if not isinstance(line, LTTextLine):
            continue
        for char in line:
            if isinstance(char, LTChar) and char.get_text().strip():
                sizes.append(char.size)
                letters += 1
                bold += "bold" in char.fontname.lower() or "black" in char.fontname.lower()
    return (statistics.fmean(sizes) if sizes else 0.0), bool(letters) and bold == letters


def _pages(path: str) -> list[list[dict]]:
    """Per page, its text boxes in reading order: text, font size, bold, near an edge."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.psexceptions import PSException

    pages = []
    try:
        for page in extract_pages(path, laparams=LAParams()):
            boxes = []
            for element in page:
                if not isinstance(element, LTTextContainer):
                    continue
                text = element.get_text()
                if not text.strip():
                    continue
                size, bold = _box_font(element)
                near_edge = element.y1 > page.height * (1 - EDGE) or element.y0 < page.height * EDGE
                boxes.append({"text": text, "size": size, "bold": bold, "edge": near_edge})
            pages.append(boxes)
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise InputError(
            f"{path}: the PDF is encrypted and needs a password to open ({type(error).__name__}). Save a copy "
            "without the password (print it to PDF from a viewer that can open it) and point the sheet at that."
        ) from error
    except (PDFException, PSException, ValueError, KeyError, TypeError, AssertionError) as error:
        raise InputError(
            f"{path}: the PDF is damaged and cannot be read ({type(error).__name__}: {str(error)[:200]}). "
            "Download or save the PDF again."
        ) from error
    return pages


def _furniture(pages: list[list[dict]]) -> set[str]:
    """Edge texts that recur on more than one page, digits aside (running headers, footers)."""
    counts = Counter()
    for boxes in pages:
        counts.update({re.sub(r"\d+", "#", tidy(b["text"])) for b in boxes if b["edge"]})
    return {text for text, count in counts.items() if count > 1}


def _join_lines(lines: list[str], hyphenated: set[str]) -> str:
    text = ""
    for line in (tidy(line) for line in lines):
        if not line:
            continue
        match = BROKEN_WORD.search(text)
        if match and "a" <= line[0] <= "z":
            joined = f"{match.group(1)}-{line.split()[0]}".lower()
            text = text if joined in hyphenated else text[:-1]
        elif not text.endswith("-") and text:
            text += " "
        text += line
    return text


def read_pdf(data: bytes, path: str) -> Document:
    _refuse_damaged(data, path)
    pages = _pages(str(path))
    if not pages:
        raise InputError(f"{path}: the PDF holds no pages (damaged?). Download or save the PDF again.")
    characters = sum(len(b["text"].strip()) for boxes in pages for b in boxes)
    if characters < MIN_TEXT_PER_PAGE * max(len(pages), 1):
        raise InputError(
            f"{path}: the PDF has no text layer ({characters} characters of text on {len(pages)} "
            f"page{'s' if len(pages) != 1 else ''}): it is "
            "a scan or an image. Run OCR on it first (e.g. `ocrmypdf in.pdf out.pdf`) and point the sheet at "
            "the result."
        )
    furniture = _furniture(pages)
    all_text = " ".join(tidy(b["text"]) for boxes in pages for b in boxes).lower()
    hyphenated = set(re.findall(r"[a-zα-ω]+-[a-zα-ω]+", all_text))
    sizes = [b["size"] for boxes in pages for b in boxes if b["size"]]
    body_size = statistics.median(sizes) if sizes else 0.0
    document, section, paragraph = Document("pdf"), BODY, ""
    for boxes in pages:
        for box in boxes:
            flat = tidy(box["text"])
            if box["edge"] and (PAGE_NUMBER.match(flat) or re.sub(r"\d+", "#", flat) in furniture):
                continue
            lines = [line for line in box["text"].split("\n") if line.strip()]
            looks_like_heading = len(lines) <= 2 and len(flat) <= 120 and not flat.endswith((".", ",", ";"))
            styled = box["size"] >= body_size + 0.8 or box["bold"]
            # Bold entries inside the reference list are not headings; only a common one ends it.
            opens = is_common_heading(flat) or (styled and section != REFERENCES)
            if looks_like_heading and opens:
                document.add(section, paragraph)
                paragraph = ""
                section = TITLE if section == BODY and not document.sections and styled else heading_section(flat)
                document.add(section, flat)
                continue
            text = _join_lines(lines, hyphenated)
            # A paragraph broken by a column or page end goes on in the next box: in lower case, or
            # after a comma, bracket or hyphen that cannot end a paragraph.
            unfinished = paragraph and not paragraph.endswith((".", "!", "?", ":", '"', "”"))
            if unfinished and (text[:1].islower() or paragraph.endswith((",", ";", "(", "[", "-"))):
                paragraph = _join_lines([paragraph, text], hyphenated)
                continue
            document.add(section, paragraph)
            paragraph = text
    document.add(section, paragraph)
    return document


def read_pdf_file(path: str | Path) -> Document:
    return read_pdf(Path(path).read_bytes(), str(path))

"""Saved article pages: the article's text by sections, without the page around it.

Navigation, scripts, styles, forms, cookie and consent banners, share bars and
sidebars are dropped by element (``nav``, ``aside``, ...), by ARIA role and by
class or id words; the article is the page's ``<article>`` (or ``<main>``),
else the body. Headings open sections; ``figcaption`` and table captions are
legends; a section headed *References* (or marked as a reference list) is not
read, and citation links (``<a href="#ref-12">12</a>``) are left out.
"""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.builder import XMLParsedAsHTMLWarning

from exocargo.documents.model import (
    BODY,
    COMMON_SECTION_NAMES,
    FIGURE_LEGEND,
    NOT_MINED,
    REFERENCES,
    TABLE,
    TITLE,
    Document,
    flat,
    heading_section,
    without_marker_remains,
)

DROPPED_TAGS = (
    "script", "style", "noscript", "template", "iframe", "svg", "math", "nav", "aside", "form", "button",
    "input", "select", "textarea", "label", "footer", "header", "dialog", "object", "embed", "canvas", "head",
)  # fmt: skip
DROPPED_ROLES = {"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu"}
# Class or id words of page furniture (whole words of "cookie-banner", "c-article-share").
FURNITURE_WORDS = re.compile(
    r"(?:^|[-_\s])(?:cookies?|consent|gdpr|banner|navbar|nav|menu|breadcrumbs?|sidebar|share|sharing|social|"
    r"advert|ads?|promo|newsletter|popup|modal|skip|toolbar|related|recommended|metrics|altmetric|"
    r"authors?|affiliations?|(?:hide|no|d)-?print(?:-none)?|print-?(?:hide|hidden|none))(?:$|[-_\s])",
    re.IGNORECASE,
)
REFERENCE_WORDS = re.compile(
    r"(?:^|[-_\s])(?:references?|ref-list|reflist|bibliography|citation-list|citations)(?:$|[-_\s])", re.IGNORECASE
)
CITATION_TEXT = re.compile(r"^[\s\[\]()\d,;–-]*$")
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
PARAGRAPHS = {"p", "li", "dd", "dt", "blockquote", "pre", "figcaption", "caption"}
BLOCK_TAGS = HEADINGS | PARAGRAPHS | {"div", "section", "article", "table", "ul", "ol", "dl", "figure", "main"}


def _words(tag: Tag) -> str:
    return " ".join([*tag.get("class", []), tag.get("id", "") or ""])


def _is_furniture(tag: Tag) -> bool:
    if tag.get("role", "") in DROPPED_ROLES or tag.get("aria-hidden") == "true" or tag.has_attr("hidden"):
        return True
    return bool(FURNITURE_WORDS.search(_words(tag)))


def _drop_citation_links(root: Tag) -> None:
    """Citation markers are links into the page's reference list; figure links read as text."""
    for link in root.find_all("a", href=True):
        if link["href"].startswith("#") and CITATION_TEXT.match(link.get_text()):
            parent = link.parent
            link.decompose()
            if parent is not None and parent.name == "sup" and CITATION_TEXT.match(parent.get_text()):
                parent.decompose()


SENTENCE_GLUE = re.compile(r"(?<=[a-zα-ω)][.!?:;])(?=[A-Z][a-z])")


def _text(tag: Tag) -> str:
    # No separator: inline markup splits words ("miR-<i>21</i>", "β<sub>2</sub>"). Where two pieces
    # meet as sentence end and capitalised word ("growth.Credit"), they were separate blocks.
    return without_marker_remains(SENTENCE_GLUE.sub(" ", flat(tag.get_text())))


class _Walker:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.section = BODY
        self.levels: list[tuple[int, str]] = []  # open headings: (level, section)

    def heading(self, tag: Tag) -> None:
        level = int(tag.name[1])
        name = heading_section(_text(tag))
        while self.levels and self.levels[-1][0] >= level:
            self.levels.pop()
        outer = self.levels[-1][1] if self.levels else BODY
        if name not in COMMON_SECTION_NAMES and outer in COMMON_SECTION_NAMES - {TITLE}:
            name = outer  # a subsection of Results stays in results
        if outer in (REFERENCES, NOT_MINED):
            name = outer
        if level == 1 and not self.levels and not self.document.sections:
            name = TITLE
        self.levels.append((level, name))
        self.section = name
        self.document.add(name, _text(tag))

    def table(self, tag: Tag) -> None:
        for caption in tag.find_all("caption"):
            self.document.add(TABLE, _text(caption))
            caption.decompose()
        for row in tag.find_all("tr"):
            cells = [_text(cell) for cell in row.find_all(["td", "th"])]
            self.document.add(TABLE, "; ".join(c for c in cells if c))

    def walk(self, tag: Tag) -> None:
        for child in list(tag.children):
            if isinstance(child, NavigableString):
                if child.strip() and tag.name in ("div", "section", "article", "main", "body"):
                    self.document.add(self.section, flat(str(child)))
                continue
            if not isinstance(child, Tag):
                continue
            if REFERENCE_WORDS.search(_words(child)) and child.name not in HEADINGS:
                continue
            if child.name in HEADINGS:
                self.heading(child)
            elif child.name == "table":
                self.table(child)
            elif child.name == "figcaption" or (child.name == "figure" and not child.find(BLOCK_TAGS - {"figure"})):
                self.document.add(FIGURE_LEGEND, _text(child))
            elif child.name in PARAGRAPHS:
                if child.find(BLOCK_TAGS - {"li"} if child.name == "li" else BLOCK_TAGS):
                    self.walk(child)
                else:
                    self.document.add(self.section, _text(child))
            else:
                self.walk(child)


def read_html(data: bytes, path: str) -> Document:
    """The article text of a saved page, by sections."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(data, "lxml")
    title = ""
    meta = soup.find("meta", attrs={"name": re.compile(r"^(?:citation_title|dc\.title)$", re.IGNORECASE)})
    if meta and meta.get("content"):
        title = flat(meta["content"])
    for tag in soup.find_all(DROPPED_TAGS):
        tag.decompose()
    # A page wrapper ("layout-with-sidebar") or the article itself is never furniture, whatever its
    # classes: the article elements and their ancestors are found once, not searched from every tag.
    article_chain = {id(t) for found in soup.find_all(("article", "main")) for t in (found, *found.parents)}
    for tag in soup.find_all(lambda t: t.name not in ("html", "body") and id(t) not in article_chain):
        if not tag.decomposed and _is_furniture(tag):
            tag.decompose()
    candidates = soup.find_all("article") or soup.find_all("main") or soup.find_all(attrs={"role": "main"})
    root = max(candidates, key=lambda t: len(t.get_text()), default=None) or soup.body or soup
    _drop_citation_links(root)
    document = Document("html")
    walker = _Walker(document)
    if title:
        document.add(TITLE, title)
        first = root.find("h1")
        if first is not None and _text(first) == title:
            first.decompose()
    walker.walk(root)
    return document

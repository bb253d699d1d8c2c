"""PMC / JATS article XML (``.nxml``, E-utilities ``db=pmc``) and PubMed XML (``db=pubmed``).

JATS gives the structure outright: the title, each abstract, body sections with
their titles, figure and table captions (``fig``, ``table-wrap``) and the back
matter, of which the reference list and acknowledgements are not read.
Citation markers (``<xref ref-type="bibr">``) are left out of the text.
The parser never loads DTDs, entities or anything over the network.
"""

from __future__ import annotations

from lxml import etree

from exocargo.documents.model import (
    ABSTRACT,
    BODY,
    COMMON_SECTION_NAMES,
    FIGURE_LEGEND,
    TABLE,
    TITLE,
    Document,
    flat,
    heading_section,
    without_marker_remains,
)
from exocargo.errors import InputError

# Elements whose text is not prose of the paragraph around them: citation markers, floats read
# on their own, formulae.
SKIPPED_INLINE = {"xref", "fig", "table-wrap", "disp-formula", "inline-formula", "tex-math", "graphic", "media"}
BLOCKS = {"p", "title", "caption", "label", "td", "th", "list-item", "def", "term"}


def secure_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False)


def parse_xml(data: bytes, path: str) -> etree._Element:
    """The root element, or :class:`InputError` naming the line of the first XML error."""
    try:
        return etree.fromstring(data, secure_parser())
    except etree.XMLSyntaxError as error:
        line = getattr(error, "lineno", None) or "?"
        raise InputError(
            f"{path}, line {line}: not well-formed XML ({error.msg}). Save the article's XML again "
            "(a download cut short?), or give the paper as PDF, HTML or text."
        ) from error


def _local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element) -> str:
    """The element's words, without citation markers and floats (their tails kept)."""
    parts = [element.text or ""]
    for child in element:
        name = _local(child)
        if name == "xref" and child.get("ref-type") not in (None, "bibr", "fn"):
            parts.append(_text(child))  # a cross-reference to a figure ("Fig. 2") reads as text
        elif name not in SKIPPED_INLINE:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return without_marker_remains(flat("".join(parts)))


def _caption(element, section: str, document: Document) -> None:
    """A figure's or table's label, caption title and caption paragraphs, then a table's cells."""
    label = next((_text(c) for c in element if _local(c) == "label"), "")
    for caption in (c for c in element if _local(c) == "caption"):
        pieces = [_text(c) for c in caption if _local(c) in ("title", "p")]
        document.add(section, " ".join(filter(None, [label, *pieces])))
    if section == TABLE:
        for row in element.iter("{*}tr", "tr"):
            cells = [_text(cell) for cell in row if _local(cell) in ("td", "th")]
            document.add(TABLE, "; ".join(c for c in cells if c))


def _walk(element, section: str, document: Document) -> None:
    for child in element:
        name = _local(child)
        if name in ("sec", "abstract", "trans-abstract"):
            title = next((c for c in child if _local(c) == "title"), None)
            inner = section
            if title is not None and name == "sec":
                inner = heading_section(_text(title))
                # "Results" > "miR-21 targets PTEN" stays in results; a review's topical
                # subsection under a topical section takes its own heading.
                if section == ABSTRACT or (inner not in COMMON_SECTION_NAMES and section in COMMON_SECTION_NAMES):
                    inner = section
                document.add(inner, _text(title))
            _walk(child, inner, document)
        elif name == "fig":
            _caption(child, FIGURE_LEGEND, document)
        elif name == "table-wrap":
            _caption(child, TABLE, document)
        elif name in ("ref-list", "ack", "fn-group", "glossary", "notes", "app-group"):
            continue
        elif name in ("p", "list-item", "def-item", "disp-quote", "boxed-text"):
            if any(_local(c) in ("p", "list", "sec") for c in child):
                _walk(child, section, document)
            else:
                document.add(section, _text(child))
                for float_ in child.iter("{*}fig", "fig", "{*}table-wrap", "table-wrap"):
                    _caption(float_, FIGURE_LEGEND if _local(float_) == "fig" else TABLE, document)
        elif name != "title":
            _walk(child, section, document)


def read_jats(root, path: str) -> Document:
    """Title, abstracts, body sections, captions; never the reference list."""
    article = root if _local(root) == "article" else next(root.iter("{*}article", "article"), None)
    if article is None:
        raise InputError(f"{path}: XML without an <article> element; expected PMC/JATS article XML.")
    document = Document("jats")
    for title in article.iter("{*}article-title", "article-title"):
        if any(_local(a) == "title-group" for a in title.iterancestors()):
            document.add(TITLE, _text(title))
            break
    for abstract in article.iter("{*}abstract", "abstract"):
        if abstract.get("abstract-type") in ("graphical", "teaser") or _local(abstract.getparent()) == "sub-article":
            continue
        _walk(abstract, ABSTRACT, document)
    for body in (c for c in article if _local(c) == "body"):
        _walk(body, BODY, document)
    for group in (c for c in article if _local(c) == "floats-group"):
        _walk(group, BODY, document)
    return document


def read_pubmed(root, path: str) -> Document:
    """PubMed records: each article's title and abstract (labelled parts kept in order)."""
    document = Document("pubmed")
    articles = list(root.iter("PubmedArticle"))
    if not articles:
        raise InputError(f"{path}: PubMed XML without a <PubmedArticle>; is the PMID right?")
    for article in articles:
        for title in article.iter("ArticleTitle"):
            document.add(TITLE, _text(title))
        for text in article.iter("AbstractText"):
            label = text.get("Label")
            body = _text(text)
            document.add(ABSTRACT, f"{label.capitalize()}: {body}" if label and body else body)
    return document

"""Papers in the formats people keep them: PDF, HTML, PMC/JATS XML, BioC, PubMed XML, markdown, text.

:func:`read_document` recognises the format from the file's content (the name
is only a hint) and returns a :class:`~exocargo.documents.model.Document` of
named sections without the reference list.
"""

from __future__ import annotations

import re
from pathlib import Path

from exocargo.documents.model import Document, Section
from exocargo.errors import InputError

__all__ = ["Document", "Section", "document_format", "read_document"]

XML_ROOT = re.compile(rb"<([A-Za-z][\w.:-]*)")
XML_PREAMBLE = re.compile(rb"\s*(?:<\?xml[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*", re.DOTALL)
HTML_DOCTYPE = re.compile(rb"<!DOCTYPE\s+html", re.IGNORECASE)
ROOT_FORMATS = {
    b"html": "html",
    b"article": "jats",
    b"pmc-articleset": "jats",
    b"collection": "bioc",
    b"PubmedArticleSet": "pubmed",
}
# A paper of any format is far smaller (a 300-page PDF is ~30 MB); a larger file is not a paper.
MAX_DOCUMENT_BYTES = 200_000_000
# Formats whose bytes are not read as plain text.
STRUCTURED = ("pdf", "html", "jats", "bioc", "bioc-json", "pubmed")


def document_format(head: bytes, name: str = "") -> str:
    """``pdf``, ``html``, ``jats``, ``bioc``, ``bioc-json``, ``pubmed``, ``markdown`` or ``text``."""
    if head[:4] == b"\xef\xbb\xbf" or head[:3] == b"\xef\xbb\xbf":
        head = head[3:]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    stripped = head.lstrip()
    if stripped[:1] in (b"{", b"[") and b'"passages"' in head:
        return "bioc-json"
    if stripped[:1] == b"<":
        if HTML_DOCTYPE.search(head[:4096]):
            return "html"
        preamble = XML_PREAMBLE.match(stripped)
        root = XML_ROOT.match(stripped, preamble.end() if preamble else 0)
        if root:
            tag = root.group(1).split(b":")[-1]
            return ROOT_FORMATS.get(tag, ROOT_FORMATS.get(tag.lower(), "html"))
    if name.lower().endswith((".md", ".markdown")):
        return "markdown"
    return "text"


def read_document(path: str | Path, read_text=None) -> Document:
    """Read a paper from any supported format; :class:`~exocargo.errors.InputError` names the problem.

    ``read_text`` decodes plain text and markdown (the readers' checked decoder).
    """
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise InputError(
            f"{path}: {size / 1e6:,.0f} MB is more than the {MAX_DOCUMENT_BYTES / 1e6:,.0f} MB a paper can be; "
            "give the article itself (split a collection into one file per paper)."
        )
    data = path.read_bytes()
    kind = document_format(data[:8192], path.name)
    if kind == "pdf":
        from exocargo.documents.pdf import read_pdf

        return read_pdf(data, str(path))
    if kind == "html":
        from exocargo.documents.html import read_html

        return read_html(data, str(path))
    if kind == "bioc-json":
        from exocargo.documents.bioc import read_bioc_json

        return read_bioc_json(data.decode("utf-8-sig", errors="replace"), str(path))
    if kind in ("jats", "bioc", "pubmed"):
        from exocargo.documents import bioc, xml

        root = xml.parse_xml(data, str(path))
        if kind == "jats":
            return xml.read_jats(root, str(path))
        if kind == "bioc":
            return bioc.read_bioc_xml(root, str(path))
        return xml.read_pubmed(root, str(path))
    from exocargo.documents.plain import read_plain_text

    text = read_text(path) if read_text else data.decode("utf-8-sig")
    return read_plain_text(text, format=kind)

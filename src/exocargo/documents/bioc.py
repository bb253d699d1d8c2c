"""BioC documents (PubTator's and PMC's BioC API format), as XML or JSON.

Each passage carries ``section_type`` (TITLE, ABSTRACT, INTRO, METHODS, RESULTS,
DISCUSS, CONCL, FIG, TABLE, REF, ...) or at least ``type``; reference, funding
and author-contribution passages are not read.
"""

from __future__ import annotations

import json

from exocargo.documents.model import ABSTRACT, BODY, FIGURE_LEGEND, NOT_MINED, REFERENCES, TABLE, TITLE, Document, tidy
from exocargo.errors import InputError

# BioC section_type codes (PMC BioC collection, https://www.ncbi.nlm.nih.gov/research/bionlp/APIs/BioC-PMC/).
SECTION_TYPES = {
    "TITLE": TITLE,
    "ABSTRACT": ABSTRACT,
    "INTRO": "introduction",
    "METHODS": "methods",
    "RESULTS": "results",
    "DISCUSS": "discussion",
    "CONCL": "conclusions",
    "FIG": FIGURE_LEGEND,
    "TABLE": TABLE,
    "REF": REFERENCES,
    "ACK_FUND": NOT_MINED,
    "AUTH_CONT": NOT_MINED,
    "COMP_INT": NOT_MINED,
    "REVIEW_INFO": NOT_MINED,
    "ABBR": NOT_MINED,
    "KEYWORD": NOT_MINED,
}
# Passage types of PubTator exports without section_type.
PASSAGE_TYPES = {"title": TITLE, "front": TITLE, "abstract": ABSTRACT, "ref": REFERENCES, "fig_caption": FIGURE_LEGEND}


def _section(infons: dict) -> str:
    section_type = str(infons.get("section_type", "")).upper()
    if section_type in SECTION_TYPES:
        return SECTION_TYPES[section_type]
    kind = str(infons.get("type", "")).lower()
    if kind.startswith("table"):
        return TABLE
    return PASSAGE_TYPES.get(kind, section_type.lower() or BODY)


def _add_passages(passages, document: Document) -> None:
    for infons, text in passages:
        document.add(_section(infons), tidy(text or ""))


def read_bioc_xml(root, path: str) -> Document:
    documents = list(root.iter("document"))
    if not documents:
        raise InputError(f"{path}: BioC XML without a <document>; expected a BioC collection.")
    document = Document("bioc")
    for bioc_document in documents:
        passages = []
        for passage in bioc_document.iter("passage"):
            infons = {i.get("key"): (i.text or "") for i in passage.findall("infon")}
            passages.append((infons, passage.findtext("text")))
        _add_passages(passages, document)
    return document


def _json_documents(data) -> list:
    if isinstance(data, list):
        return [d for item in data for d in (item.get("documents", [item]) if isinstance(item, dict) else [])]
    if isinstance(data, dict):
        for key in ("documents", "PubTator3"):
            if isinstance(data.get(key), list):
                return data[key]
        if "passages" in data:
            return [data]
    return []


def read_bioc_json(text: str, path: str) -> Document:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{path}, line {error.lineno}: not valid JSON ({error.msg}).") from error
    documents = [d for d in _json_documents(data) if isinstance(d, dict) and isinstance(d.get("passages"), list)]
    if not documents:
        raise InputError(
            f"{path}: JSON that is not a BioC document (no 'documents' with 'passages'). Give BioC JSON "
            "(PubTator's export), or the paper as PDF, HTML, PMC XML or text."
        )
    document = Document("bioc")
    for bioc_document in documents:
        _add_passages(
            [(p.get("infons") or {}, p.get("text")) for p in bioc_document["passages"] if isinstance(p, dict)],
            document,
        )
    return document

"""Extract step: any input kind -> names table + a description of the source.

A file that cannot be read fails its own list only: the names table is
written with its header and no rows, and the source description carries
``status: failed`` and the reason (file, line, fix). Later steps then produce
header-only tables for that list, and the reports show the reason, while
every other list is analysed as usual.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from exocargo.documents import read_document
from exocargo.documents.model import FIGURE_LEGEND, TITLE, Document
from exocargo.documents.paper_ids import offline_message, paper_id
from exocargo.errors import InputError
from exocargo.inputs.readers import (
    empty_names_table,
    parse_pfocr_record,
    pfocr_names,
    read_gene_list,
    read_gmt,
    read_text,
)
from exocargo.kinds import INPUT_KINDS, input_kind
from exocargo.text.mentions import MentionFinder, mine_document
from exocargo.text.model import Sentence
from exocargo.text.offsets import document_text, mentions_table, names_table

STATUS_OK = "ok"
STATUS_FAILED = "failed"

log = logging.getLogger(__name__)


def _why_no_names(path: str | Path, kind: str) -> str:
    """Say why a readable file gave no names, in the words a user would check."""
    text = read_text(path)
    fix = "Add names (one per line for kind genes) or remove the row from the sheet."
    if not text:
        return f"{path}: the file is empty (0 bytes). {fix}"
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return f"{path}: the file holds only blank lines. {fix}"
    comments = sum(line.lstrip().startswith("#") for line in lines)
    if comments == len(lines):
        return f"{path}: the file holds only comment lines ({comments} lines starting with '#'). {fix}"
    if kind in INPUT_KINDS and input_kind(kind).names_are_mentions:
        return f"{path}: no gene or miRNA names found in the document ({len(lines)} non-blank lines). {fix}"
    return f"{path}: no names found (kind {kind}). {fix}"


def _pfocr_details(record) -> dict:
    return {
        "pfocr": {
            "figid": record.figid,
            "title": record.title,
            "caption": record.caption,
            "paper_title": record.paper_title,
            "keywords": record.keywords,
            "pfocr_genes": record.pfocr_genes,
        }
    }


def _read(path: str | Path, kind: str, list_id: str, finder: MentionFinder) -> Extraction:
    """Names, kind-specific metadata and the sentences of the input's prose; raises :class:`InputError`."""
    if kind not in INPUT_KINDS:
        raise InputError(f"{path}: unknown kind {kind!r}; use one of {', '.join(INPUT_KINDS)}.")
    if kind == "text":
        if paper_id(str(path)) is not None and not Path(path).exists():
            raise InputError(offline_message(str(path)))
        document = read_document(path, read_text)
        sentences = mine_document(document, finder)
        details = {"document": {"format": document.format, "sections": document.section_names()}}
        raw = read_text(path) if document.format in ("text", "markdown") else document_text(document)
        return Extraction(names_table(sentences, list_id), details, sentences, raw)
    if kind == "pfocr":
        record = parse_pfocr_record(path)
        prose = Document("pfocr")
        prose.add(TITLE, record.title)
        prose.add(FIGURE_LEGEND, record.caption)
        sentences = mine_document(prose, finder)
        return Extraction(pfocr_names(record, list_id), _pfocr_details(record), sentences, document_text(prose))
    names = read_gmt(path) if input_kind(kind).holds_gene_sets else read_gene_list(path, list_id)
    return Extraction(names, {}, [])


@dataclass
class Extraction:
    """What the extract step writes for one list."""

    names: pd.DataFrame
    source: dict
    # Sentences of the input's prose with their mentions (a document, or a figure's title and
    # caption): the cargo step reads its stated relations from these instead of mining again.
    sentences: list[Sentence] = field(default_factory=list)
    # The prose as read, which the mentions table's offsets index (a plain-text file's decoded content).
    raw_text: str = ""

    def sentence_records(self) -> list[dict]:
        return [sentence.record() for sentence in self.sentences]

    def mentions(self) -> pd.DataFrame:
        """The mentions table: one row per occurrence, with offsets into :attr:`raw_text`."""
        return mentions_table(self.raw_text, self.sentences)


def extract(path: str | Path, kind: str, list_id: str, *, finder: MentionFinder | None = None) -> Extraction:
    """Read one sheet row's file: its names table, source metadata and prose sentences.

    ``finder`` recognises gene, protein and family mentions in prose (``text``
    inputs, PFOCR titles and captions) through the gene tables; without it only
    lexicon words and symbol-shaped tokens are found.

    Never raises :class:`InputError`: a file that cannot be read, or that holds
    no names, gives a header-only names table, no sentences and a source with
    ``status: "failed"`` and ``reason`` (the message naming file, line and fix).
    A readable list has ``status: "ok"`` and an empty ``reason``.

    Examples
    --------
    >>> extraction = extract("config/demo/exosome_cargo.txt", "genes", "demo")  # doctest: +SKIP
    >>> extraction.source["status"], extraction.source["names"]  # doctest: +SKIP
    ('ok', 23)
    """
    source: dict = {"list_id": list_id, "path": str(path), "kind": kind, "status": STATUS_OK, "reason": ""}
    try:
        extraction = _read(path, kind, list_id, finder or MentionFinder(mapper=None))
        if extraction.names.empty:
            raise InputError(_why_no_names(path, kind))
    except InputError as error:
        log.warning("list %s failed: %s", list_id, error)
        extraction = Extraction(empty_names_table(), {})
        source.update(status=STATUS_FAILED, reason=str(error))
    source.update(extraction.source)
    source["queries"] = int(extraction.names["query"].nunique())
    source["names"] = int(len(extraction.names))
    extraction.source = source
    return extraction


def extract_names(
    path: str | Path, kind: str, list_id: str, *, finder: MentionFinder | None = None
) -> tuple[pd.DataFrame, dict]:
    """The names table and source metadata of :func:`extract`."""
    extraction = extract(path, kind, list_id, finder=finder)
    return extraction.names, extraction.source


def extract_mentions(path: str, query: str, finder: MentionFinder | None = None) -> pd.DataFrame:
    """Names table of a document (``NAMES_TABLE.columns``); ``line`` is the sentence index.

    ``finder`` carries the gene table; without one, protein-lexicon names are
    normalised and other symbol-shaped names (``PTEN``) are listed with an empty
    ``normalized`` for the mapping step; miRNAs, drugs, cancers and circRNAs are
    found either way.
    """
    return names_table(mine_document(read_document(path, read_text), finder or MentionFinder(mapper=None)), query)

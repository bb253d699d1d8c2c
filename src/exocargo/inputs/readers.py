"""Reading the gene-list sheet and the input files it points to.

Each input kind becomes the same *names table* (``NAMES_TABLE.columns``): one row per
distinct name per query, with where it was first seen. Mapping never needs to
know which kind of file a name came from.

Every problem with a user file raises :class:`InputError` whose message names
the file, the line where one applies, and what to do about it.
"""

from __future__ import annotations

import codecs
import io
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from exocargo.documents.plain import split_front_matter
from exocargo.errors import InputError
from exocargo.gmt import clean_name, parse_gmt
from exocargo.kinds import INPUT_KINDS
from exocargo.tables import NAMES_TABLE, SHEET_TABLE

KINDS = tuple(INPUT_KINDS)
# A list_id names output files: no path separators, no leading dot (hidden files, '..').
LIST_ID_PATTERN = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
LIST_ID_MAX_LENGTH = 100
# Ids whose outputs would collide with outputs that cover all lists
# (results/report/index.html, results/enrichment/comparison.{library}.tsv).
RESERVED_LIST_IDS = frozenset({"index", "comparison"})
PFOCR_FIGID_PATTERN = re.compile(r"^PMC\d+__[A-Za-z0-9_.\-]+$")
# No gene list has a line this long; such a line is pasted prose or a whole list on one line.
MAX_GENE_LIST_LINE = 10_000

# Leading bytes of file types that people save with a .txt/.tsv name by mistake.
POINT_AT_TEXT = ", and point the sheet at the text file"
FILE_SIGNATURES = (
    (b"%PDF", "a PDF file", "A paper is read as kind `text` (PDF, HTML and PMC XML too): set that kind for this row"),
    (
        b"PK\x03\x04",
        "a ZIP archive (an .xlsx/.docx workbook?)",
        "Export it as tab-separated or plain text" + POINT_AT_TEXT,
    ),
    (
        b"\xd0\xcf\x11\xe0",
        "an old Microsoft Office file (.xls/.doc)",
        "Export it as tab-separated or plain text" + POINT_AT_TEXT,
    ),
    (b"\x1f\x8b", "a gzip-compressed file", "Decompress it first (`gunzip`)" + POINT_AT_TEXT),
    (b"\x89PNG", "a PNG image", "Give the figure's PFOCR record or a list of names instead"),
    (b"\xff\xd8\xff", "a JPEG image", "Give the figure's PFOCR record or a list of names instead"),
    (b"GIF8", "a GIF image", "Give the figure's PFOCR record or a list of names instead"),
    (b"{\\rtf", "an RTF document", "Save it as plain text (.txt)" + POINT_AT_TEXT),
)
HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


# --------------------------------------------------------------------------- text


def _refuse_non_text(data: bytes, path: Path) -> None:
    """Raise for binary, HTML and other non-text content, saying what the file is."""
    for magic, what, fix in FILE_SIGNATURES:
        if data.startswith(magic):
            raise InputError(f"{path}: this is {what}, not text. {fix}.")
    if HTML_START.match(data[:4096]):
        raise InputError(
            f"{path}: this is an HTML page, not a list of names. A saved article page is read as a paper: "
            "set its kind to `text` in the sheet."
        )
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(
            f"{path}, line {line}: binary content (NUL byte at offset {nul}). Expected plain text: one "
            "gene name per line, a GMT, a PFOCR record or a document. A UTF-16 file needs its byte-order "
            "mark; otherwise save it as UTF-8."
        )


def decode_text(data: bytes, path: str | Path, *, complete: bool = True) -> str:
    """Decode the bytes of a user file to text with ``\\n`` line ends.

    UTF-8 (with or without BOM) and UTF-16 with BOM are accepted; binary
    files, HTML pages and text in other encodings raise :class:`InputError`.
    With ``complete=False`` ``data`` is the head of a longer file: a character
    cut at its end is dropped instead of being an error.
    """
    path = Path(path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = codecs.getincrementaldecoder("utf-16")().decode(data, final=complete)
        except UnicodeDecodeError as error:
            raise InputError(
                f"{path}: starts with a UTF-16 byte-order mark but is not valid UTF-16 ({error.reason})."
            ) from error
        _refuse_non_text(text.encode("utf-8"), path)
    else:
        _refuse_non_text(data, path)
        try:
            text = codecs.getincrementaldecoder("utf-8-sig")().decode(data, final=complete)
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            hint = ""
            try:
                data.decode("cp1252")
                hint = " It looks like Windows-1252/Latin-1 text (Excel's 'Text' export)."
            except UnicodeDecodeError:
                pass
            raise InputError(
                f"{path}, line {line}: not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})."
                f"{hint} Save the file as UTF-8 and rerun."
            ) from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: str | Path) -> str:
    """Read and decode a user file (see :func:`decode_text`).

    Binary files (images, PDFs, archives) and HTML pages are refused with a
    message that says what the file looks like, instead of being parsed as
    garbage names.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: file not found. Fix the 'path' column of the sheet.")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give one file per sheet row.")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror}). Check its permissions.") from error
    return decode_text(data, path)


# --------------------------------------------------------------------------- kinds


def detect_kind(path: str | Path, text: str | None = None) -> str:
    """Guess the input kind from the extension and the first lines.

    ``.gmt`` or tab-separated lines with three or more fields: ``gmt``; YAML
    front matter with ``figid``/``genes``: ``pfocr``; prose (long lines with
    sentences): ``text``; otherwise a list of names: ``genes``.
    """
    path = Path(path)
    if path.suffix.lower() == ".gmt":
        return "gmt"
    text = read_text(path) if text is None else text
    front, _ = split_front_matter(text)
    if front is not None and re.search(r"^(figid|genes):", front, re.MULTILINE):
        return "pfocr"
    lines = [ln for ln in text.split("\n") if ln.strip() and not ln.startswith("#")]
    if not lines:
        return "genes"
    if sum(ln.count("\t") >= 2 for ln in lines) > len(lines) / 2:
        return "gmt"
    sentences = sum(len(ln.split()) >= 8 for ln in lines)
    if sentences >= max(1, len(lines) // 5):
        return "text"
    return "genes"


# --------------------------------------------------------------------------- sheet


def read_sheet(sheet_path: str | Path) -> pd.DataFrame:
    """Read the gene-list sheet with every column as text.

    The sheet is decoded like any user file (UTF-8/UTF-16, CRLF), so a sheet
    saved by Excel reads the same as one written by hand.
    """
    text = read_text(sheet_path)
    if not text.strip():
        raise InputError(
            f"{sheet_path}: the sheet is empty. It needs a header line: {chr(9).join(SHEET_TABLE.columns)}."
        )
    header = text.split("\n", 1)[0]
    if "\t" not in header and header.count(",") >= 2:
        raise InputError(
            f"{sheet_path}, line 1: the sheet is comma-separated; exocargo reads a tab-separated sheet. Save it "
            f"as tab-separated text (TSV), with a header line: {chr(9).join(SHEET_TABLE.columns)}."
        )
    fields = header.count("\t") + 1
    too_many = [
        f"{sheet_path}, line {number}: {line.count(chr(9)) + 1} tab-separated fields, but the header has {fields}. "
        "A tab inside a description? Remove the extra tab (or add the column to the header)."
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip() and line.count("\t") + 1 > fields
    ]
    if too_many:
        raise InputError("\n".join(too_many))
    try:
        sheet = pd.read_csv(io.StringIO(text), sep="\t", dtype=str, keep_default_na=False, comment=None)
    except pd.errors.ParserError as error:
        raise InputError(f"{sheet_path}: not a tab-separated table ({error}). Separate columns by tabs.") from error
    sheet.columns = [c.strip() for c in sheet.columns]
    for column in ("kind", "description"):
        if column not in sheet.columns:
            sheet[column] = ""
    return sheet


def list_id_problem(list_id: str) -> str | None:
    """Why ``list_id`` cannot name output files, or None when it can."""
    if not LIST_ID_PATTERN.fullmatch(list_id):  # fullmatch: "$" alone lets a trailing newline through
        return (
            f"list_id {list_id!r} may contain only letters, digits and '_', '.', '-', and must not start "
            "with '.' or '-' (no spaces, no slashes). Rename it."
        )
    if len(list_id) > LIST_ID_MAX_LENGTH:
        return f"list_id {list_id[:20]!r}... is {len(list_id)} characters long; use at most {LIST_ID_MAX_LENGTH}."
    if list_id.lower() in RESERVED_LIST_IDS:
        return f"list_id {list_id!r} is reserved (it names a file that covers all lists). Rename it."
    return None


def check_sheet(sheet: pd.DataFrame, sheet_path: str | Path) -> list[str]:
    """Problems that must stop the run before any job starts.

    Row numbers count the header as line 1, as a text editor shows them.
    """
    problems = []
    for column in ("list_id", "path"):
        if column not in sheet.columns:
            problems.append(f"{sheet_path}: missing column '{column}' (columns: {', '.join(SHEET_TABLE.columns)}).")
    if problems:
        return problems
    if sheet.empty:
        return [f"{sheet_path}: the sheet has a header but no rows. Add one row per input file."]
    seen: dict[str, int] = {}
    for index, row in enumerate(sheet.to_dict("records")):
        line = index + 2
        where = f"{sheet_path}, line {line}"
        row_problems = sheet_row_problems(row)
        list_id = row["list_id"]
        if "list_id" not in row_problems:
            if list_id.lower() in seen:
                # Compared without case: on macOS and Windows 'A' and 'a' would overwrite each other's files.
                row_problems = {
                    "list_id": f"list_id {list_id!r} is already used on line {seen[list_id.lower()]}. "
                    "Give each list its own id (ids differing only in case count as the same).",
                    **row_problems,
                }
            else:
                seen[list_id.lower()] = line
        problems += [f"{where}: {problem}" for problem in row_problems.values()]
    return problems


def sheet_row_problems(row: dict[str, str]) -> dict[str, str]:
    """``{column: problem}`` of one sheet row on its own (duplicate ids need the whole sheet: :func:`check_sheet`)."""
    problems = {}
    if problem := list_id_problem(row["list_id"]):
        problems["list_id"] = problem
    if row["kind"] and row["kind"] not in KINDS:
        problems["kind"] = f"kind {row['kind']!r} is not one of {', '.join(KINDS)} (or empty to detect)."
    if not row["path"].strip():
        problems["path"] = "empty path. Give a file path (or a PFOCR figure id for kind pfocr)."
    return problems


# --------------------------------------------------------------------------- readers


class _NamesBuilder:
    """Collects distinct names per query, in input order, into a names table."""

    def __init__(self) -> None:
        self.queries: list[str] = []
        self.names: list[str] = []
        self.counts: list[int] = []
        self.lines: list[int] = []

    def add(self, query: str, entries: list[tuple[str, int]]) -> None:
        """Add (name, line) pairs of one query: one row per distinct name, first line, count."""
        counts = Counter(name for name, _ in entries)
        first: dict[str, int] = {}
        for name, line in entries:
            first.setdefault(name, line)
        self.queries.extend([query] * len(first))
        self.names.extend(first)
        self.counts.extend(counts[name] for name in first)
        self.lines.extend(first.values())

    def table(self) -> pd.DataFrame:
        blank = [""] * len(self.names)
        columns = {
            "query": self.queries,
            "name": self.names,
            "type": blank,
            "normalized": blank,
            "count": self.counts,
            "line": self.lines,
            "first_sentence": blank,
            "section": blank,
        }
        return pd.DataFrame(columns, columns=NAMES_TABLE.columns).astype({"count": int, "line": int})


def names_table_of(names: Iterable[str], query: str) -> pd.DataFrame:
    """The names table of names given in memory (the Python API), cleaned as a gene list file's are."""
    cleaned = [(name, line) for line, raw in enumerate(names, start=1) if (name := clean_name(str(raw)))]
    builder = _NamesBuilder()
    builder.add(query, cleaned)
    return builder.table()


def empty_names_table() -> pd.DataFrame:
    """A names table with the columns and no rows."""
    return _NamesBuilder().table()


GENE_LIST_NAME_SEPARATOR = re.compile(r"[,;]")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def gene_list_line_names(line: str) -> list[str]:
    """The names on one gene-list line.

    Tabs separate columns: the first non-empty column holds the names (a leading
    tab is not a blank name), later columns are notes and values. Within that
    column, commas and semicolons separate names (``CD9, CD63, CD81`` is three).
    A part after the first that is a number (``TP53,1.0``: a weight or score)
    or several words (``TP53, tumour suppressor``: a note) is not a name; whole
    numbers after a whole number (``7157,672``) are Entrez IDs and kept.

    >>> gene_list_line_names("CD9, CD63;CD81")
    ['CD9', 'CD63', 'CD81']
    >>> gene_list_line_names("\tTP53,1.0\tup in tumours")
    ['TP53']
    >>> gene_list_line_names("7157,672")
    ['7157', '672']
    """
    column = next((field for field in line.split("\t") if clean_name(field)), "")
    parts = [name for part in GENE_LIST_NAME_SEPARATOR.split(column) if (name := clean_name(part))]
    if not parts:
        return []
    first_is_id = parts[0].isdigit()
    names = [parts[0]]
    for part in parts[1:]:
        if len(part.split()) > 1:
            continue
        if _NUMBER.fullmatch(part) and not (first_is_id and part.isdigit()):
            continue
        names.append(part)
    return names


def read_gene_list(path: str | Path, query: str) -> pd.DataFrame:
    """A list of names: one or more per line (:func:`gene_list_line_names`).

    Lines starting with ``#`` are comments. Names are kept exactly as written
    (``1-Mar``, ``SEPT9`` included): repairing spreadsheet damage is the
    mapper's job, which can say what it changed.
    """
    text = read_text(path)
    entries = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if len(line) > MAX_GENE_LIST_LINE:
            raise InputError(
                f"{path}, line {number}: the line is {len(line):,} characters long; a gene list has one "
                "name per line. Put each name on its own line (or give the file kind 'text' if it is prose)."
            )
        entries.extend((name, number) for name in gene_list_line_names(line))
    names = _NamesBuilder()
    names.add(query, entries)
    return names.table()


def read_gmt(path: str | Path) -> pd.DataFrame:
    """A GMT collection (:func:`exocargo.gmt.parse_gmt`): each set becomes its own query (a one-gene set too)."""
    names = _NamesBuilder()
    for gene_set in parse_gmt(read_text(path), path):
        names.add(gene_set.name, [(gene, gene_set.line) for gene in gene_set.genes])
    return names.table()


@dataclass
class PfocrRecord:
    figid: str
    title: str
    caption: str
    paper_title: str
    keywords: list[str]
    words: list[str]
    pfocr_genes: list[dict]


# Bounds on a record's YAML (records can be downloaded, so they are untrusted): a real PFOCR
# front matter is a few KB with a few hundred values and no aliases.
MAX_FRONT_MATTER_CHARS = 2_000_000
MAX_YAML_VALUES = 200_000


class YamlTooLarge(ValueError):
    """The YAML would expand past :data:`MAX_YAML_VALUES` values (aliases) or nests too deeply."""


def _expanded_values(node, sizes: dict[int, int]) -> int:
    """How many scalar values a YAML node becomes once its aliases are expanded (memoised per node)."""
    if id(node) in sizes:
        return sizes[id(node)]
    if isinstance(node, yaml.ScalarNode):
        size = 1
    elif isinstance(node, yaml.MappingNode):
        size = sum(_expanded_values(k, sizes) + _expanded_values(v, sizes) for k, v in node.value)
    else:
        size = sum(_expanded_values(child, sizes) for child in node.value)
    sizes[id(node)] = size
    if size > MAX_YAML_VALUES:
        raise YamlTooLarge(f"it expands to more than {MAX_YAML_VALUES:,} values through YAML aliases")
    return size


def load_bounded_yaml(text: str):
    """``yaml.safe_load`` that refuses alias bombs and deep nesting before building anything.

    Composing the node graph is linear in the text (an alias is a shared node); the expansion is
    measured on that graph, so a 300-byte "billion laughs" is refused without being expanded.
    """
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _expanded_values(node, {})
        return loader.construct_document(node)
    except RecursionError as error:
        raise YamlTooLarge("it nests collections too deeply") from error
    finally:
        loader.dispose()


def _excerpt(value, limit: int = 120) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_pfocr_record(path: str | Path) -> PfocrRecord:
    """Read a PFOCR figure record (markdown with YAML front matter).

    The YAML is read with the safe loader (tags that build Python objects are
    refused, never executed), within bounds on size, alias expansion and depth;
    messages quote at most a short excerpt of the record.
    """
    text = read_text(path)
    front, _ = split_front_matter(text)
    if front is None:
        raise InputError(
            f"{path}, line 1: a PFOCR record must start with a '---' line, then YAML front matter, then a '---' line."
        )
    if len(front) > MAX_FRONT_MATTER_CHARS:
        raise InputError(
            f"{path}: the front matter is {len(front):,} characters, over the {MAX_FRONT_MATTER_CHARS:,} a figure "
            "record can hold. Is this a PFOCR record?"
        )
    try:
        meta = load_bounded_yaml(front)
    except YamlTooLarge as error:
        raise InputError(
            f"{path}: the YAML front matter is refused: {error}. A PFOCR record needs no YAML aliases or deep nesting."
        ) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        # The front matter starts on line 2 of the file; marks count from 0.
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or error.__class__.__name__
        raise InputError(f"{path}, line {line}: broken YAML front matter ({problem}). Fix the record.") from error
    if not isinstance(meta, dict):
        raise InputError(f"{path}, line 2: the front matter is not a YAML mapping of keys (figid:, genes:, ...).")
    genes = meta.get("genes")
    if not isinstance(genes, list) or not genes:
        raise InputError(f"{path}: the PFOCR record has no 'genes:' list; nothing to map.")
    for number, gene in enumerate(genes, start=1):
        if isinstance(gene, dict) and isinstance(gene.get("word"), (list, dict)):
            raise InputError(
                f"{path}: entry {number} of 'genes:' gives 'word:' as a list ({_excerpt(gene['word'])}). Give one "
                "word per entry (a '- word: ...' line each), so that each is mapped and reported."
            )
        if not isinstance(gene, dict) or not str(gene.get("word") or "").strip():
            raise InputError(
                f"{path}: entry {number} of 'genes:' has no 'word:' ({_excerpt(gene)}). Each entry needs the word "
                "as printed in the figure."
            )
    jsonld = meta.get("schema-jsonld") or {}
    keywords = jsonld.get("keywords", []) if isinstance(jsonld, dict) else []
    return PfocrRecord(
        figid=str(meta.get("figid", Path(path).stem)),
        title=str(meta.get("figtitle", "")),
        caption=str(meta.get("caption", "")),
        paper_title=str(meta.get("papertitle", "")),
        keywords=[str(k) for k in keywords or []],
        words=[str(g["word"]) for g in genes],
        pfocr_genes=[
            {key: str(g.get(key, "")) for key in ("word", "symbol", "source", "hgnc_symbol", "entrez")} for g in genes
        ],
    )


def pfocr_names(record: PfocrRecord, query: str) -> pd.DataFrame:
    """The names table of a parsed PFOCR record: each distinct ``word``.

    Every word keeps a row, even one that is only punctuation: the mapping table then says why
    it maps to nothing, and no word of the figure disappears unexplained.
    """
    names = _NamesBuilder()
    names.add(query, [(clean_name(word) or word.strip() or repr(word), 0) for word in record.words])
    return names.table()


def read_pfocr(path: str | Path, query: str) -> pd.DataFrame:
    """The ``word`` of each ``genes:`` entry; PFOCR's own mappings are not read here."""
    return pfocr_names(parse_pfocr_record(path), query)

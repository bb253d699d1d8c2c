"""Reading the gene-list sheet and the input files it points to.

Each input kind becomes the same *names table* (``NAMES_COLUMNS``): one row per
distinct name per query, with where it was first seen. Mapping never needs to
know which kind of file a name came from.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

KINDS = ("genes", "pfocr", "text", "gmt")
NAMES_COLUMNS = ["query", "name", "type", "normalized", "count", "line", "first_sentence"]
LIST_ID_PATTERN = re.compile(r"^[A-Za-z0-9_.-]+$")
PFOCR_FIGID_PATTERN = re.compile(r"^PMC\d+__[A-Za-z0-9_.\-]+$")


class InputError(ValueError):
    """A user input that cannot be read; the message names the file and the fix."""


# --------------------------------------------------------------------------- text


def read_text(path: str | Path) -> str:
    """Decode a user file: UTF-8 (with or without BOM), UTF-16 with BOM.

    Binary files (images, PDFs, archives) are refused with a message that says
    what the file looks like, instead of being parsed as garbage names.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: file not found. Fix the 'path' column of the sheet.")
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if data.startswith(b"%PDF"):
        raise InputError(
            f"{path}: this is a PDF file, not text. Convert it to text first "
            "(e.g. `pdftotext file.pdf file.txt`) and point the sheet at the .txt."
        )
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{path}: binary file (contains NUL bytes). Expected plain text: "
            "one gene name per line, a GMT, a PFOCR record or a document."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"{path}, line {line}: not valid UTF-8 (byte 0x{data[error.start]:02x}). Save the file as UTF-8 and rerun."
        ) from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- kinds


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Return (YAML front matter, body) of a markdown file, or (None, text)."""
    if not text.startswith("---\n"):
        return None, text
    end = text.find("\n---", 4)
    if end == -1:
        return None, text
    return text[4:end], text[end + 4 :]


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


@dataclass
class SheetRow:
    list_id: str
    path: str
    kind: str
    description: str = ""
    problems: list[str] = field(default_factory=list)


def read_sheet(sheet_path: str | Path) -> pd.DataFrame:
    """Read the gene-list sheet with every column as text."""
    sheet = pd.read_csv(sheet_path, sep="\t", dtype=str, keep_default_na=False, comment=None)
    sheet.columns = [c.strip() for c in sheet.columns]
    for column in ("kind", "description"):
        if column not in sheet.columns:
            sheet[column] = ""
    return sheet


def check_sheet(sheet: pd.DataFrame, sheet_path: str | Path) -> list[str]:
    """Problems that must stop the run before any job starts.

    Row numbers count the header as line 1, as a text editor shows them.
    """
    problems = []
    for column in ("list_id", "path"):
        if column not in sheet.columns:
            problems.append(f"{sheet_path}: missing column '{column}' (columns: list_id, path, kind, description).")
    if problems:
        return problems
    seen: dict[str, int] = {}
    for index, row in sheet.iterrows():
        line = int(index) + 2
        where = f"{sheet_path}, line {line}"
        list_id = row["list_id"]
        if not LIST_ID_PATTERN.match(list_id):
            problems.append(
                f"{where}: list_id {list_id!r} may contain only letters, digits and '_', '.', '-' "
                "(no spaces, no slashes). Rename it."
            )
        elif list_id in seen:
            problems.append(
                f"{where}: list_id {list_id!r} is already used on line {seen[list_id]}. Give each list its own id."
            )
        else:
            seen[list_id] = line
        if row["kind"] and row["kind"] not in KINDS:
            problems.append(f"{where}: kind {row['kind']!r} is not one of {', '.join(KINDS)} (or empty to detect).")
        if not row["path"].strip():
            problems.append(f"{where}: empty path. Give a file path (or a PFOCR figure id for kind pfocr).")
    return problems


# --------------------------------------------------------------------------- readers


def _clean_name(raw: str) -> str:
    """Strip whitespace, quotes and trailing punctuation that spreadsheets add."""
    name = raw.strip().strip("\"'`\u201c\u201d\u2018\u2019").strip()
    return name.rstrip(",;")


def _names_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=NAMES_COLUMNS)
    return frame.astype({"count": int, "line": int})


def _collect(query: str, entries: list[tuple[str, int]], *, context: dict[str, str] | None = None) -> list[dict]:
    """Turn (name, line) pairs into one row per distinct name, in input order."""
    counts = Counter(name for name, _ in entries)
    rows, done = [], set()
    for name, line in entries:
        if name in done:
            continue
        done.add(name)
        rows.append(
            {
                "query": query,
                "name": name,
                "type": "",
                "normalized": "",
                "count": counts[name],
                "line": line,
                "first_sentence": (context or {}).get(name, ""),
            }
        )
    return rows


def read_gene_list(path: str | Path, query: str) -> pd.DataFrame:
    """A list of names: one per line, an optional second column (ignored).

    Lines starting with ``#`` are comments. Names may be separated by tabs or
    commas on a line; the first field is the name.
    """
    text = read_text(path)
    entries = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        first = re.split(r"[\t,]", line, maxsplit=1)[0]
        name = _clean_name(first)
        if name:
            entries.append((name, number))
    return _names_frame(_collect(query, entries))


def read_gmt(path: str | Path) -> pd.DataFrame:
    """A GMT collection: each line is ``name<TAB>description<TAB>gene...``.

    Each set becomes its own query. Blank lines are skipped; a line with no
    genes is an error naming the line, since silently dropping it would lose a
    list.
    """
    text = read_text(path)
    rows: list[dict] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) < 3 or not any(f.strip() for f in fields[2:]):
            raise InputError(
                f"{path}, line {number}: a GMT line needs a set name, a description and at "
                "least one gene, separated by tabs."
            )
        query = fields[0].strip()
        if query in seen:
            raise InputError(
                f"{path}, line {number}: set name {query!r} repeats line {seen[query]}; set names must be unique."
            )
        seen[query] = number
        genes = [(_clean_name(f), number) for f in fields[2:] if _clean_name(f)]
        rows.extend(_collect(query, genes))
    return _names_frame(rows)


@dataclass
class PfocrRecord:
    figid: str
    title: str
    caption: str
    paper_title: str
    keywords: list[str]
    words: list[str]
    pfocr_genes: list[dict]


def parse_pfocr_record(path: str | Path) -> PfocrRecord:
    """Read a PFOCR figure record (markdown with YAML front matter)."""
    text = read_text(path)
    front, _ = split_front_matter(text)
    if front is None:
        raise InputError(f"{path}, line 1: a PFOCR record must start with '---' YAML front matter.")
    try:
        meta = yaml.safe_load(front) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise InputError(
            f"{path}, line {line}: broken YAML front matter ({error.__class__.__name__}). Fix the record."
        ) from error
    genes = meta.get("genes")
    if not isinstance(genes, list) or not genes:
        raise InputError(f"{path}: the PFOCR record has no 'genes:' list; nothing to map.")
    jsonld = meta.get("schema-jsonld") or {}
    return PfocrRecord(
        figid=str(meta.get("figid", Path(path).stem)),
        title=str(meta.get("figtitle", "")),
        caption=str(meta.get("caption", "")),
        paper_title=str(meta.get("papertitle", "")),
        keywords=[str(k) for k in jsonld.get("keywords", []) or []],
        words=[str(g.get("word", "")) for g in genes if isinstance(g, dict)],
        pfocr_genes=[
            {key: str(g.get(key, "")) for key in ("word", "symbol", "source", "hgnc_symbol", "entrez")}
            for g in genes
            if isinstance(g, dict)
        ],
    )


def read_pfocr(path: str | Path, query: str) -> pd.DataFrame:
    """The ``word`` of each ``genes:`` entry; PFOCR's own mappings are not read here."""
    record = parse_pfocr_record(path)
    entries = [(_clean_name(word), 0) for word in record.words if _clean_name(word)]
    return _names_frame(_collect(query, entries))

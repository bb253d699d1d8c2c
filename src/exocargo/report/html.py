"""HTML building blocks of the reports, rendered from the Jinja2 templates in report/templates/
with autoescaping on: every value that comes from a user (list ids, descriptions, file names, gene
names, sentences, GMT term names) is escaped by the template engine; links are relative so the
whole results/ folder can be zipped and moved. Every page carries its CSS and its script
(report/static/) and its plots as data: images, so it opens offline and requests nothing.
"""

from __future__ import annotations

import base64
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import numpy as np
import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from exocargo.files import as_text
from exocargo.report.assets import SCRIPT, STYLE, content_security_policy

TOOLS = ("snakemake", "pandas", "numpy", "scipy", "gseapy", "matplotlib", "openpyxl")
# Rows shown per HTML table; the TSV and XLSX always hold every row.
MAX_HTML_ROWS = {
    "mapping": 2000,
    "enrichment": 1000,
    "cargo": 1000,
    "mentions": 1000,
    "comparison": 1000,
    "queries": 10000,  # one short row per set of a GMT input
}
XLSX_MAX_ROWS = 1_048_575  # Excel's row limit, less the header
ENRICHMENT_HTML_COLUMNS = [
    "query",
    "term",
    "term_group",
    "overlap",
    "p_value",
    "adjusted_p_value",
    "odds_ratio",
    "combined_score",
    "genes",
]
JOINT_FDR_COLUMN = "joint_adjusted_p_value"
EMPIRICAL_FDR_COLUMN = "empirical_adjusted_p_value"
COMPARISON_HTML_COLUMNS = ["list_id", *ENRICHMENT_HTML_COLUMNS[:6], JOINT_FDR_COLUMN, "genes"]
LONG_WORD_PATTERN = re.compile(r"(\S{25,})")  # words this long get line-break hints
LONG_CELL = 200  # characters; a longer cell scrolls inside a box of a few lines
SHORT_NUMBER = 7  # characters; longer numbers are shown rounded (the TSV keeps them)
MAX_FACT_ITEMS = 20  # list items shown per fact of a JSON sidecar
MAX_FACTS = 60  # facts shown per sidecar
AGREEMENT_SUMMARY_COLUMNS = ["scope", "precision", "recall", "f1", "only_ours", "only_pfocr", "cause"]
MENTION_COLUMNS = ["name", "type", "count", "line", "section", "first_sentence"]
UNRESOLVED_MATCH_TYPES = ("ambiguous", "unmapped")
NUMBER_PATTERN = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?(?:inf|infinity|nan)$", re.IGNORECASE)
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def esc(value: object) -> str:
    """HTML-escape any value, quotes included (safe in text and in attributes); what the templates do."""
    return str(escape(str(value)))


def href(target: str | Path, page: str | Path) -> str:
    """A relative, URL-quoted and escaped link from ``page`` to ``target``."""
    relative = os.path.relpath(Path(target).resolve(), Path(page).resolve().parent)
    return str(escape(quote(Path(relative).as_posix())))


def breakable(value: object) -> Markup:
    """Escaped text whose long words (gene lists, paths) may wrap after ``;``, ``/`` and ``_``."""
    parts = LONG_WORD_PATTERN.split(str(value))
    return Markup("").join(
        Markup("<wbr>").join(escape(piece) for piece in re.split(r"(?<=[;/_])", part)) if index % 2 else escape(part)
        for index, part in enumerate(parts)
    )


TEMPLATES = Environment(
    loader=PackageLoader("exocargo.report", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    keep_trailing_newline=False,
)
TEMPLATES.filters["breakable"] = breakable


def render(template: str, **values: object) -> str:
    """A template of ``report/templates/`` rendered with autoescaping.

    Plain ``str``, not ``Markup``: the callers join it with other HTML fragments, and ``Markup + str``
    would escape those a second time. Fragments go back into a template wrapped in ``Markup``.
    """
    return TEMPLATES.get_template(template).render(**values)


def slug(text: str) -> str:
    """An element id from a name (ids and library names are already safe)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "section"


# --------------------------------------------------------------------------- tables


def is_numeric(column: pd.Series) -> bool:
    """True when every non-empty value of a text column is a number."""
    values = [v.strip() for v in column.astype(str).tolist()]
    values = [v for v in values if v]
    if not values:
        return False
    try:  # the common answers in one C pass: a column of numbers, or a first value that is not one
        np.asarray(values, dtype=float)
    except ValueError:
        return False
    # float() also takes "1_000" and " 1 "; the pattern is the rule.
    return all(NUMBER_PATTERN.match(v) is not None for v in values) if "_" in "".join(values) else True


def sort_value(text: str) -> str:
    """The ``data-value`` of a numeric cell, in a form JavaScript's parseFloat reads."""
    text = text.strip()
    if not text:
        return ""
    number = float(text)
    if number != number:
        return ""
    if number in (float("inf"), float("-inf")):
        return "Infinity" if number > 0 else "-Infinity"
    return repr(number)


def display_number(text: str) -> str:
    """Long fractions to three significant digits; integers and short numbers (``0.500``) as written."""
    text = text.strip()
    if len(text) <= SHORT_NUMBER or re.fullmatch(r"[+-]?\d+", text):
        return text
    number = float(text)
    if number != number or number in (float("inf"), float("-inf")):
        return str(number)
    return f"{number:.3g}"


@dataclass
class Download:
    """A file offered beside a table (relative link text and target)."""

    label: str
    path: Path


def downloads_html(downloads: list[Download], page: Path) -> str:
    return render(
        "downloads.html", downloads=[{"label": d.label, "href": Markup(href(d.path, page))} for d in downloads]
    )


def table_html(
    frame: pd.DataFrame,
    *,
    table_id: str,
    page: Path,
    max_rows: int,
    significant: pd.Series | None = None,
    downloads: list[Download] | None = None,
    links: dict[str, list[Path | None]] | None = None,
    what: str = "rows",
    total: int | None = None,
) -> str:
    """A sortable, filterable table of at most ``max_rows`` rows (of ``total``, when ``frame`` is its head).

    ``significant`` marks rows shown by default; the others appear when the
    reader ticks "show all". Rows beyond ``max_rows`` are left out of the
    page with a note that says how many and where the full table is.
    ``links`` turns the cells of a column into links to the given files.
    """
    links = links or {}
    downloads = downloads or []
    # Only the rows shown are turned into text: a table can hold a million rows.
    shown = as_text(frame.head(max_rows).reset_index(drop=True))  # numbers as the TSV writes them
    numeric = {column for column in shown.columns if is_numeric(shown[column])}
    flags = None if significant is None else significant.reset_index(drop=True).head(max_rows)
    rows = []
    for index, row in enumerate(shown.itertuples(index=False)):
        cells = []
        for column, value in zip(shown.columns, row):
            target = links[column][index] if column in links else None
            if target is not None:
                cells.append({"kind": "link", "text": value, "link": Markup(href(target, page))})
            elif column in numeric:
                cells.append({"kind": "num", "text": display_number(value), "sort": sort_value(value)})
            else:
                cells.append({"kind": "long" if len(value) > LONG_CELL else "text", "text": value})
        rows.append({"cells": cells, "significant": 0 if flags is None else int(bool(flags.iloc[index]))})
    return render(
        "table.html",
        table_id=table_id,
        columns=list(frame.columns),
        rows=rows,
        flagged=flags is not None,
        total=len(frame) if total is None else total,
        max_rows=max_rows,
        what=what,
        downloads=Markup(downloads_html(downloads, page)),
    )


def facts_html(facts: dict[str, object]) -> str:
    return render("facts.html", facts=list(facts.items()))


def image_html(path: Path | None, *, alt: str, caption: str) -> str:
    """A plot embedded as a ``data:`` image; SVG inside ``<img>`` never runs scripts."""
    if path is None:
        return ""
    mime = {".svg": "image/svg+xml", ".png": "image/png"}[Path(path).suffix.lower()]
    data = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    return render("image.html", mime=mime, data=data, alt=alt, caption=caption)


def page_html(*, title: str, subtitle: str, sections: list[tuple[str, str, str]], index_href: str | None = None) -> str:
    """A whole page; ``sections`` are (id, heading, inner HTML: trusted, rendered by the templates);
    ``index_href`` links back to the index."""
    page = render(
        "page.html",
        csp=Markup(content_security_policy()),
        style=Markup(STYLE),
        script=Markup(SCRIPT),
        title=title,
        subtitle=subtitle,
        index_href=None if index_href is None else Markup(index_href),
        sections=[{"id": i, "heading": h, "inner": Markup(inner)} for i, h, inner in sections],
    )
    return page + "\n"

"""Self-contained HTML reports: one page per list and an index of all lists.

Every page carries its CSS, its script (:mod:`exocargo.report_assets`) and its
plots (base64 ``data:`` images), so it opens offline and requests nothing.
Every value that comes from a user (list ids, descriptions, file names, gene
names, sentences, GMT term names) goes through :func:`esc`; links are relative
so the whole ``results/`` folder can be zipped and moved.

Tables beside the HTML: the TSVs of each step are linked, and
:func:`write_workbook` writes the same tables as one XLSX per list.
"""

from __future__ import annotations

import base64
import html
import importlib.metadata
import json
import os
import platform
import re
import shlex
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pandas as pd
import yaml
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .extract import STATUS_FAILED
from .files import atomic_output, read_tsv, write_text
from .report_assets import SCRIPT, STYLE, content_security_policy

TOOLS = ("snakemake", "pandas", "numpy", "scipy", "gseapy", "matplotlib", "openpyxl")
# Named inputs of a list page that are single files (pfocr_agreement only for PFOCR lists).
LIST_FILE_KEYS = (
    *("source", "names", "mapping", "summary", "entrez", "pfocr_agreement"),
    *("cargo", "mirna_enrichment", "network_plot"),
)
# Rows shown per HTML table; the TSV and XLSX always hold every row.
MAX_HTML_ROWS = {"mapping": 2000, "enrichment": 1000, "cargo": 1000, "mentions": 1000, "comparison": 1000}
XLSX_MAX_ROWS = 1_048_575  # Excel's row limit, less the header
ENRICHMENT_HTML_COLUMNS = [
    "query",
    "term",
    "overlap",
    "p_value",
    "adjusted_p_value",
    "odds_ratio",
    "combined_score",
    "genes",
]
JOINT_FDR_COLUMN = "joint_adjusted_p_value"
EMPIRICAL_FDR_COLUMN = "empirical_adjusted_p_value"
COMPARISON_HTML_COLUMNS = ["list_id", *ENRICHMENT_HTML_COLUMNS[:5], JOINT_FDR_COLUMN, "genes"]
LONG_WORD_PATTERN = re.compile(r"(\S{25,})")  # words this long get line-break hints
LONG_CELL = 200  # characters; a longer cell scrolls inside a box of a few lines
SHORT_NUMBER = 7  # characters; longer numbers are shown rounded (the TSV keeps them)
MAX_FACT_ITEMS = 20  # list items shown per fact of a JSON sidecar
MAX_FACTS = 60  # facts shown per sidecar
AGREEMENT_SUMMARY_COLUMNS = ["scope", "precision", "recall", "f1", "only_ours", "only_pfocr", "cause"]
MENTION_COLUMNS = ["name", "type", "count", "line", "first_sentence"]
UNRESOLVED_MATCH_TYPES = ("ambiguous", "unmapped")
NUMBER_PATTERN = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?(?:inf|infinity|nan)$", re.IGNORECASE)
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def esc(value: object) -> str:
    """HTML-escape any value, quotes included (safe in text and in attributes)."""
    return html.escape(str(value), quote=True)


def href(target: str | Path, page: str | Path) -> str:
    """A relative, URL-quoted and escaped link from ``page`` to ``target``."""
    relative = os.path.relpath(Path(target).resolve(), Path(page).resolve().parent)
    return esc(quote(Path(relative).as_posix()))


def breakable(value: object) -> str:
    """Escaped text whose long words (gene lists, paths) may wrap after ``;``, ``/`` and ``_``."""
    parts = LONG_WORD_PATTERN.split(str(value))
    return "".join(
        "<wbr>".join(esc(piece) for piece in re.split(r"(?<=[;/_])", part)) if index % 2 else esc(part)
        for index, part in enumerate(parts)
    )


def slug(text: str) -> str:
    """An element id from a name (ids and library names are already safe)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "section"


# --------------------------------------------------------------------------- tables


def is_numeric(column: pd.Series) -> bool:
    """True when every non-empty value of a text column is a number."""
    values = column.astype(str).str.strip()
    values = values[values != ""]
    return bool(len(values)) and bool(values.map(lambda v: NUMBER_PATTERN.match(v) is not None).all())


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
    if not downloads:
        return ""
    links = "".join(f"<a href='{href(d.path, page)}' download>{esc(d.label)}</a>" for d in downloads)
    return f"<p class='downloads'>Download: {links}</p>"


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
) -> str:
    """A sortable, filterable table of at most ``max_rows`` rows.

    ``significant`` marks rows shown by default; the others appear when the
    reader ticks "show all". Rows beyond ``max_rows`` are left out of the
    page with a note that says how many and where the full table is.
    ``links`` turns the cells of a column into links to the given files.
    """
    links = links or {}
    downloads = downloads or []
    frame = frame.reset_index(drop=True).astype(str)
    numeric = {column for column in frame.columns if is_numeric(frame[column])}
    shown = frame.head(max_rows)
    flags = None if significant is None else significant.reset_index(drop=True).head(max_rows)
    head = "".join(f"<th scope='col'>{breakable(column)}</th>" for column in frame.columns)
    body = []
    for index, row in enumerate(shown.itertuples(index=False)):
        cells = []
        for column, value in zip(frame.columns, row):
            target = links[column][index] if column in links else None
            if target is not None:
                cells.append(f"<td><a href='{href(target, page)}'>{breakable(value)}</a></td>")
            elif column in numeric:
                cells.append(f"<td class='num' data-value='{sort_value(value)}'>{esc(display_number(value))}</td>")
            elif len(value) > LONG_CELL:
                cells.append(f"<td><div class='long'>{breakable(value)}</div></td>")
            else:
                cells.append(f"<td>{breakable(value)}</td>")
        mark = "" if flags is None else f" data-significant='{int(bool(flags.iloc[index]))}'"
        body.append(f"<tr{mark}>{''.join(cells)}</tr>")
    controls = [
        f"<label>Filter <input type='search' placeholder='text in any column' aria-label='filter {esc(table_id)}'></label>"
    ]
    if flags is not None:
        controls.append("<label><input type='checkbox' class='show-all'> show all, not only significant</label>")
    controls.append("<span class='row-count'></span>")
    note = ""
    if len(frame) > max_rows:
        note = (
            f"<p class='note'>The page shows the first {max_rows} of {len(frame)} {esc(what)}; "
            "the full table is in the downloads.</p>"
        )
    elif frame.empty:
        note = f"<p class='note'>No {esc(what)}.</p>"
    return (
        f"<div class='table-block' id='{esc(table_id)}'>"
        f"<div class='controls'>{''.join(controls)}</div>"
        f"<div class='scroll'><table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        f"{note}{downloads_html(downloads, page)}</div>"
    )


def facts_html(facts: dict[str, object]) -> str:
    items = "".join(f"<dt>{esc(key)}</dt><dd>{esc(value)}</dd>" for key, value in facts.items())
    return f"<dl class='facts'>{items}</dl>"


def image_html(path: Path | None, *, alt: str, caption: str) -> str:
    """A plot embedded as a ``data:`` image; SVG inside ``<img>`` never runs scripts."""
    if path is None:
        return ""
    mime = {".svg": "image/svg+xml", ".png": "image/png"}[Path(path).suffix.lower()]
    data = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    return (
        f"<figure><img src='data:{mime};base64,{data}' alt='{esc(alt)}'>"
        f"<figcaption>{esc(caption)}</figcaption></figure>"
    )


def page_html(*, title: str, subtitle: str, sections: list[tuple[str, str, str]], nav_links: str = "") -> str:
    """A whole page; ``sections`` are (id, heading, inner HTML); ``nav_links`` is trusted HTML."""
    nav = nav_links + "".join(f"<a href='#{esc(section_id)}'>{esc(heading)}</a>" for section_id, heading, _ in sections)
    body = "".join(
        f"<section id='{esc(section_id)}'><h2>{esc(heading)}</h2>{inner}</section>"
        for section_id, heading, inner in sections
    )
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{content_security_policy()}\">"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<meta name='referrer' content='no-referrer'>"
        f"<title>{esc(title)}</title><style>{STYLE}</style></head><body>"
        f"<header><h1>{esc(title)}</h1><p>{esc(subtitle)}</p></header>"
        f"<nav>{nav}</nav><main>{body}</main><script>{SCRIPT}</script></body></html>\n"
    )


# --------------------------------------------------------------------------- provenance


@dataclass
class Provenance:
    """What made the results: resources, configuration, tools and the command."""

    resources: pd.DataFrame
    config: dict
    tools: dict[str, str]
    command: str
    workflow_version: str


def resource_table(provenance_files: list[str | Path]) -> pd.DataFrame:
    """One row per fetched file: source, version, sha256, licence, origin, date."""
    rows = []
    for path in provenance_files:
        record = json.loads(Path(path).read_text(encoding="utf-8"))
        for name, info in sorted(record["files"].items()):
            rows.append(
                {
                    "source": record["source"],
                    "version": record["version"],
                    "file": name,
                    "sha256": info["sha256"],
                    "retrieved": record["retrieved"],
                    "licence": record.get("licence", ""),
                    "origin": record.get("origin", ""),
                }
            )
    return pd.DataFrame(rows, columns=["source", "version", "file", "sha256", "retrieved", "licence", "origin"])


def tool_versions() -> dict[str, str]:
    """Versions of Python and of the packages that computed or drew the results."""
    versions = {"python": platform.python_version()}
    for name in TOOLS:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def workflow_version(workflow_dir: str | Path) -> str:
    """The git commit of the workflow code, or a note when it is not a git checkout."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(workflow_dir), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(workflow_dir), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return f"{workflow_dir} (not a git checkout)"
    return f"git {commit}" + (" with uncommitted changes" if dirty else "")


def reproduce_command(*, snakefile: str | Path, workdir: str | Path, configfile: str) -> str:
    return shlex.join(
        ["snakemake", "--snakefile", str(snakefile), "--directory", str(workdir), "--cores", "all"]
        + ["--configfile", configfile]
    )


def collect_provenance(
    provenance_files: list[str | Path], *, config: dict, snakefile: str | Path, configfile: str
) -> Provenance:
    """Everything the provenance block shows, read at render time."""
    return Provenance(
        resources=resource_table(provenance_files),
        config=json.loads(json.dumps(config)),
        tools=tool_versions(),
        command=reproduce_command(snakefile=snakefile, workdir=Path.cwd(), configfile=configfile),
        workflow_version=workflow_version(Path(snakefile).parent),
    )


def config_yaml(config: dict) -> str:
    return yaml.safe_dump(json.loads(json.dumps(config)), sort_keys=False, allow_unicode=True)


def provenance_html(provenance: Provenance, *, page: Path, config_path: Path) -> str:
    """Resources with version, sha256 and date; tools; the command; the configuration."""
    resources = table_html(
        provenance.resources, table_id="provenance-resources", page=page, max_rows=1000, what="resource files"
    )
    return (
        f"<h3>Resources</h3>{resources}"
        f"<h3>Tools</h3>{facts_html({'exocargo workflow': provenance.workflow_version, **provenance.tools})}"
        "<h3>Reproduce</h3><p>From the work directory, with the configuration below saved as "
        f"<a href='{href(config_path, page)}' download>{esc(config_path.name)}</a> "
        "(the sheet and the input files it names must be there too):</p>"
        f"<pre><code>{esc(provenance.command)}</code></pre>"
        f"<h3>Configuration</h3><pre><code>{esc(config_yaml(provenance.config))}</code></pre>"
    )


# --------------------------------------------------------------------------- one list


@dataclass
class EnrichmentResult:
    """One library's enrichment of one list, with its plot and run facts."""

    library: str
    table: pd.DataFrame
    tsv: Path
    plot: Path | None = None
    facts: dict = field(default_factory=dict)
    sidecar: Path | None = None


@dataclass
class ListReport:
    """Everything the page of one list shows, read from the step outputs."""

    list_id: str
    description: str
    source: dict
    names: pd.DataFrame
    mapping: pd.DataFrame
    summary: pd.DataFrame
    entrez_ids: list[str]
    enrichment: list[EnrichmentResult]
    cargo: pd.DataFrame
    mirna_enrichment: pd.DataFrame
    network_plot: Path
    files: dict[str, Path]
    fdr_threshold: float
    pfocr_agreement: pd.DataFrame | None = None


def significant_mask(table: pd.DataFrame, fdr_threshold: float) -> pd.Series:
    """Rows whose adjusted p-value is at most the threshold."""
    adjusted = pd.to_numeric(table["adjusted_p_value"], errors="coerce")
    return adjusted.le(fdr_threshold)


def unresolved_names(mapping: pd.DataFrame) -> pd.DataFrame:
    """Ambiguous and unmapped names, one row per name with its candidates and reason."""
    rows = mapping[mapping["match_type"].isin(UNRESOLVED_MATCH_TYPES)]
    grouped = []
    for (query, name, match_type), group in rows.groupby(["query", "input_name", "match_type"], sort=False):
        candidates = [f"{s} ({e})" for s, e in zip(group["symbol"], group["entrez_id"]) if e]
        grouped.append(
            {
                "query": query,
                "input_name": name,
                "match_type": match_type,
                "candidates": "; ".join(candidates),
                "reason": "; ".join(dict.fromkeys(n for n in group["note"] if n)),
            }
        )
    return pd.DataFrame(grouped, columns=["query", "input_name", "match_type", "candidates", "reason"])


def resolved_name_count(mapping: pd.DataFrame) -> int:
    """Names with at least one gene other than by an ambiguous match."""
    resolved = mapping[~mapping["match_type"].isin(UNRESOLVED_MATCH_TYPES)]
    return len(resolved.drop_duplicates(["query", "input_name"]))


def without_single_query(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop the ``query`` column when the list has one query (it repeats the list id)."""
    if "query" in frame.columns and frame["query"].nunique() <= 1:
        return frame.drop(columns="query")
    return frame


def input_section(report: ListReport, page: Path) -> str:
    source = report.source
    facts = {
        "list id": report.list_id,
        "description": report.description or "(none)",
        "kind": source["kind"],
        "file": source["path"],
        "queries": source["queries"],
        "distinct names found": source["names"],
        "names mapped to a gene": resolved_name_count(report.mapping),
        "Entrez IDs in the gene set": len(report.entrez_ids),
    }
    parts = [facts_html(facts)]
    if source.get("status") == STATUS_FAILED:
        parts.insert(0, f"<p class='alert'>This list could not be read: {esc(source.get('reason', ''))}</p>")
    figure = source.get("pfocr")
    if figure:
        pfocr_entrez = {gene["entrez"] for gene in figure.get("pfocr_genes", [])}
        parts.append("<h3>PFOCR figure</h3>")
        parts.append(
            facts_html(
                {
                    "figure id": figure.get("figid", ""),
                    "title": figure.get("title", ""),
                    "paper": figure.get("paper_title", ""),
                    "genes PFOCR found": len(pfocr_entrez),
                }
            )
        )
        parts.append(f"<p class='caption-text'>{esc(figure.get('caption', ''))}</p>")
    if source["kind"] == "text":
        mentions = report.names[[c for c in MENTION_COLUMNS if c in report.names.columns]]
        parts.append("<h3>Names found in the text, with the first sentence that names them</h3>")
        parts.append(
            table_html(
                mentions,
                table_id="mentions",
                page=page,
                max_rows=MAX_HTML_ROWS["mentions"],
                downloads=[Download("names TSV", report.files["names"])],
                what="names",
            )
        )
    return "".join(parts)


def mapping_section(report: ListReport, page: Path) -> str:
    workbook = Download("XLSX (all tables)", report.files["workbook"])
    summary = report.summary[report.summary["names"].astype(str) != "0"]
    parts = [
        "<h3>Names by match type</h3>",
        table_html(
            summary,
            table_id="mapping-summary",
            page=page,
            max_rows=100,
            downloads=[Download("summary TSV", report.files["summary"])],
            what="match types with names",
        ),
        "<h3>Ambiguous and unmapped names</h3>",
        "<p class='note'>Ambiguous names are listed with every candidate gene; they enter the gene set only "
        "when the config key <code>mapping: include_ambiguous</code> is true.</p>",
        table_html(
            without_single_query(unresolved_names(report.mapping)),
            table_id="mapping-unresolved",
            page=page,
            max_rows=MAX_HTML_ROWS["mapping"],
            what="ambiguous or unmapped names",
        ),
    ]
    if report.pfocr_agreement is not None:
        agreement = report.pfocr_agreement
        words = agreement["scope"] == "word"
        parts += [
            "<h3>Agreement with PFOCR's own genes</h3>",
            "<p class='note'>We map every word of the figure ourselves; here our Entrez IDs meet the ones PFOCR "
            "gives, for the whole figure and word by word, with the cause of each difference.</p>",
            table_html(
                agreement[~words][[c for c in AGREEMENT_SUMMARY_COLUMNS if c in agreement.columns]],
                table_id="pfocr-agreement-figure",
                page=page,
                max_rows=10,
                what="figure rows",
            ),
            table_html(
                agreement[words].drop(columns="scope"),
                table_id="pfocr-agreement",
                page=page,
                max_rows=MAX_HTML_ROWS["mapping"],
                downloads=[Download("agreement TSV", report.files["pfocr_agreement"])],
                what="words",
            ),
        ]
    parts += [
        "<h3>Every mapping decision</h3>",
        table_html(
            without_single_query(report.mapping),
            table_id="mapping-all",
            page=page,
            max_rows=MAX_HTML_ROWS["mapping"],
            downloads=[
                Download("mapping TSV", report.files["mapping"]),
                Download("Entrez IDs", report.files["entrez"]),
                workbook,
            ],
            what="name-gene pairs",
        ),
    ]
    return "".join(parts)


def enrichment_block(result: EnrichmentResult, *, report: ListReport, page: Path) -> str:
    table = result.table
    significant = significant_mask(table, report.fdr_threshold)
    order = significant.sort_values(ascending=False, kind="stable").index
    table, significant = table.loc[order], significant.loc[order]
    facts = {
        "terms with at least one gene of the list": len(table),
        f"significant (adjusted p ≤ {report.fdr_threshold:g})": int(significant.sum()),
    }
    columns = [c for c in ENRICHMENT_HTML_COLUMNS if c in table.columns]
    hint = (
        ""
        if significant.any()
        else "<p class='note'>No significant term: tick “show all” to see every tested term.</p>"
    )
    return (
        f"<h3 id='enrichment-{esc(slug(result.library))}'>{esc(result.library)}</h3>"
        + facts_html(facts)
        + run_details_html(result, page)
        + image_html(result.plot, alt=f"top terms of {result.library}", caption=f"Top terms of {result.library}.")
        + hint
        + table_html(
            without_single_query(table[columns]),
            table_id=f"enrichment-table-{slug(result.library)}",
            page=page,
            max_rows=MAX_HTML_ROWS["enrichment"],
            significant=significant,
            downloads=[Download("TSV", result.tsv), Download("XLSX (all tables)", report.files["workbook"])],
            what="terms",
        )
    )


def flatten_facts(record: dict, prefix: str = "") -> dict[str, str]:
    """Nested JSON as ``a.b: value`` lines; long lists cut with a count of the rest."""
    flat: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            flat.update(flatten_facts(value, prefix=f"{name}."))
        elif isinstance(value, list):
            shown = ", ".join(map(str, value[:MAX_FACT_ITEMS])) or "(none)"
            more = len(value) - MAX_FACT_ITEMS
            flat[name] = shown + (f" … and {more} more" if more > 0 else "")
        else:
            flat[name] = str(value)
    return flat


def run_details_html(result: EnrichmentResult, page: Path) -> str:
    """The JSON sidecar of the enrichment run (background, library, dropped genes), folded."""
    if result.sidecar is None:
        return ""
    facts = flatten_facts(result.facts)
    shown = dict(list(facts.items())[:MAX_FACTS])
    more = len(facts) - len(shown)
    note = f"<p class='note'>{more} more entries in the JSON.</p>" if more > 0 else ""
    return (
        "<details><summary>Run details: background, library, genes left out</summary>"
        f"{facts_html(shown)}{note}{downloads_html([Download('JSON', result.sidecar)], page)}</details>"
    )


def cargo_section(report: ListReport, page: Path) -> str:
    if report.source["kind"] == "gmt":
        return "<p class='note'>A GMT input holds gene sets, not cargo: no cargo table.</p>"
    parts = [image_html(report.network_plot, alt="cargo-target network", caption="Cargo-target network.")]
    if report.cargo.empty:
        parts.append(
            "<p class='note'>No cargo-target rows: no name of this list is a miRNA with validated targets "
            "or a cargo relation stated in the text.</p>"
        )
    parts.append(
        table_html(
            report.cargo,
            table_id="cargo-targets",
            page=page,
            max_rows=MAX_HTML_ROWS["cargo"],
            downloads=[
                Download("cargo TSV", report.files["cargo"]),
                Download("XLSX (all tables)", report.files["workbook"]),
            ],
            what="cargo-target rows",
        )
    )
    parts.append(mirna_enrichment_block(report.mirna_enrichment, report=report, page=page))
    return "".join(parts)


def mirna_enrichment_block(table: pd.DataFrame, *, report: ListReport, page: Path) -> str:
    """Pathways of the cargo miRNAs' pooled targets, with the matched-target-count null."""
    empirical = pd.to_numeric(table[EMPIRICAL_FDR_COLUMN], errors="coerce").le(report.fdr_threshold)
    order = empirical.sort_values(ascending=False, kind="stable").index
    null = ""
    if not table.empty:
        first = table.iloc[0]
        null = f" ({first['permutations']} random miRNA sets, seed {first['seed']})"
    return (
        "<h3>Pathways of the cargo miRNAs' validated targets</h3>"
        "<p class='note'>Plain hypergeometric p-values, and empirical ones against random miRNA sets with "
        f"matched target counts{esc(null)}; significant = empirical adjusted p ≤ {report.fdr_threshold:g}.</p>"
        + table_html(
            table.loc[order].drop(columns=["permutations", "seed"], errors="ignore"),
            table_id="mirna-enrichment",
            page=page,
            max_rows=MAX_HTML_ROWS["enrichment"],
            significant=empirical.loc[order],
            downloads=[Download("TSV", report.files["mirna_enrichment"])],
            what="terms",
        )
    )


def render_list_report(report: ListReport, *, provenance: Provenance, page: Path, config_path: Path) -> str:
    """The HTML page of one list; ``page`` is where it will be written (for relative links)."""
    enrichment = "".join(enrichment_block(result, report=report, page=page) for result in report.enrichment)
    sections = [
        ("input", "Input", input_section(report, page)),
        ("mapping", "Mapping audit", mapping_section(report, page)),
        ("enrichment", "Enrichment", enrichment or "<p class='note'>No library configured.</p>"),
        ("cargo", "Cargo to targets", cargo_section(report, page)),
        ("provenance", "Provenance", provenance_html(provenance, page=page, config_path=config_path)),
    ]
    return page_html(
        title=f"exocargo: {report.list_id}",
        subtitle=report.description or f"{report.source['kind']} list",
        sections=sections,
        nav_links=f"<a href='{href(page.parent / 'index.html', page)}'>&larr; all lists</a>",
    )


def list_workbook_sheets(report: ListReport) -> dict[str, pd.DataFrame]:
    """The tables of one list, as the sheets of its XLSX."""
    sheets = {
        "mapping": report.mapping,
        "mapping_summary": report.summary,
        "unresolved_names": unresolved_names(report.mapping),
        "names": report.names,
    }
    if report.pfocr_agreement is not None:
        sheets["pfocr_agreement"] = report.pfocr_agreement
    for result in report.enrichment:
        sheets[result.library] = result.table
    sheets["cargo_targets"] = report.cargo
    sheets["mirna_target_pathways"] = report.mirna_enrichment
    return sheets


# --------------------------------------------------------------------------- reading a list's outputs


def optional_path(path: str | Path | None) -> Path | None:
    return None if path is None else Path(path)


def load_list_report(
    *,
    list_id: str,
    description: str,
    fdr_threshold: float,
    files: dict[str, str | Path],
    enrichment: dict[str, str | Path],
    enrichment_plots: dict[str, str | Path] | None = None,
    enrichment_facts: dict[str, str | Path] | None = None,
) -> ListReport:
    """Read one list's step outputs.

    ``files`` names ``source``, ``names``, ``mapping``, ``summary``,
    ``entrez``, ``cargo``, ``mirna_enrichment``, ``network_plot``,
    ``workbook`` and, for PFOCR lists only, ``pfocr_agreement``;
    ``enrichment*`` map a library to its table, plot and JSON facts.
    """
    paths = {key: Path(value) for key, value in files.items()}
    plots, facts = enrichment_plots or {}, enrichment_facts or {}
    return ListReport(
        list_id=list_id,
        description=description,
        source=json.loads(paths["source"].read_text(encoding="utf-8")),
        names=read_tsv(paths["names"]),
        mapping=read_tsv(paths["mapping"]),
        summary=read_tsv(paths["summary"]),
        entrez_ids=paths["entrez"].read_text(encoding="utf-8").split(),
        enrichment=[
            EnrichmentResult(
                library=library,
                table=read_tsv(path),
                tsv=Path(path),
                plot=optional_path(plots.get(library)),
                facts=json.loads(Path(facts[library]).read_text(encoding="utf-8")) if library in facts else {},
                sidecar=optional_path(facts.get(library)),
            )
            for library, path in enrichment.items()
        ],
        cargo=read_tsv(paths["cargo"]),
        mirna_enrichment=read_tsv(paths["mirna_enrichment"]),
        network_plot=paths["network_plot"],
        files=paths,
        fdr_threshold=fdr_threshold,
        pfocr_agreement=read_tsv(paths["pfocr_agreement"]) if "pfocr_agreement" in paths else None,
    )


def write_list_report(
    report: ListReport, *, provenance: Provenance, html_path: str | Path, config_path: str | Path
) -> None:
    """Write the list's page and its XLSX (``report.files['workbook']``)."""
    write_workbook(list_workbook_sheets(report), report.files["workbook"])
    page = Path(html_path)
    write_text(render_list_report(report, provenance=provenance, page=page, config_path=Path(config_path)), page)


def write_run_config(config: dict, path: str | Path) -> None:
    """The configuration of this run, ready for ``--configfile``."""
    write_text(config_yaml(config), path)


# --------------------------------------------------------------------------- index of all lists

# Each step of a list, the files it writes (keys of the index's per-list file map).
LIST_STEPS = (
    ("names", ("source", "names")),
    ("mapping", ("mapping", "summary", "entrez", "pfocr_agreement")),
    ("enrichment", ("enrichment", "enrichment_facts", "enrichment_plots")),
    ("cargo", ("cargo", "network_plot", "mirna_enrichment")),
    ("report", ("report", "workbook")),
)


@dataclass
class Comparison:
    """One library's terms x lists comparison, from the enrichment step."""

    library: str
    table: pd.DataFrame
    tsv: Path
    plot: Path | None = None


def step_outputs(files: dict, keys: tuple[str, ...]) -> list[Path]:
    paths = []
    for key in filter(files.__contains__, keys):
        value = files[key]
        paths += [Path(v) for v in value.values()] if isinstance(value, dict) else [Path(value)]
    return paths


def failure_reason(logs: list[str | Path]) -> str | None:
    """The last line of the first log that holds an error (the exception's message), if any."""
    for log in map(Path, logs):
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        if "Error" in text or "Traceback" in text:
            last = [line.strip() for line in text.splitlines() if line.strip()][-1]
            return f"{last} (log: {log})"
    return None


def list_status(files: dict) -> tuple[str, str | None]:
    """The status text and the first step whose outputs are missing (None when all exist).

    A step whose log holds an error "failed"; one without is "not finished"
    (an earlier job failed or the run was stopped before it).
    """
    for step, keys in LIST_STEPS:
        if not all(path.exists() for path in step_outputs(files, keys)):
            reason = failure_reason(files["logs"].get(step, []))
            if reason is None:
                return f"not finished: the run stopped before {step}", step
            return f"failed at {step}: {reason}", step
    return "OK", None


def index_row(list_id: str, files: dict, *, fdr_threshold: float) -> dict:
    """One row of the lists table: what went in, what came out, and the status."""
    status, failed_step = list_status(files)
    steps = [step for step, _ in LIST_STEPS]
    done = set(steps if failed_step is None else steps[: steps.index(failed_step)])
    row = {"list": list_id, "kind": files["kind"], "description": files["description"], "status": status}
    if "names" in done:
        source = json.loads(Path(files["source"]).read_text(encoding="utf-8"))
        row["names"] = source["names"]
        if source.get("status") == STATUS_FAILED:
            row["status"] = f"failed at names: {source.get('reason', '')}"
    if "mapping" in done:
        row["mapped names"] = resolved_name_count(read_tsv(files["mapping"]))
        row["Entrez IDs"] = len(Path(files["entrez"]).read_text(encoding="utf-8").split())
        if row["status"] == "OK" and row["Entrez IDs"] == 0:
            row["status"] = "warning: no name mapped to an Entrez ID (see the mapping audit)"
    if "enrichment" in done:
        for library, path in files["enrichment"].items():
            row[f"significant {library}"] = int(significant_mask(read_tsv(path), fdr_threshold).sum())
    if "cargo" in done:
        row["cargo rows"] = len(read_tsv(files["cargo"]))
    return row


def render_index(
    *,
    lists: dict[str, dict],
    comparisons: list[Comparison],
    downloads: list[Path],
    zip_path: Path,
    fdr_threshold: float,
    provenance: Provenance,
    page: Path,
    config_path: Path,
    failed_run_log: str | None = None,
) -> str:
    """The index page: lists with status and links, comparison plots, downloads, provenance.

    ``failed_run_log`` (Snakemake's log of a run that stopped with errors)
    puts a notice on top and leaves out the link to the zip, which was not built.
    """
    rows = [index_row(list_id, files, fdr_threshold=fdr_threshold) for list_id, files in lists.items()]
    lists_table = pd.DataFrame(rows).fillna("")
    reports = [Path(f["report"]) if Path(f["report"]).exists() else None for f in lists.values()]
    workbooks = [Path(f["workbook"]) if Path(f["workbook"]).exists() else None for f in lists.values()]
    lists_table["tables"] = ["XLSX" if w else "" for w in workbooks]
    lists_html = table_html(
        lists_table,
        table_id="list-table",
        page=page,
        max_rows=len(lists_table),
        links={"list": reports, "tables": workbooks},
        what="lists",
    )
    comparison_parts = []
    for comparison in comparisons:
        comparison_parts.append(f"<h3>{esc(comparison.library)}</h3>")
        comparison_parts.append(
            image_html(
                comparison.plot,
                alt=f"terms x lists, {comparison.library}",
                caption=f"Terms x lists for {comparison.library}, FDR over all lists jointly.",
            )
        )
        terms, significant = comparison.table.reset_index(drop=True), None
        if JOINT_FDR_COLUMN in terms.columns:
            significant = pd.to_numeric(terms[JOINT_FDR_COLUMN], errors="coerce").le(fdr_threshold)
            order = significant.sort_values(ascending=False, kind="stable").index
            terms, significant = terms.loc[order], significant.loc[order]
        comparison_parts.append(
            table_html(
                terms[[c for c in COMPARISON_HTML_COLUMNS if c in terms.columns]],
                table_id=f"comparison-{slug(comparison.library)}",
                page=page,
                max_rows=MAX_HTML_ROWS["comparison"],
                significant=significant,
                downloads=[Download("TSV", comparison.tsv)],
                what="list-term rows",
            )
        )
    if not comparisons:
        comparison_parts.append("<p class='note'>No comparison: the enrichment of some list did not finish.</p>")
    existing = sorted({Path(p) for p in downloads if Path(p).exists()})
    files_table = pd.DataFrame(
        {
            "file": [p.name for p in existing],
            "folder": [p.parent.name for p in existing],
            "kB": [f"{p.stat().st_size / 1000:.1f}" for p in existing],
        }
    )
    if failed_run_log is None:
        bundle = (
            f"<p>Everything below, with the reports, in one file: "
            f"<a href='{href(zip_path, page)}' download>{esc(zip_path.name)}</a>.</p>"
        )
    else:
        bundle = "<p class='note'>The run stopped with errors, so no zip of the results was built.</p>"
        lists_html = (
            f"<p class='alert'>The run stopped with errors; Snakemake's log: {esc(failed_run_log)}. "
            "The status of each list says how far it got.</p>" + lists_html
        )
    downloads_section = bundle + table_html(
        files_table,
        table_id="download-table",
        page=page,
        max_rows=len(files_table),
        links={"file": list(existing)},
        what="files",
    )
    counts = {
        state: sum(str(status).startswith(state) for status in lists_table["status"])
        for state in ("OK", "warning", "failed", "not finished")
    }
    subtitle = f"{len(rows)} lists: " + ", ".join(f"{n} {state}" for state, n in counts.items() if n)
    return page_html(
        title="exocargo: all lists",
        subtitle=subtitle,
        sections=[
            ("lists", "Lists", lists_html),
            ("comparison", "Lists side by side", "".join(comparison_parts)),
            ("downloads", "Downloads", downloads_section),
            ("provenance", "Provenance", provenance_html(provenance, page=page, config_path=config_path)),
        ],
    )


def write_index_report(
    *,
    lists: dict[str, dict],
    comparison_tables: dict[str, str | Path],
    comparison_plots: dict[str, str | Path],
    downloads: list[str | Path],
    bundle_extras: list[str | Path],
    provenance: Provenance,
    fdr_threshold: float,
    html_path: str | Path,
    zip_path: str | Path,
    config_path: str | Path,
    failed_run_log: str | None = None,
) -> None:
    """Write the index from what exists and, for a complete run, the zip of the results.

    ``downloads`` are the tables the page links to; the zip holds them, the
    pages, ``bundle_extras`` (plots, JSON files) and the index. After a failed
    run (``failed_run_log`` given) no zip is written.
    """
    comparisons = [
        Comparison(
            library=library,
            table=read_tsv(path),
            tsv=Path(path),
            plot=optional_path(comparison_plots.get(library)),
        )
        for library, path in comparison_tables.items()
        if Path(path).exists()
    ]
    page, zip_path = Path(html_path), Path(zip_path)
    text = render_index(
        lists=lists,
        comparisons=comparisons,
        downloads=[Path(p) for p in downloads],
        zip_path=zip_path,
        fdr_threshold=fdr_threshold,
        provenance=provenance,
        page=page,
        config_path=Path(config_path),
        failed_run_log=failed_run_log,
    )
    write_text(text, page)
    if failed_run_log is None:
        reports = [files["report"] for files in lists.values()]
        write_results_zip([*downloads, *bundle_extras, *reports, page], root=page.parent.parent, path=zip_path)


def some_list_failed(lists: dict[str, dict]) -> bool:
    return any(list_status(files)[1] is not None for files in lists.values())


def write_index_from_rule(inputs, params, outputs, *, config: dict, failed_run_log: str | None = None) -> None:
    """Write the index from the named inputs, params and outputs of ``render_index_report``.

    Called by the rule's script and, after a failed run, by the workflow's
    ``onerror`` handler (with Snakemake's log) with the same rule's file lists.
    """
    provenance = collect_provenance(
        [path for path in inputs.provenance if Path(path).exists()],
        config=config,
        snakefile=params.snakefile,
        configfile=str(inputs.config),
    )
    write_index_report(
        lists=params.lists,
        comparison_tables=dict(zip(params.libraries, inputs.comparison_tables)),
        comparison_plots=dict(zip(params.libraries, inputs.comparison_plots)),
        downloads=[*inputs.tables, *inputs.comparison_tables, *inputs.workbooks, inputs.config],
        bundle_extras=[*inputs.extras, *inputs.comparison_plots],
        provenance=provenance,
        fdr_threshold=params.fdr_threshold,
        html_path=outputs.html,
        zip_path=outputs.bundle,
        config_path=inputs.config,
        failed_run_log=failed_run_log,
    )


# --------------------------------------------------------------------------- XLSX and zip


def sheet_title(name: str, taken: set[str]) -> str:
    """Excel's sheet-name rules: at most 31 characters, no []:*?/\\, unique."""
    base = re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "sheet"
    title, number = base, 1
    while title.lower() in taken:
        number += 1
        title = f"{base[: 31 - len(str(number)) - 1]}_{number}"
    taken.add(title.lower())
    return title


def write_workbook(sheets: dict[str, pd.DataFrame], path: str | Path) -> None:
    """Write text tables as XLSX: numbers as numbers, every other cell as plain text.

    A value such as ``=HYPERLINK(...)`` stays text (never a formula); characters
    XLSX cannot hold are removed. A table longer than Excel's row limit is
    cut there, and an ``about`` sheet says so.
    """
    path = Path(path)
    workbook = Workbook(write_only=True)
    about = workbook.create_sheet("about")
    about.append(["sheet", "rows", "note"])
    taken = {"about"}
    for name, frame in sheets.items():
        sheet = workbook.create_sheet(sheet_title(name, taken))
        frame = frame.astype(str)
        numeric = {column for column in frame.columns if is_numeric(frame[column])}
        sheet.append(list(frame.columns))
        for row in frame.head(XLSX_MAX_ROWS).itertuples(index=False):
            sheet.append(
                [xlsx_cell(sheet, value, number=column in numeric) for column, value in zip(frame.columns, row)]
            )
        note = f"cut at Excel's limit of {XLSX_MAX_ROWS} rows; the TSV has all" if len(frame) > XLSX_MAX_ROWS else ""
        about.append([sheet.title, len(frame), note])
    with atomic_output(path) as tmp:
        workbook.save(tmp)


def xlsx_cell(sheet, value: str, *, number: bool):
    """A cell value for openpyxl's write-only sheet (text is never read as a formula)."""
    if number and value.strip():
        parsed = float(value)
        if parsed == parsed and parsed not in (float("inf"), float("-inf")):
            return int(parsed) if re.fullmatch(r"[+-]?\d+", value.strip()) else parsed
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"
    return cell


def write_results_zip(files: list[str | Path], *, root: str | Path, path: str | Path) -> None:
    """Zip ``files`` under names relative to ``root``, so the relative links keep working.

    Entries are sorted and dated 1980-01-01, so equal files give an equal zip.
    """
    path, root = Path(path), Path(root).resolve()
    with atomic_output(path) as tmp, zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in sorted({Path(f).resolve() for f in files}):
            info = zipfile.ZipInfo(file.relative_to(root).as_posix(), date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, file.read_bytes())

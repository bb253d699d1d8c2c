"""The report page of one list: input, mapping audit, enrichment per library, cargo tables; read
from the list's output files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from exocargo.enrichment.stats import is_significant
from exocargo.files import read_tsv, write_text
from exocargo.inputs.extract import STATUS_FAILED
from exocargo.kinds import input_kind
from exocargo.report.html import (
    AGREEMENT_SUMMARY_COLUMNS,
    EMPIRICAL_FDR_COLUMN,
    ENRICHMENT_HTML_COLUMNS,
    MAX_FACT_ITEMS,
    MAX_FACTS,
    MAX_HTML_ROWS,
    MENTION_COLUMNS,
    UNRESOLVED_MATCH_TYPES,
    Download,
    downloads_html,
    esc,
    facts_html,
    href,
    image_html,
    page_html,
    slug,
    table_html,
)
from exocargo.report.provenance import Provenance, provenance_html
from exocargo.report.run_files import ListFiles
from exocargo.report.workbook import write_workbook

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
    files: ListFiles
    fdr_threshold: float
    pfocr_agreement: pd.DataFrame | None = None


def significant_mask(table: pd.DataFrame, fdr_threshold: float) -> pd.Series:
    """Rows whose adjusted p-value is significant (:func:`exocargo.enrichment.stats.is_significant`)."""
    adjusted = pd.to_numeric(table["adjusted_p_value"], errors="coerce")
    return pd.Series(is_significant(adjusted, fdr_threshold), index=table.index)


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
    if input_kind(source["kind"]).names_are_mentions:
        mentions = report.names[[c for c in MENTION_COLUMNS if c in report.names.columns]]
        parts.append("<h3>Names found in the text, with the first sentence that names them</h3>")
        parts.append(
            table_html(
                mentions,
                table_id="mentions",
                page=page,
                max_rows=MAX_HTML_ROWS["mentions"],
                downloads=[Download("names TSV", report.files.names)],
                what="names",
            )
        )
    return "".join(parts)


def mapping_section(report: ListReport, page: Path) -> str:
    workbook = Download("XLSX (all tables)", report.files.workbook)
    summary = report.summary[report.summary["names"].astype(str) != "0"]
    parts = [
        "<h3>Names by match type</h3>",
        table_html(
            summary,
            table_id="mapping-summary",
            page=page,
            max_rows=100,
            downloads=[Download("summary TSV", report.files.summary)],
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
                downloads=[Download("agreement TSV", report.files.pfocr_agreement)],
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
                Download("mapping TSV", report.files.mapping),
                Download("Entrez IDs", report.files.entrez),
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
            downloads=[Download("TSV", result.tsv), Download("XLSX (all tables)", report.files.workbook)],
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
    if not input_kind(report.source["kind"]).has_cargo:
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
                Download("cargo TSV", report.files.cargo),
                Download("XLSX (all tables)", report.files.workbook),
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
        f"matched target counts{esc(null)}; significant = empirical adjusted p < {report.fdr_threshold:g}.</p>"
        + table_html(
            table.loc[order].drop(columns=["permutations", "seed"], errors="ignore"),
            table_id="mirna-enrichment",
            page=page,
            max_rows=MAX_HTML_ROWS["enrichment"],
            significant=empirical.loc[order],
            downloads=[Download("TSV", report.files.mirna_enrichment)],
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


def load_list_report(files: ListFiles, *, fdr_threshold: float) -> ListReport:
    """Read one list's step outputs (the page inputs of ``files``)."""
    facts = files.enrichment_facts
    return ListReport(
        list_id=files.list_id,
        description=files.description,
        source=json.loads(Path(files.source).read_text(encoding="utf-8")),
        names=read_tsv(files.names),
        mapping=read_tsv(files.mapping),
        summary=read_tsv(files.summary),
        entrez_ids=Path(files.entrez).read_text(encoding="utf-8").split(),
        enrichment=[
            EnrichmentResult(
                library=library,
                table=read_tsv(path),
                tsv=Path(path),
                plot=optional_path(files.enrichment_plots.get(library)),
                facts=json.loads(Path(facts[library]).read_text(encoding="utf-8")) if library in facts else {},
                sidecar=optional_path(facts.get(library)),
            )
            for library, path in files.enrichment.items()
        ],
        cargo=read_tsv(files.cargo),
        mirna_enrichment=read_tsv(files.mirna_enrichment),
        network_plot=Path(files.network_plot),
        files=files,
        fdr_threshold=fdr_threshold,
        pfocr_agreement=None if files.pfocr_agreement is None else read_tsv(files.pfocr_agreement),
    )


def write_list_report(
    report: ListReport, *, provenance: Provenance, html_path: str | Path, config_path: str | Path
) -> None:
    """Write the list's page and its XLSX (``report.files['workbook']``)."""
    write_workbook(list_workbook_sheets(report), report.files.workbook)
    page = Path(html_path)
    write_text(render_list_report(report, provenance=provenance, page=page, config_path=Path(config_path)), page)

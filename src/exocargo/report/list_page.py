"""The report page of one list: input, mapping audit, enrichment per library, cargo tables; read
from the list's output files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from markupsafe import Markup

from exocargo.enrichment.stats import is_significant
from exocargo.files import read_columnar, read_tsv, write_text
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
    XLSX_MAX_ROWS,
    Download,
    downloads_html,
    facts_html,
    href,
    image_html,
    page_html,
    render,
    slug,
    table_html,
)
from exocargo.report.provenance import Provenance, provenance_html
from exocargo.report.run_files import ListFiles
from exocargo.report.workbook import Sheet, write_workbook
from exocargo.tables import (
    CARGO_TABLE,
    ENRICHMENT_TABLE,
    MAPPING_SUMMARY_TABLE,
    MAPPING_TABLE,
    MIRNA_ENRICHMENT_TABLE,
    RELATIONS_TABLE,
)

# --------------------------------------------------------------------------- one list


@dataclass
class EnrichmentResult:
    """One library's enrichment of one list, with its plot and run facts."""

    library: str
    table: pd.DataFrame
    tsv: Path
    plot: Path | None = None
    map_plot: Path | None = None
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
    relations: pd.DataFrame = field(default_factory=RELATIONS_TABLE.empty)
    validated: pd.DataFrame = field(default_factory=CARGO_TABLE.empty)
    _unresolved: pd.DataFrame | None = field(default=None, repr=False)

    @property
    def unresolved(self) -> pd.DataFrame:
        """:func:`unresolved_names` of the mapping, worked out once for the page and the workbook."""
        if self._unresolved is None:
            self._unresolved = unresolved_names(self.mapping)
        return self._unresolved


def significant_mask(table: pd.DataFrame, fdr_threshold: float, *, column: str = "adjusted_p_value") -> pd.Series:
    """Rows whose adjusted p-value (``column``) is significant (:func:`exocargo.enrichment.stats.is_significant`)."""
    adjusted = pd.to_numeric(table[column], errors="coerce")
    return pd.Series(is_significant(adjusted, fdr_threshold), index=table.index)


def shown_first(significant: pd.Series, count: int) -> np.ndarray:
    """Positions of the first ``count`` rows with the significant ones first, each part in table order."""
    flags = significant.to_numpy(dtype=bool)
    first = np.flatnonzero(flags)[:count]
    return np.concatenate([first, np.flatnonzero(~flags)[: count - len(first)]])


def unresolved_names(mapping: pd.DataFrame) -> pd.DataFrame:
    """Ambiguous and unmapped names, one row per name with its candidates and reason."""
    columns = ["query", "input_name", "match_type", "candidates", "reason"]
    rows = mapping[mapping["match_type"].isin(UNRESOLVED_MATCH_TYPES)]
    # One pass over plain tuples: a long list can have a million unresolved names, and a
    # pandas group per name would take minutes.
    grouped: dict[tuple[str, str, str], tuple[list[str], dict[str, None]]] = {}
    for query, name, match_type, entrez, symbol, note in zip(
        rows["query"], rows["input_name"], rows["match_type"], rows["entrez_id"], rows["symbol"], rows["note"]
    ):
        candidates, reasons = grouped.setdefault((query, name, match_type), ([], {}))
        if entrez:
            candidates.append(f"{symbol} ({entrez})")
        if note:
            reasons[note] = None
    return pd.DataFrame(
        [(*key, "; ".join(candidates), "; ".join(reasons)) for key, (candidates, reasons) in grouped.items()],
        columns=columns,
    )


def resolved_name_count(mapping: pd.DataFrame) -> int:
    """Names with at least one gene other than by an ambiguous match."""
    resolved = mapping[~mapping["match_type"].isin(UNRESOLVED_MATCH_TYPES)]
    return len(resolved.drop_duplicates(["query", "input_name"]))


def fragment(html: str | None) -> Markup | None:
    """A rendered fragment handed to a template (None: the template leaves that part out)."""
    return None if html is None else Markup(html)


def without_single_query(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop the ``query`` column when the list has one query (it repeats the list id)."""
    if "query" in frame.columns and frame["query"].nunique() <= 1:
        return frame.drop(columns="query")
    return frame


DOCUMENT_FORMAT_NAMES = {
    "text": "plain text",
    "markdown": "markdown",
    "pdf": "PDF (text layer)",
    "html": "HTML page (article text only)",
    "jats": "PMC / JATS article XML",
    "bioc": "BioC",
    "pubmed": "PubMed XML (title and abstract)",
}


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
    document = source.get("document")
    if document:
        # How the paper was read: a user checks here that a PDF or web page gave the sections they expect.
        facts["read as"] = DOCUMENT_FORMAT_NAMES.get(document["format"], document["format"])
        facts["sections read"] = ", ".join(document["sections"]) or "(none)"
    figure = source.get("pfocr")
    figure_facts = mentions = None
    if figure:
        pfocr_entrez = {gene["entrez"] for gene in figure.get("pfocr_genes", [])}
        figure_facts = facts_html(
            {
                "figure id": figure.get("figid", ""),
                "title": figure.get("title", ""),
                "paper": figure.get("paper_title", ""),
                "genes PFOCR found": len(pfocr_entrez),
            }
        )
    if input_kind(source["kind"]).names_are_mentions:
        mentions = table_html(
            report.names[[c for c in MENTION_COLUMNS if c in report.names.columns]],
            table_id="mentions",
            page=page,
            max_rows=MAX_HTML_ROWS["mentions"],
            downloads=[Download("names TSV", report.files.names)],
            what="names",
        )
    return render(
        "list_input.html",
        failed_reason=source.get("reason", "") if source.get("status") == STATUS_FAILED else None,
        facts=Markup(facts_html(facts)),
        figure_facts=fragment(figure_facts),
        caption=(figure or {}).get("caption", ""),
        mentions=fragment(mentions),
    )


def mapping_section(report: ListReport, page: Path) -> str:
    workbook = Download("XLSX (all tables)", report.files.workbook)
    summary = report.summary[report.summary["names"].astype(str) != "0"]
    agreement_figure = agreement_words = None
    if report.pfocr_agreement is not None:
        agreement = report.pfocr_agreement
        words = agreement["scope"] == "word"
        agreement_figure = table_html(
            agreement[~words][[c for c in AGREEMENT_SUMMARY_COLUMNS if c in agreement.columns]],
            table_id="pfocr-agreement-figure",
            page=page,
            max_rows=10,
            what="figure rows",
        )
        agreement_words = table_html(
            agreement[words].drop(columns="scope"),
            table_id="pfocr-agreement",
            page=page,
            max_rows=MAX_HTML_ROWS["mapping"],
            downloads=[Download("agreement TSV", report.files.pfocr_agreement)],
            what="words",
        )
    return render(
        "list_mapping.html",
        summary=Markup(
            table_html(
                summary,
                table_id="mapping-summary",
                page=page,
                max_rows=100,
                downloads=[Download("summary TSV", report.files.summary)],
                what="match types with names",
            )
        ),
        unresolved=Markup(
            table_html(
                without_single_query(report.unresolved),
                table_id="mapping-unresolved",
                page=page,
                max_rows=MAX_HTML_ROWS["mapping"],
                what="ambiguous or unmapped names",
            )
        ),
        agreement_figure=fragment(agreement_figure),
        agreement_words=fragment(agreement_words),
        decisions=Markup(
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
            )
        ),
    )


def query_summary(table: pd.DataFrame, significant: pd.Series) -> pd.DataFrame:
    """One row per query of a many-query list: terms hit, significant terms, the best term."""
    columns = ["query", "terms_hit", "significant_terms", "best_term", "best_adjusted_p_value"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    p_values = pd.to_numeric(table["p_value"], errors="coerce").fillna(float("inf"))
    groups = pd.DataFrame({"query": table["query"], "p": p_values, "significant": significant.astype(int)})
    grouped = groups.groupby("query", sort=False)
    best = grouped["p"].idxmin()
    return pd.DataFrame(
        {
            "query": best.index,
            "terms_hit": grouped.size().to_numpy(),
            "significant_terms": grouped["significant"].sum().to_numpy(),
            "best_term": table.loc[best.to_numpy(), "term"].to_numpy(),
            "best_adjusted_p_value": table.loc[best.to_numpy(), "adjusted_p_value"].to_numpy(),
        },
        columns=columns,
    ).sort_values(["significant_terms"], ascending=False, kind="stable")


def enrichment_block(result: EnrichmentResult, *, report: ListReport, page: Path) -> str:
    table = result.table
    significant = significant_mask(table, report.fdr_threshold)
    summary = None
    if "query" in table.columns and table["query"].nunique() > 1:
        # A GMT of thousands of sets: one searchable row per set first, then the best terms.
        summary = table_html(
            query_summary(table, significant),
            table_id=f"enrichment-queries-{slug(result.library)}",
            page=page,
            max_rows=MAX_HTML_ROWS["queries"],
            downloads=[Download("TSV (every term)", result.tsv)],
            what="queries",
        )
    # Significant rows first, each part in table order; only the rows shown are taken (a GMT input's
    # table has millions of rows).
    shown = shown_first(significant, MAX_HTML_ROWS["enrichment"])
    facts = {
        "terms with at least one gene of the list": len(table),
        f"significant (adjusted p < {report.fdr_threshold:g})": int(significant.sum()),
    }
    total, table, significant = len(table), table.iloc[shown], significant.iloc[shown]
    columns = [c for c in ENRICHMENT_HTML_COLUMNS if c in table.columns]
    return render(
        "enrichment_block.html",
        anchor=slug(result.library),
        library=result.library,
        facts=Markup(facts_html(facts)),
        run_details=Markup(run_details_html(result, page)),
        image=Markup(
            image_html(result.plot, alt=f"top terms of {result.library}", caption=f"Top terms of {result.library}.")
        ),
        map_image=Markup(
            image_html(
                result.map_plot,
                alt=f"enrichment map of {result.library}",
                caption=f"Enrichment map of {result.library}: terms that share hit genes are joined; "
                "each group of terms sits together.",
            )
        ),
        any_significant=bool(significant.any()),
        summary=fragment(summary),
        table=Markup(
            table_html(
                without_single_query(table[columns]),
                table_id=f"enrichment-table-{slug(result.library)}",
                page=page,
                max_rows=MAX_HTML_ROWS["enrichment"],
                significant=significant,
                downloads=[Download("TSV", result.tsv), Download("XLSX (all tables)", report.files.workbook)],
                what="terms",
                total=total,
            )
        ),
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
    return render(
        "run_details.html",
        facts=Markup(facts_html(shown)),
        more=len(facts) - len(shown),
        downloads=Markup(downloads_html([Download("JSON", result.sidecar)], page)),
    )


def relations_section(report: ListReport, page: Path) -> str:
    """Every regulator -> target statement of the text, each with its sentence: what the paper says."""
    table = table_html(
        report.relations,
        table_id="stated-relations",
        page=page,
        max_rows=MAX_HTML_ROWS["cargo"],
        downloads=[Download("relations TSV", report.files.relations)] if report.files.relations else [],
        what="stated relations",
    )
    return render("list_relations.html", empty=report.relations.empty, table=Markup(table))


def cargo_section(report: ListReport, page: Path) -> str:
    """The cargo table, its network and the miRNA target-set test (with the matched-count null)."""
    if not input_kind(report.source["kind"]).has_cargo:
        return render("list_cargo.html", has_cargo=False)
    mirnas = report.mirna_enrichment
    empirical = significant_mask(mirnas, report.fdr_threshold, column=EMPIRICAL_FDR_COLUMN)
    order = empirical.sort_values(ascending=False, kind="stable").index
    null = ""
    if not mirnas.empty:
        first = mirnas.iloc[0]
        null = f" ({first['permutations']} random miRNA sets, seed {first['seed']})"
    cargo_table = table_html(
        report.cargo,
        table_id="cargo-targets",
        page=page,
        max_rows=MAX_HTML_ROWS["cargo"],
        downloads=[Download("cargo TSV", report.files.cargo), Download("XLSX (all tables)", report.files.workbook)],
        what="cargo-target rows",
    )
    validated_table = ""
    if report.files.validated and input_kind(report.source["kind"]).has_prose:
        validated_table = table_html(
            report.validated,
            table_id="validated-targets",
            page=page,
            max_rows=MAX_HTML_ROWS["cargo"],
            downloads=[Download("validated targets TSV", report.files.validated)],
            what="database-only target rows",
        )
    mirna_table = table_html(
        mirnas.loc[order].drop(columns=["permutations", "seed"], errors="ignore"),
        table_id="mirna-enrichment",
        page=page,
        max_rows=MAX_HTML_ROWS["enrichment"],
        significant=empirical.loc[order],
        downloads=[Download("TSV", report.files.mirna_enrichment)],
        what="terms",
    )
    return render(
        "list_cargo.html",
        has_cargo=True,
        network=Markup(image_html(report.network_plot, alt="cargo-target network", caption="Cargo-target network.")),
        empty=report.cargo.empty,
        table=Markup(cargo_table),
        validated_table=Markup(validated_table),
        null=null,
        fdr_threshold=f"{report.fdr_threshold:g}",
        mirna_table=Markup(mirna_table),
    )


def render_list_report(report: ListReport, *, provenance: Provenance, page: Path, config_path: Path) -> str:
    """The HTML page of one list; ``page`` is where it will be written (for relative links)."""
    if report.files.runs("mapping"):
        blocks = [Markup(enrichment_block(result, report=report, page=page)) for result in report.enrichment]
        mapping = mapping_section(report, page)
        enrichment = render("list_enrichment.html", blocks=blocks)
        cargo = cargo_section(report, page)
    else:  # the list failed before mapping (a GMT that did not parse): say so where the results would be
        mapping = enrichment = cargo = render("list_not_run.html", step=report.files.stops_after)
    sections = [("input", "Input", input_section(report, page))]
    if input_kind(report.source["kind"]).has_prose:  # what the paper says leads
        sections.append(("relations", "Stated relations", relations_section(report, page)))
    sections += [
        ("mapping", "Mapping audit", mapping),
        ("enrichment", "Enrichment", enrichment),
        ("cargo", "Cargo to targets", cargo),
        ("provenance", "Provenance", provenance_html(provenance, page=page, config_path=config_path)),
    ]
    return page_html(
        title=f"exocargo: {report.list_id}",
        subtitle=report.description or f"{report.source['kind']} list",
        sections=sections,
        index_href=href(page.parent / "index.html", page),
    )


def top_terms(table: pd.DataFrame, fdr_threshold: float, per_query: int) -> pd.DataFrame:
    """Significant terms, and the ``per_query`` best of each query (by p-value): what a reader opens."""
    if table.empty:
        return table
    p_values = pd.to_numeric(table["p_value"], errors="coerce")
    queries = table["query"] if "query" in table.columns else pd.Series("", index=table.index)
    rank = p_values.groupby(queries, sort=False).rank(method="first")
    keep = significant_mask(table, fdr_threshold) | (rank <= per_query)
    return table[keep.to_numpy()]


def list_workbook_sheets(report: ListReport, *, top_terms_per_query: int = 10) -> dict[str, Sheet]:
    """The tables of one list, as the sheets of its XLSX: what a person reads, each naming its full table."""
    files = report.files
    if not files.runs("mapping"):
        return {"names": Sheet(report.names, full_table=files.names)}
    sheets = {
        "mapping": Sheet(report.mapping, full_table=files.mapping),
        "mapping_summary": Sheet(report.summary, full_table=files.summary),
        "unresolved_names": Sheet(report.unresolved, full_table=files.mapping),
        "names": Sheet(report.names, full_table=files.names),
    }
    if report.pfocr_agreement is not None:
        sheets["pfocr_agreement"] = Sheet(report.pfocr_agreement, full_table=files.pfocr_agreement or "")
    for result in report.enrichment:
        selected = top_terms(result.table, report.fdr_threshold, top_terms_per_query)
        selection = (
            f"terms with adjusted p < {report.fdr_threshold:g}, and the {top_terms_per_query} best of each query"
        )
        sheets[result.library] = Sheet(selected, len(result.table), selection, str(result.tsv))
    if files.relations:
        sheets["stated_relations"] = Sheet(report.relations, full_table=files.relations)
    sheets["cargo_targets"] = Sheet(report.cargo, full_table=files.cargo)
    if files.validated and input_kind(report.source["kind"]).has_prose:
        sheets["validated_targets"] = Sheet(report.validated, full_table=files.validated)
    sheets["mirna_target_pathways"] = Sheet(report.mirna_enrichment, full_table=files.mirna_enrichment)
    return sheets


# --------------------------------------------------------------------------- reading a list's outputs


def optional_path(path: str | Path | None) -> Path | None:
    return None if path is None else Path(path)


def load_list_report(files: ListFiles, *, fdr_threshold: float) -> ListReport:
    """Read one list's step outputs (the page inputs of ``files``); steps that did not run are empty."""
    if not files.runs("mapping"):
        return ListReport(
            list_id=files.list_id,
            description=files.description,
            source=json.loads(Path(files.source).read_text(encoding="utf-8")),
            names=read_tsv(files.names),
            mapping=MAPPING_TABLE.empty(),
            summary=MAPPING_SUMMARY_TABLE.empty(),
            entrez_ids=[],
            enrichment=[],
            cargo=CARGO_TABLE.empty(),
            mirna_enrichment=MIRNA_ENRICHMENT_TABLE.empty(),
            network_plot=Path(files.network_plot),
            files=files,
            fdr_threshold=fdr_threshold,
        )
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
                # numbers as numbers, parsed by Arrow: a GMT input's table has millions of rows
                table=read_columnar(files.enrichment_columnar[library], schema=ENRICHMENT_TABLE)
                if library in files.enrichment_columnar
                else read_tsv(path),
                tsv=Path(path),
                plot=optional_path(files.enrichment_plots.get(library)),
                map_plot=optional_path(files.enrichment_maps.get(library)),
                facts=json.loads(Path(facts[library]).read_text(encoding="utf-8")) if library in facts else {},
                sidecar=optional_path(facts.get(library)),
            )
            for library, path in files.enrichment.items()
        ],
        cargo=read_tsv(files.cargo),
        relations=read_tsv(files.relations) if files.relations else RELATIONS_TABLE.empty(),
        validated=read_tsv(files.validated) if files.validated else CARGO_TABLE.empty(),
        mirna_enrichment=read_tsv(files.mirna_enrichment),
        network_plot=Path(files.network_plot),
        files=files,
        fdr_threshold=fdr_threshold,
        pfocr_agreement=None if files.pfocr_agreement is None else read_tsv(files.pfocr_agreement),
    )


def write_list_report(
    report: ListReport,
    *,
    provenance: Provenance,
    html_path: str | Path,
    config_path: str | Path,
    xlsx_max_rows: int = XLSX_MAX_ROWS,
    xlsx_top_terms: int = 10,
) -> None:
    """Write the list's page and its XLSX (``report.files['workbook']``), sized to what people open."""
    sheets = list_workbook_sheets(report, top_terms_per_query=xlsx_top_terms)
    write_workbook(sheets, report.files.workbook, max_rows=xlsx_max_rows)
    page = Path(html_path)
    write_text(render_list_report(report, provenance=provenance, page=page, config_path=Path(config_path)), page)

"""The index page of a run: one row per list with its status (the first error of a failed list),
the comparison of lists, provenance and the results zip.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from markupsafe import Markup

from exocargo.files import read_columnar, read_tsv, write_text
from exocargo.inputs.extract import STATUS_FAILED
from exocargo.report.html import (
    COMPARISON_HTML_COLUMNS,
    JOINT_FDR_COLUMN,
    MAX_HTML_ROWS,
    Download,
    href,
    image_html,
    page_html,
    render,
    slug,
    table_html,
)
from exocargo.report.list_page import optional_path, resolved_name_count, shown_first, significant_mask
from exocargo.report.provenance import Provenance, collect_provenance, config_yaml, provenance_html
from exocargo.report.run_files import LIST_STEPS, ListFiles, RunFiles
from exocargo.report.workbook import write_results_zip
from exocargo.tables import COMPARISON_TABLE


def write_run_config(config: dict, path: str | Path) -> None:
    """The configuration of this run, ready for ``--configfile``."""
    write_text(config_yaml(config), path)


# --------------------------------------------------------------------------- index of all lists


@dataclass
class Comparison:
    """One library's terms x lists comparison, from the enrichment step."""

    library: str
    table: pd.DataFrame  # every row, or (``total`` given) the rows shown, jointly significant first
    tsv: Path
    plot: Path | None = None
    total: int | None = None  # rows of the whole table, when ``table`` holds only those shown


def read_comparison(library: str, tsv: Path, *, columnar: Path | None, plot: Path | None, fdr_threshold: float):
    """One library's comparison, reading from its Parquet copy only the rows the page shows.

    The comparison of a GMT input has millions of rows; the page shows the first
    ``MAX_HTML_ROWS["comparison"]``, jointly significant ones first.
    """
    if columnar is None or not columnar.exists():
        return Comparison(library, read_tsv(tsv), tsv, plot)
    import pyarrow.parquet as pq

    joint = read_columnar(columnar, [JOINT_FDR_COLUMN], schema=COMPARISON_TABLE)
    shown = shown_first(significant_mask(joint, fdr_threshold, column=JOINT_FDR_COLUMN), MAX_HTML_ROWS["comparison"])
    rows = pq.read_table(columnar, columns=[c for c in COMPARISON_HTML_COLUMNS if c in COMPARISON_TABLE.columns])
    return Comparison(library, rows.take(shown).to_pandas(), tsv, plot, total=len(joint))


def failure_reason(logs: list[str | Path]) -> str | None:
    """The last line of the first log that holds an error (the exception's message), if any."""
    for log in map(Path, logs):
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        if "Error" in text or "Traceback" in text:
            last = [line.strip() for line in text.splitlines() if line.strip()][-1]
            return f"{last} (log: {log})"
    return None


def list_status(files: ListFiles) -> tuple[str, str | None]:
    """The status text and the first step whose outputs are missing (None when all exist).

    A step whose log holds an error "failed"; one without is "not finished"
    (an earlier job failed or the run was stopped before it).
    """
    for step, _ in LIST_STEPS:
        if not files.runs(step):
            return f"failed at {files.stops_after}; later steps not run", step
        if not all(path.exists() for path in files.step_outputs(step)):
            reason = failure_reason(files.logs.get(step, []))
            if reason is None:
                return f"not finished: the run stopped before {step}", step
            return f"failed at {step}: {reason}", step
    return "OK", None


def index_row(files: ListFiles, *, fdr_threshold: float) -> dict:
    """One row of the lists table: what went in, what came out, and the status."""
    status, failed_step = list_status(files)
    steps = [step for step, _ in LIST_STEPS]
    done = set(steps if failed_step is None else steps[: steps.index(failed_step)])
    row = {"list": files.list_id, "kind": files.kind, "description": files.description, "status": status}
    if "names" in done:
        source = json.loads(Path(files.source).read_text(encoding="utf-8"))
        row["names"] = source["names"]
        if source.get("status") == STATUS_FAILED:
            row["status"] = f"failed at names: {source.get('reason', '')}"
    if "mapping" in done:
        row["mapped names"] = resolved_name_count(read_tsv(files.mapping))
        row["Entrez IDs"] = len(Path(files.entrez).read_text(encoding="utf-8").split())
        if row["status"] == "OK" and row["Entrez IDs"] == 0:
            row["status"] = "warning: no name mapped to an Entrez ID (see the mapping audit)"
    if "enrichment" in done:
        for library, path in files.enrichment.items():
            columnar = files.enrichment_columnar.get(library)
            # Only the column counted is read (Parquet): the table of a GMT input has millions of rows.
            table = read_columnar(columnar, ["adjusted_p_value"]) if columnar else read_tsv(path)
            row[f"significant {library}"] = int(significant_mask(table, fdr_threshold).sum())
    if "cargo" in done:
        row["cargo rows"] = len(read_tsv(files.cargo))
    return row


def render_index(
    *,
    lists: list[ListFiles],
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
    rows = [index_row(files, fdr_threshold=fdr_threshold) for files in lists]
    lists_table = pd.DataFrame(rows).fillna("")
    reports = [Path(f.report) if Path(f.report).exists() else None for f in lists]
    workbooks = [Path(f.workbook) if Path(f.workbook).exists() else None for f in lists]
    lists_table["tables"] = ["XLSX" if w else "" for w in workbooks]
    lists_html = table_html(
        lists_table,
        table_id="list-table",
        page=page,
        max_rows=len(lists_table),
        links={"list": reports, "tables": workbooks},
        what="lists",
    )
    comparison_blocks = []
    for comparison in comparisons:
        terms, significant = comparison.table.reset_index(drop=True), None
        total = len(terms) if comparison.total is None else comparison.total
        if JOINT_FDR_COLUMN in terms.columns:
            significant = significant_mask(terms, fdr_threshold, column=JOINT_FDR_COLUMN)
            shown = shown_first(significant, MAX_HTML_ROWS["comparison"])
            terms, significant = terms.iloc[shown], significant.iloc[shown]
        image = image_html(
            comparison.plot,
            alt=f"terms x lists, {comparison.library}",
            caption=f"Terms x lists for {comparison.library}, FDR over all lists jointly.",
        )
        table = table_html(
            terms[[c for c in COMPARISON_HTML_COLUMNS if c in terms.columns]],
            table_id=f"comparison-{slug(comparison.library)}",
            page=page,
            max_rows=MAX_HTML_ROWS["comparison"],
            significant=significant,
            downloads=[Download("TSV", comparison.tsv)],
            what="list-term rows",
            total=total,
        )
        comparison_blocks.append({"library": comparison.library, "image": Markup(image), "table": Markup(table)})
    existing = sorted({Path(p) for p in downloads if Path(p).exists()})
    files_table = pd.DataFrame(
        {
            "file": [p.name for p in existing],
            "folder": [p.parent.name for p in existing],
            "kB": [f"{p.stat().st_size / 1000:.1f}" for p in existing],
        }
    )
    downloads_section = render(
        "index_downloads.html",
        zip_href=None if failed_run_log is not None else Markup(href(zip_path, page)),
        zip_name=zip_path.name,
        table=Markup(
            table_html(
                files_table,
                table_id="download-table",
                page=page,
                max_rows=len(files_table),
                links={"file": list(existing)},
                what="files",
            )
        ),
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
            ("lists", "Lists", render("index_lists.html", failed_run_log=failed_run_log, table=Markup(lists_html))),
            ("comparison", "Lists side by side", render("index_comparison.html", comparisons=comparison_blocks)),
            ("downloads", "Downloads", downloads_section),
            ("provenance", "Provenance", provenance_html(provenance, page=page, config_path=config_path)),
        ],
    )


def write_index_report(run: RunFiles, *, config: dict, failed_run_log: str | None = None, threads: int = 1) -> None:
    """Write the index from what exists and, for a complete run, the zip of the results.

    The zip holds the tables the page links to, the pages, the plots and JSON
    files and the index. After a failed run (``failed_run_log``: Snakemake's
    log) the page says so on top and no zip is written.
    """
    provenance = collect_provenance(
        [path for path in run.provenance if Path(path).exists()],
        config=config,
        snakefile=run.snakefile,
        configfile=run.config,
    )
    comparisons = [
        read_comparison(
            library,
            Path(path),
            columnar=optional_path(run.comparison_columnar.get(library)),
            plot=optional_path(run.comparison_plots.get(library)),
            fdr_threshold=run.fdr_threshold,
        )
        for library, path in run.comparison_tables.items()
        if Path(path).exists()
    ]
    page, zip_path = Path(run.html), Path(run.bundle)
    text = render_index(
        lists=list(run.lists.values()),
        comparisons=comparisons,
        downloads=run.downloads(),
        zip_path=zip_path,
        fdr_threshold=run.fdr_threshold,
        provenance=provenance,
        page=page,
        config_path=Path(run.config),
        failed_run_log=failed_run_log,
    )
    write_text(text, page)
    if failed_run_log is None:
        members = [*run.downloads(), *run.bundle_extras(), *run.reports(), page]
        write_results_zip(members, root=page.parent.parent, path=zip_path, threads=threads)


def some_list_failed(run: RunFiles) -> bool:
    return any(list_status(files)[1] is not None for files in run.lists.values())

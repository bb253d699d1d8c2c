"""Self-contained HTML reports; every user-supplied string is escaped."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd

STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:13px}
th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f0f0f0}
code{background:#f6f6f6;padding:1px 3px}
"""


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def table_html(frame: pd.DataFrame, *, max_rows: int = 200) -> str:
    """An escaped HTML table of at most ``max_rows`` rows."""
    head = "".join(f"<th>{esc(c)}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{esc(v)}</td>" for v in row) + "</tr>"
        for row in frame.head(max_rows).itertuples(index=False)
    )
    more = f"<p>{len(frame) - max_rows} more rows in the TSV.</p>" if len(frame) > max_rows else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


def page(title: str, sections: list[str]) -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{esc(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{esc(title)}</h1>" + "".join(sections) + "</body></html>\n"
    )


def provenance_section(provenance_files: list[str]) -> str:
    rows = []
    for path in provenance_files:
        record = json.loads(Path(path).read_text())
        for name, info in record["files"].items():
            rows.append(
                {
                    "source": record["source"],
                    "version": record["version"],
                    "file": name,
                    "sha256": info["sha256"],
                    "licence": record["licence"],
                    "origin": record["origin"],
                    "retrieved": record["retrieved"],
                }
            )
    return "<h2>Provenance</h2>" + table_html(pd.DataFrame(rows))


def render_list_report(
    *,
    list_id: str,
    source: dict,
    mapping_summary: pd.DataFrame,
    mapping: pd.DataFrame,
    enrichment: dict[str, pd.DataFrame],
    cargo: pd.DataFrame,
    provenance_files: list[str],
) -> str:
    sections = [
        "<h2>Input</h2>",
        f"<p>Kind <code>{esc(source['kind'])}</code>, file <code>{esc(Path(source['path']).name)}</code>, "
        f"{esc(source['names'])} names in {esc(source['queries'])} list(s).</p>",
        "<h2>Mapping</h2>",
        table_html(mapping_summary),
        "<h3>Ambiguous and unmapped names</h3>",
        table_html(mapping[mapping["match_type"].isin(["ambiguous", "unmapped"])]),
    ]
    for library, table in enrichment.items():
        sections.append(f"<h2>Enrichment: {esc(library)}</h2>")
        sections.append(table_html(table.drop(columns=["entrez_ids"]), max_rows=25))
    sections.append("<h2>Cargo to targets</h2>")
    sections.append(table_html(cargo, max_rows=100))
    sections.append(provenance_section(provenance_files))
    return page(f"exocargo report: {list_id}", sections)


def render_index(rows: list[dict]) -> str:
    frame = pd.DataFrame(rows)
    links = "".join(f"<li><a href='{esc(r['list_id'])}.html'>{esc(r['list_id'])}</a></li>" for r in rows)
    return page("exocargo: all lists", ["<ul>" + links + "</ul>", table_html(frame)])

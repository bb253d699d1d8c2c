"""Enrichment map of one list: its best significant terms as nodes, lines between terms that
share hit genes, terms of one group (``term_group``) drawn together.

The idea is Cytoscape EnrichmentMap's and gseapy's ``enrichment_map``; the layout is ours and
needs no graph library: each group sits on its own spot of a circle, its terms around that spot,
so a reader sees at once how many separate findings the list has.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from exocargo.enrichment.stats import is_significant
from exocargo.report.plots import message_figure, minus_log10, nothing_significant, short_label
from exocargo.report.svg_charts import SvgChart, map_chart

# Terms sharing at least this share of hit genes (Jaccard) are joined by a line.
EDGE_MIN_JACCARD = 0.25


def _jaccard(hits: list[set[str]]) -> np.ndarray:
    shared = np.array([[len(a & b) for b in hits] for a in hits], dtype=float)
    sizes = np.diag(shared)
    return shared / np.maximum(sizes[:, None] + sizes[None, :] - shared, 1)


def _layout(groups: list[str]) -> np.ndarray:
    """Positions: one spot per group on a circle, each group's terms on a small circle around it."""
    distinct = list(dict.fromkeys(groups))
    positions = np.zeros((len(groups), 2))
    for g, group in enumerate(distinct):
        members = [i for i, name in enumerate(groups) if name == group]
        angle = 2 * np.pi * g / len(distinct)
        centre = np.array([np.cos(angle), np.sin(angle)]) * (1.0 if len(distinct) > 1 else 0.0)
        radius = 0.0 if len(members) == 1 else 0.12 + 0.025 * len(members)
        for j, i in enumerate(members):
            turn = 2 * np.pi * j / len(members) + angle
            positions[i] = centre + radius * np.array([np.cos(turn), np.sin(turn)])
    return positions


def enrichment_map_figure(
    table: pd.DataFrame, *, title: str, fdr_threshold: float, top_terms: int
) -> Figure | SvgChart:
    """The map of the ``top_terms`` best significant terms (a figure that says so when there are none)."""
    significant = table[is_significant(table["adjusted_p_value"], fdr_threshold)]
    if significant.empty:
        return message_figure(title, nothing_significant(table, fdr_threshold))
    rows = significant.sort_values("adjusted_p_value", kind="stable").head(top_terms).reset_index(drop=True)
    hits = [set(str(ids).split(";")) for ids in rows["entrez_ids"]]
    groups = [group or term for group, term in zip(rows.get("term_group", rows["term"]).fillna(""), rows["term"])]
    positions = _layout(groups)
    jaccard = _jaccard(hits)
    edges = [
        (int(i), int(j), float(jaccard[i, j])) for i, j in zip(*np.nonzero(np.triu(jaccard >= EDGE_MIN_JACCARD, k=1)))
    ]
    return map_chart(
        positions=positions,
        labels=[short_label(term, 40) for term in rows["term"]],
        overlaps=[int(v) for v in rows["overlap_size"]],
        strengths=minus_log10(rows["adjusted_p_value"]),
        edges=edges,
        title_lines=[
            title,
            f"{len(rows)} best terms in {len(set(groups))} groups; lines: shared hit genes "
            f"(Jaccard >= {EDGE_MIN_JACCARD:g}); size: overlap",
        ],
    )

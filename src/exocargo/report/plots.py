"""Enrichment plots (SVG): top terms of one list, and terms x lists for a comparison (matplotlib).

Every function returns a figure with content: when no term reaches the FDR
threshold the figure says so in words (and names the best term), so a
declared plot is never an empty file. SVGs are written with text kept as text
(searchable, small) and without a date, so equal inputs give equal bytes.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from exocargo.enrichment.stats import is_significant
from exocargo.files import write_text  # noqa: E402
from exocargo.report.svg_charts import COLOUR_MAP, SvgChart, message_chart, top_terms_chart  # noqa: E402

log = logging.getLogger(__name__)
PLOT_STYLES = ("dot", "bar")
LABEL_LENGTH = 60
# More lists than this do not fit side by side; the best lists are shown and the title says so.
MAX_COLUMNS = 40

# Term, list and gene names are user text, drawn as written: "$...$" is not mathtext, no TeX.
plt.rcParams.update(
    {"svg.fonttype": "none", "svg.hashsalt": "exocargo", "font.size": 9, "text.parse_math": False, "text.usetex": False}
)


def short_label(text: str, length: int = LABEL_LENGTH) -> str:
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "\u2026"


def minus_log10(p: pd.Series) -> np.ndarray:
    return -np.log10(np.maximum(p.to_numpy(dtype=float), np.finfo(float).tiny))


def nothing_significant(table: pd.DataFrame, fdr_threshold: float, p_column: str = "adjusted_p_value") -> str:
    """The sentence a plot shows when no term reached the threshold."""
    message = f"No term reached FDR < {fdr_threshold:g}."
    if table.empty:
        return message + "\nNo term shares a gene with the list."
    best = table.loc[table[p_column].astype(float).idxmin()]
    return (
        message + f"\nBest term: {short_label(best['term'])}\n"
        f"(overlap {best['overlap']}, p = {float(best['p_value']):.2g}, adjusted p = {float(best[p_column]):.2g})"
    )


def message_figure(title: str, message: str) -> SvgChart:
    """A figure that only says something (used when there is nothing to draw)."""
    return message_chart(title, message)


def drawn_or_explained(draw: Callable[[], Figure | SvgChart], *, title: str, source: str | Path) -> Figure | SvgChart:
    """``draw()``, or a figure saying why it could not be drawn and from which file.

    A plot is one view of a table that is already written: its failure must not stop the other
    lists or hide the table, so the reason goes into the image (and the job's log) instead.
    """
    try:
        return draw()
    except Exception as error:  # any drawing failure: the message names it
        log.exception("plot %r from %s could not be drawn", title, source)
        plt.close("all")
        reason = f"{type(error).__name__}: {str(error).strip()[:300]}"
        return message_figure(title, f"This plot could not be drawn from {source} ({reason}). The table is complete.")


def top_terms_figure(
    table: pd.DataFrame,
    *,
    title: str,
    fdr_threshold: float,
    top_terms: int,
    style: str = "dot",
) -> Figure | SvgChart:
    """The most significant terms of one list (one query): a dot or bar plot (:mod:`svg_charts`).

    Dot: x = gene ratio (overlap / list genes in the background), size =
    overlap, colour = -log10 adjusted p. Bar: length = -log10 adjusted p, the
    overlap ``k/K`` written at the end of each bar, the threshold dashed.
    A table with several queries (a gmt input) is drawn as a terms x queries
    dot matrix instead (:func:`comparison_figure`).
    """
    if style not in PLOT_STYLES:
        raise ValueError(f"plot style must be one of {', '.join(PLOT_STYLES)}, not {style!r}.")
    if table["query"].nunique() > 1:
        return comparison_figure(
            table, title=title, fdr_threshold=fdr_threshold, top_terms=top_terms, p_column="adjusted_p_value"
        )
    significant = table[is_significant(table["adjusted_p_value"], fdr_threshold)]
    if significant.empty:
        return message_figure(title, nothing_significant(table, fdr_threshold))
    shown = significant.sort_values(["adjusted_p_value", "p_value"], kind="stable").head(top_terms)
    background = int(shown["background_size"].iloc[0])
    return top_terms_chart(
        labels=[short_label(t) for t in shown["term"]],
        overlaps=[int(v) for v in shown["overlap_size"]],
        overlap_texts=[str(v) for v in shown["overlap"]],
        ratios=shown["overlap_size"].to_numpy(dtype=float) / shown["query_size"].to_numpy(dtype=float),
        strengths=minus_log10(shown["adjusted_p_value"]),
        title_lines=[
            title,
            f"{len(significant)} terms with FDR < {fdr_threshold:g} (top {len(shown)} shown)",
            f"background: {background:,} genes",
        ],
        style=style,
        threshold_strength=float(-np.log10(fdr_threshold)),
    )


def comparison_figure(
    table: pd.DataFrame,
    *,
    title: str,
    fdr_threshold: float,
    top_terms: int,
    p_column: str = "joint_adjusted_p_value",
    list_column: str = "query",
    list_order: list[str] | None = None,
) -> Figure:
    """Terms x lists dot plot: size = overlap, colour = -log10 of ``p_column``.

    Each list shows its own best terms, as clusterProfiler's compareCluster plots do: the terms are
    taken in turns, each list's best significant term first, then each one's second, ..., until
    ``top_terms``; so a list with weaker p-values is not crowded out by a stronger one. Columns are
    the lists in ``list_order`` (the sheet's order, the same for every library; default: table
    order), at most :data:`MAX_COLUMNS` (then the lists with the best terms), so a list without
    dots is a list with nothing to show.
    """
    significant = table[is_significant(table[p_column], fdr_threshold)]
    if significant.empty:
        return message_figure(title, nothing_significant(table, fdr_threshold, p_column))
    order = {name: i for i, name in enumerate(list_order or table[list_column].drop_duplicates())}
    best_lists = table.groupby(list_column, sort=False)[p_column].min()
    lists = list(best_lists.sort_values(kind="stable").index[:MAX_COLUMNS])
    lists.sort(key=lambda name: order.get(name, len(order)))
    ranked = significant[significant[list_column].isin(lists)].sort_values(p_column, kind="stable")
    turns = ranked.groupby(list_column, sort=False).cumcount()
    ranked = ranked.assign(turn=turns, column=ranked[list_column].map(lists.index))
    terms = list(dict.fromkeys(ranked.sort_values(["turn", "column"], kind="stable")["term"]))[:top_terms]
    shown = table[table["term"].isin(terms) & table[list_column].isin(lists)]
    x = shown[list_column].map({name: i for i, name in enumerate(lists)})
    y = shown["term"].map({term: len(terms) - 1 - i for i, term in enumerate(terms)})
    figure, axes = plt.subplots(figsize=(6.5 + 0.45 * len(lists), 2.2 + 0.32 * len(terms)), layout="constrained")
    points = axes.scatter(
        x,
        y,
        s=20 + 20 * shown["overlap_size"].astype(float),
        c=minus_log10(shown[p_column]),
        cmap=COLOUR_MAP,
        edgecolors=np.where(is_significant(shown[p_column], fdr_threshold), "black", "none"),
    )
    figure.colorbar(points, ax=axes, label=f"-log10 {p_column.replace('_', ' ')}", shrink=0.6)
    handles, sizes = points.legend_elements("sizes", num=4, func=lambda area: (area - 20) / 20)
    axes.legend(handles, sizes, title="overlap", loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    axes.set_xticks(range(len(lists)), [short_label(name, 30) for name in lists], rotation=60, ha="right")
    axes.set_yticks(range(len(terms)), [short_label(term) for term in reversed(terms)])
    axes.set_xlim(-0.6, len(lists) - 0.4)
    axes.set_ylim(-0.6, len(terms) - 0.4)
    listed = table[list_column].nunique()
    more = f"; {len(lists)} of {listed} lists shown" if len(lists) < listed else ""
    axes.set_title(f"{title}\ntop {len(terms)} terms{more}; outlined: FDR < {fdr_threshold:g}", fontsize=10)
    return figure


def save_svg(figure: Figure | SvgChart, path: str | Path) -> None:
    """Write a figure as SVG (no date, text as text), atomically, and close it."""
    if isinstance(figure, SvgChart):
        write_text(figure.svg(), path)
        return
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(figure)
    write_text(buffer.getvalue(), path)

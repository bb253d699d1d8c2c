"""The cargo network figure: cargo -> target -> pathway, in three columns.

Edges drawn, most telling first, until ``max_targets`` targets are shown:
relations stated in the text (also those miRTarBase validates), then strong
miRTarBase targets hit by the most cargo. A target's pathway is the first
term of its ``pathways`` column when that term is enriched for the list; a
pathway named as the target in the text sits directly in the pathway column.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch

from exocargo.report.plots import message_figure, plt, save_svg

SOURCE_COLOURS = {"text": "#b2182b", "text+mirtarbase": "#762a83", "mirtarbase": "#2166ac"}
NODE_COLOURS = {"cargo": "#fddbc7", "target": "#f7f7f7", "pathway": "#d9f0d3"}
LABEL_LENGTH = 40
LABEL_GAP = 0.22  # half a label's width, in column units


def _short(text: str, length: int = LABEL_LENGTH) -> str:
    return text if len(text) <= length else text[: length - 1] + "\u2026"


def _first_enriched(pathways: str) -> str:
    """The first term of a ``pathways`` cell if it is enriched for the list (its label carries ``q=``)."""
    first = pathways.split("; ")[0]
    return first.split(" [")[0] if ", q=" in first else ""


def network_edges(table: pd.DataFrame, *, max_targets: int = 30) -> pd.DataFrame:
    """``cargo``, ``target``, ``target_type``, ``pathway``, ``source``, ``effect`` rows to draw."""
    rows = table[table["target_symbol"] != ""].copy()
    rows["pathway"] = [
        symbol if kind == "pathway" else _first_enriched(pathways)
        for symbol, kind, pathways in rows[["target_symbol", "target_type", "pathways"]].itertuples(index=False)
    ]
    stated = rows[rows["source"] != "mirtarbase"]
    strong = rows[(rows["source"] == "mirtarbase") & (rows["evidence_strength"] == "strong")]
    popularity = strong.groupby("target_symbol")["cargo"].nunique().sort_values(ascending=False, kind="stable")
    chosen: list[str] = []
    for target in [*stated["target_symbol"], *popularity.index]:
        if target not in chosen and len(chosen) < max_targets:
            chosen.append(target)
    edges = pd.concat([stated, strong[strong["target_symbol"].isin(chosen)]])
    edges = edges[edges["target_symbol"].isin(chosen)]
    return edges.drop_duplicates(["cargo", "target_symbol"])[
        ["cargo", "target_symbol", "target_type", "pathway", "source", "effect"]
    ]


def network_figure(table: pd.DataFrame, *, title: str, max_targets: int = 30, why_empty: str = "") -> Figure:
    """Three columns of labelled nodes joined by arrows coloured by evidence source."""
    edges = network_edges(table, max_targets=max_targets)
    if edges.empty:
        reason = why_empty or ("no cargo in this list" if table.empty else "no cargo with a stated or validated target")
        return message_figure(title, f"No cargo-target network to draw: {reason}.")
    cargo = list(dict.fromkeys(edges["cargo"]))
    targets = list(dict.fromkeys(edges.loc[edges["target_type"] != "pathway", "target_symbol"]))
    pathways = list(dict.fromkeys(p for p in edges["pathway"] if p))
    height = max(len(cargo), len(targets), len(pathways), 4)
    figure = plt.figure(figsize=(12, 0.32 * height + 1.5))
    axes = figure.add_axes((0.02, 0.02, 0.96, 0.88))
    axes.set_axis_off()
    axes.set_xlim(-0.4, 2.45)
    axes.set_ylim(-1, height)

    def column(names: list[str], x: float) -> dict[str, tuple[float, float]]:
        step = height / max(len(names), 1)
        return {name: (x, height - step * (i + 0.5)) for i, name in enumerate(names)}

    places = {"cargo": column(cargo, 0.0), "target": column(targets, 1.0), "pathway": column(pathways, 2.0)}

    def arrow(start: tuple[float, float], end: tuple[float, float], colour: str, style: str) -> None:
        """From the right edge of one label to the left edge of the next column's label."""
        begin, finish = (start[0] + LABEL_GAP, start[1]), (end[0] - LABEL_GAP, end[1])
        axes.add_patch(
            FancyArrowPatch(
                begin,
                finish,
                arrowstyle="-|>",
                mutation_scale=8,
                color=colour,
                linestyle=style,
                lw=0.8,
                alpha=0.8,
                shrinkA=0,
                shrinkB=0,
            )
        )

    for row in edges.itertuples(index=False):
        colour = SOURCE_COLOURS.get(row.source, "#555555")
        style = "--" if row.effect in ("down", "inhibits") else "-"
        if row.target_type == "pathway":
            arrow(places["cargo"][row.cargo], places["pathway"][row.target_symbol], colour, style)
            continue
        arrow(places["cargo"][row.cargo], places["target"][row.target_symbol], colour, style)
        if row.pathway:
            arrow(places["target"][row.target_symbol], places["pathway"][row.pathway], "#9e9e9e", "-")
    for kind, nodes in places.items():
        for name, (x, y) in nodes.items():
            axes.text(
                x,
                y,
                _short(name),
                ha="center",
                va="center",
                fontsize=7,
                bbox={"boxstyle": "round", "fc": NODE_COLOURS[kind], "ec": "#888888", "lw": 0.5},
            )
    for x, heading in ((0, "cargo"), (1, "target"), (2, "pathway")):
        axes.text(x, height - 0.1, heading, ha="center", va="bottom", fontsize=9, weight="bold")
    figure.suptitle(
        f"{title}\nred: stated in text; purple: stated and in miRTarBase; blue: miRTarBase (strong); dashed: down/inhibits",
        fontsize=9,
    )
    return figure


def write_network_plot(
    table: pd.DataFrame, path: str | Path, *, title: str, max_targets: int = 30, why_empty: str = ""
) -> None:
    save_svg(network_figure(table, title=title, max_targets=max_targets, why_empty=why_empty), path)

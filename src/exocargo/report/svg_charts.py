"""Charts written straight to SVG: the per-list top-terms plot (dot or bar) and enrichment map.

A sheet of a few hundred lists draws a thousand of these. matplotlib spent about 150 ms on each,
most of it measuring every label with FreeType for its constrained layout; this writer takes about
a millisecond. Nothing needs measuring: term names are right-aligned by the SVG text anchor at the
plot's left edge, and only the left margin is estimated from the longest label's length (an
over-estimate only adds white space). Text stays text (searchable, selectable), the colours are
matplotlib's ``viridis_r`` like the other plots, and equal inputs give equal bytes.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import to_hex

from exocargo.report.html import render

FONT = 12  # px, labels
LINE = 16  # px between title lines
CHAR_WIDTH = 0.62 * FONT  # a generous mean advance of one sans-serif character
COLOUR_MAP = "viridis_r"
BAR_COLOUR = "#4878a8"


def number(value: float) -> str:
    """A coordinate as SVG text: two decimals at most, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if math.isfinite(value) else "0"


@dataclass
class SvgChart:
    """A drawing: a canvas size and its shapes in drawing order; :meth:`svg` gives the document."""

    width: float
    height: float
    shapes: list[tuple[str, dict[str, str], str]] = field(default_factory=list)
    gradient: list[tuple[str, str]] = field(default_factory=list)  # (offset, colour), bottom to top

    def add(self, tag: str, text: str = "", **attributes: object) -> None:
        """One shape; ``stroke_width=`` is written ``stroke-width``, numbers as :func:`number`."""
        written = {
            name.rstrip("_").replace("_", "-"): number(value) if isinstance(value, (int, float)) else str(value)
            for name, value in attributes.items()
        }
        self.shapes.append((tag, written, text))

    def label(self, x: float, y: float, text: str, *, anchor: str = "start", **attributes: object) -> None:
        self.add("text", text, x=x, y=y, text_anchor=anchor, **attributes)

    def svg(self) -> str:
        return render("chart.svg", chart=self, width=number(self.width), height=number(self.height))


def message_chart(title: str, message: str, *, width: int = 90) -> SvgChart:
    """The title and a message, its lines wrapped at ``width`` characters, centred."""
    lines = [wrapped for line in message.split("\n") for wrapped in textwrap.wrap(line, width) or [""]]
    chart = SvgChart(max(672.0, CHAR_WIDTH * min(width, max(map(len, lines + [title])))), 64 + LINE * len(lines) + 24)
    title_block(chart, [title], chart.width / 2)
    for number_, line in enumerate(lines):
        chart.label(chart.width / 2, 60 + LINE * number_, line, anchor="middle")
    return chart


def colour_at(fraction: float) -> str:
    """The ``viridis_r`` colour at ``fraction`` (0-1) of the scale, as ``#rrggbb``."""
    return to_hex(colormaps[COLOUR_MAP](fraction))


def colours(values: np.ndarray) -> list[str]:
    """``viridis_r`` colours of ``values`` scaled to their own range (as matplotlib's scatter does)."""
    low, high = float(np.min(values)), float(np.max(values))
    scaled = (values - low) / (high - low) if high > low else np.zeros(len(values))
    return [colour_at(float(v)) for v in scaled]


def nice_ticks(high: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to ``high``: steps of 1, 2, 2.5 or 5 times a power of ten."""
    if not high > 0:
        return [0.0]
    step = 10 ** math.floor(math.log10(high / count))
    for factor in (1, 2, 2.5, 5, 10):
        if high / (step * factor) <= count:
            step *= factor
            break
    return [i * step for i in range(int(high / step + 1e-9) + 1)]


def tick_text(value: float) -> str:
    return f"{value:.4g}"


def colour_bar(chart: SvgChart, x: float, top: float, height: float, values: np.ndarray, title: str) -> None:
    """A vertical colour scale of ``values`` with its low, middle and high values written beside it."""
    chart.gradient = [(number(i / 10), colour_at(i / 10)) for i in range(11)]
    chart.label(x, top - 8, title, font_size=FONT - 1)
    chart.add("rect", x=x, y=top, width=14, height=height, fill="url(#scale)", stroke="#555", stroke_width=0.5)
    low, high = float(np.min(values)), float(np.max(values))
    for fraction in (0.0, 0.5, 1.0):
        y = top + height * (1 - fraction)
        chart.add("line", x1=x + 14, y1=y, x2=x + 18, y2=y, stroke="#555")
        chart.label(x + 21, y + 4, tick_text(low + fraction * (high - low)), font_size=FONT - 2)


def title_block(chart: SvgChart, lines: list[str], x: float) -> None:
    for number_, line in enumerate(lines):
        weight = {"font_weight": "bold", "font_size": FONT + 1} if number_ == 0 else {}
        chart.label(x, 18 + LINE * number_, line, anchor="middle", **weight)


def top_terms_chart(
    *,
    labels: list[str],
    overlaps: list[int],
    overlap_texts: list[str],
    ratios: np.ndarray,
    strengths: np.ndarray,
    title_lines: list[str],
    style: str,
    threshold_strength: float,
) -> SvgChart:
    """Best term first, one row each: a dot at its gene ratio (size: overlap, colour: strength) or
    a bar of its strength (-log10 adjusted p) with the overlap written at its end."""
    row, plot_width = 22.0, 380.0
    left = 16 + CHAR_WIDTH * max(len(label) for label in labels)
    top = 18 + LINE * len(title_lines) + 12
    right = 170.0 if style == "dot" else 40.0
    height = top + row * len(labels) + 56
    chart = SvgChart(left + plot_width + right, max(height, top + 160 + 56) if style == "dot" else height)
    title_block(chart, title_lines, chart.width / 2)
    plot_height = row * len(labels)
    if style == "dot":
        high = float(np.max(ratios)) * 1.15
        axis_label = "gene ratio (overlap / list genes in the background)"
    else:
        high = max(float(np.max(strengths)), threshold_strength) * 1.15
        axis_label = f"-log10 adjusted p (dashed: FDR {10**-threshold_strength:g})"
    ticks = nice_ticks(high)
    high = max(high, ticks[-1])

    def to_x(value: float) -> float:
        return left + plot_width * value / high

    for tick in ticks:
        chart.add("line", x1=to_x(tick), y1=top, x2=to_x(tick), y2=top + plot_height, stroke="#e6e6e6")
        chart.label(to_x(tick), top + plot_height + 16, tick_text(tick), anchor="middle", font_size=FONT - 2)
    chart.add("rect", x=left, y=top, width=plot_width, height=plot_height, fill="none", stroke="#444")
    chart.label(left + plot_width / 2, top + plot_height + 38, axis_label, anchor="middle")
    largest = max(overlaps)

    def radius(overlap: int) -> float:
        return 3 + 7 * math.sqrt(overlap / largest)

    fills = colours(strengths)
    for i, label in enumerate(labels):
        middle = top + row * (i + 0.5)
        chart.label(left - 6, middle + 4, label, anchor="end")
        if style == "dot":
            chart.add(
                "circle",
                cx=to_x(ratios[i]),
                cy=middle,
                r=radius(overlaps[i]),
                fill=fills[i],
                stroke="#333",
                stroke_width=0.4,
            )
        else:
            chart.add(
                "rect",
                x=left,
                y=middle - row * 0.35,
                width=to_x(strengths[i]) - left,
                height=row * 0.7,
                fill=BAR_COLOUR,
            )
            chart.label(to_x(strengths[i]) + 4, middle + 4, overlap_texts[i], font_size=FONT - 2)
    if style == "bar":
        x = to_x(threshold_strength)
        chart.add("line", x1=x, y1=top, x2=x, y2=top + plot_height, stroke="grey", stroke_dasharray="5,3")
        return chart
    legend = left + plot_width + 24
    colour_bar(chart, legend, top + 14, 90, strengths, "-log10 adjusted p")
    chart.label(legend, top + 136, "overlap", font_size=FONT - 1)
    sizes = sorted({int(round(v)) for v in np.linspace(min(overlaps), largest, 4)})
    y = top + 150
    for size in sizes:
        y += radius(size)
        chart.add("circle", cx=legend + 10, cy=y, r=radius(size), fill="#888", stroke="#333", stroke_width=0.4)
        chart.label(legend + 26, y + 4, str(size), font_size=FONT - 2)
        y += radius(size) + 4
    chart.height = max(chart.height, y + 10)
    return chart


def map_chart(
    *,
    positions: np.ndarray,
    labels: list[str],
    overlaps: list[int],
    strengths: np.ndarray,
    edges: list[tuple[int, int, float]],
    title_lines: list[str],
) -> SvgChart:
    """Terms as dots at ``positions`` (any units, drawn at equal aspect), lines for ``edges``
    ``(i, j, jaccard)``, each term named beside its dot, a colour scale on the right."""
    size, top = 600.0, 18 + LINE * len(title_lines) + 10
    chart = SvgChart(size + 260, top + size + 20)
    title_block(chart, title_lines, chart.width / 2)
    low, high = positions.min(axis=0), positions.max(axis=0)
    span = max(float(np.max(high - low)), 1e-9) * 1.5  # a quarter of the span spare on each side
    centre = (low + high) / 2

    def to_xy(point: np.ndarray) -> tuple[float, float]:
        return 60 + size * (0.5 + (point[0] - centre[0]) / span), top + size * (0.5 - (point[1] - centre[1]) / span)

    for i, j, share in edges:
        (x1, y1), (x2, y2) = to_xy(positions[i]), to_xy(positions[j])
        chart.add(
            "line", x1=x1, y1=y1, x2=x2, y2=y2, stroke="#999999", stroke_opacity=0.5, stroke_width=0.5 + 3 * share
        )
    largest = max(overlaps)
    fills = colours(strengths)
    for point, overlap, fill in zip(positions, overlaps, fills):
        x, y = to_xy(point)
        chart.add(
            "circle", cx=x, cy=y, r=4 + 10 * math.sqrt(overlap / largest), fill=fill, stroke="black", stroke_width=0.5
        )
    for point, overlap, label in zip(positions, overlaps, labels):
        x, y = to_xy(point)
        shift = 4 + 10 * math.sqrt(overlap / largest)
        chart.label(x + shift, y - shift, label, font_size=FONT - 2)
    colour_bar(chart, 60 + size + 60, top + 40, 160, strengths, "-log10 adjusted p value")
    return chart

"""Enrichment plots: what a reader sees in the SVG."""

from __future__ import annotations

import re

import numpy as np
import pytest

from exocargo.enrichment.compare import column_order, compare_lists
from exocargo.enrichment.ora import ora_batch
from exocargo.report.plots import comparison_figure, drawn_or_explained, save_svg, top_terms_figure

LIBRARY = {
    "Insulin signalling": [str(i) for i in range(1, 21)],
    "Apoptosis": [str(i) for i in range(21, 41)],
    "Cell cycle": [str(i) for i in range(41, 61)],
    "Unrelated": [str(i) for i in range(61, 400)],
}
STRONG = {"strong": [str(i) for i in range(1, 13)] + [str(i) for i in range(21, 29)]}
WEAK = {"weak": ["1", "45", "100", "200", "300"]}


def svg_text(figure, tmp_path, name="plot.svg") -> str:
    path = tmp_path / name
    save_svg(figure, path)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("style", ["dot", "bar"])
def test_top_terms_plot_names_the_significant_terms(tmp_path, style):
    table = ora_batch(STRONG, LIBRARY)
    text = svg_text(
        top_terms_figure(table, title="strong: toy", fdr_threshold=0.05, top_terms=10, style=style), tmp_path
    )
    assert "Insulin signalling" in text and "Apoptosis" in text
    assert "Cell cycle" not in text  # no overlap, so not a result
    assert "background: 399 genes" in text
    if style == "bar":
        assert "12/20" in text  # the overlap is written at the bar


def test_nothing_significant_is_said_in_the_plot(tmp_path):
    table = ora_batch(WEAK, LIBRARY)
    assert not (table["adjusted_p_value"] < 0.05).any()
    text = svg_text(top_terms_figure(table, title="weak: toy", fdr_threshold=0.05, top_terms=10), tmp_path)
    assert "No term reached FDR &lt; 0.05." in text
    assert "Best term: " in text
    empty = ora_batch({"none": ["1000"]}, LIBRARY, background=[str(i) for i in range(1, 1001)])
    text = svg_text(top_terms_figure(empty, title="none: toy", fdr_threshold=0.05, top_terms=10), tmp_path)
    assert "No term shares a gene with the list." in text


def test_comparison_dot_plot_has_terms_and_lists(tmp_path):
    comparison = compare_lists({"strong": ora_batch(STRONG, LIBRARY), "weak": ora_batch(WEAK, LIBRARY)})
    figure = comparison_figure(
        comparison, title="All lists: toy", fdr_threshold=0.05, top_terms=10, list_column="list_id"
    )
    text = svg_text(figure, tmp_path)
    for label in ("Insulin signalling", "Apoptosis", "strong", "weak", "overlap", "joint adjusted p value"):
        assert label in text


def test_svg_bytes_do_not_depend_on_the_run(tmp_path):
    table = ora_batch(STRONG, LIBRARY)
    first = svg_text(top_terms_figure(table, title="t", fdr_threshold=0.05, top_terms=5), tmp_path, "a.svg")
    second = svg_text(top_terms_figure(table, title="t", fdr_threshold=0.05, top_terms=5), tmp_path, "b.svg")
    assert first == second and "<dc:date>" not in first


def test_each_list_shows_its_own_best_terms_in_sheet_order():
    """compareCluster's convention: a list with weaker p-values still shows its best term."""
    rng = np.random.default_rng(3)
    background = [str(g) for g in range(1, 2001)]
    library = {f"A{i}": [str(g) for g in range(1 + 10 * i, 11 + 10 * i)] for i in range(8)}
    library["B0"] = [str(g) for g in range(1001, 1021)]
    library |= {f"noise{i}": [str(g) for g in rng.choice(np.arange(1, 2001), 30, replace=False)] for i in range(30)}
    strong = [str(g) for i in range(8) for g in range(1 + 10 * i, 9 + 10 * i)]  # 8 of 10 genes of every A term
    weak = [str(g) for g in range(1001, 1007)] + [str(g) for g in range(1500, 1520)]  # 6 of 20 genes of B0
    tables = {
        "weak": ora_batch({"weak": weak}, library, background=background),
        "strong": ora_batch({"strong": strong}, library, background=background),
    }
    comparison = compare_lists(tables)
    assert comparison["term"].iloc[:8].str.startswith("A").all()  # every A term beats B0
    figure = comparison_figure(
        comparison, title="t", fdr_threshold=0.05, top_terms=4, list_column="list_id", list_order=column_order(tables)
    )
    axes = figure.axes[0]
    terms = [label.get_text() for label in axes.get_yticklabels()]
    columns = [label.get_text() for label in axes.get_xticklabels()]
    assert "B0" in terms and len(terms) == 4
    assert columns == ["weak", "strong"]  # the sheet's order, not the order of the best p-values


def test_enrichment_map_names_its_terms_and_groups_or_says_there_is_nothing(tmp_path):
    from exocargo.enrichment.redundancy import term_groups
    from exocargo.report.enrichment_map import enrichment_map_figure

    table = ora_batch(STRONG, LIBRARY)
    table["term_group"] = term_groups(table, fdr_threshold=0.05, min_jaccard=0.5).to_numpy()
    significant = table[table["adjusted_p_value"] < 0.05]
    text = svg_text(enrichment_map_figure(table, title="strong: toy", fdr_threshold=0.05, top_terms=10), tmp_path)
    groups = significant["term_group"].nunique()
    assert f"{len(significant)} best terms in {groups} groups" in text
    assert all(term[:20] in text for term in significant["term"])
    weak = ora_batch(WEAK, LIBRARY)
    text = svg_text(enrichment_map_figure(weak, title="weak: toy", fdr_threshold=0.05, top_terms=10), tmp_path)
    assert "No term reached FDR &lt; 0.05." in text


@pytest.mark.parametrize("style", ["dot", "bar"])
def test_dollar_signs_and_backslashes_in_names_are_drawn_as_written(tmp_path, style):
    # Term and list names are user text: "$...$" must not be read as matplotlib mathtext (it used to
    # crash the plot job with a parse error that named neither the term nor the file).
    hostile = {"$\\frac{x$ pathway": LIBRARY["Insulin signalling"], "cost $5 vs $10": LIBRARY["Apoptosis"]}
    table = ora_batch({"$\\alpha$ list": STRONG["strong"]}, {**hostile, "Unrelated": LIBRARY["Unrelated"]})
    figure = top_terms_figure(table, title="$\\alpha$ list: toy $x^2$", fdr_threshold=0.05, top_terms=10, style=style)
    text = svg_text(figure, tmp_path)
    assert "$\\frac{x$ pathway" in text and "cost $5 vs $10" in text and "$\\alpha$ list: toy $x^2$" in text
    other = ora_batch({"b": WEAK["weak"]}, {**hostile, "Unrelated": LIBRARY["Unrelated"]})
    comparison = compare_lists({"$a$ list": table, "b_{1}^$": other})
    figure = comparison_figure(comparison, title="All $lists$", fdr_threshold=0.05, top_terms=10, list_column="list_id")
    text = svg_text(figure, tmp_path, "comparison.svg")
    assert "$a$ list" in text and "b_{1}^$" in text and "$\\frac{x$ pathway" in text


def test_a_plot_that_cannot_be_drawn_says_why_and_from_which_file(tmp_path):
    def broken():
        raise ValueError("no finite values to draw")

    figure = drawn_or_explained(broken, title="demo: KEGG", source="results/enrichment/demo.KEGG.tsv")
    words = " ".join(re.sub(r"<[^>]+>", " ", svg_text(figure, tmp_path)).split())  # wrapped lines joined
    assert "demo: KEGG" in words and "results/enrichment/demo.KEGG.tsv" in words
    assert "ValueError: no finite values to draw" in words


@pytest.mark.parametrize("style", ["dot", "bar", "map"])
def test_plots_are_well_formed_svg_even_for_markup_in_names(tmp_path, style):
    from xml.etree import ElementTree

    from exocargo.report.enrichment_map import enrichment_map_figure

    hostile = {'<script>alert("x")</script> & co': LIBRARY["Insulin signalling"], "Apoptosis": LIBRARY["Apoptosis"]}
    table = ora_batch({"a<b>": STRONG["strong"]}, {**hostile, "Unrelated": LIBRARY["Unrelated"]})
    options = {"title": "a<b>: toy", "fdr_threshold": 0.05, "top_terms": 10}
    if style == "map":
        figure = enrichment_map_figure(table, **options)
    else:
        figure = top_terms_figure(table, style=style, **options)
    root = ElementTree.fromstring(svg_text(figure, tmp_path).encode("utf-8"))
    texts = [element.text for element in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "a<b>: toy" in texts
    assert any(text and text.startswith("<script>alert") for text in texts)  # drawn as text, not markup
    assert not list(root.iter("{http://www.w3.org/2000/svg}script"))

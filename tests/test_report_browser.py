"""End to end: the demo (plus a list full of HTML) rendered, opened in headless Chromium.

Chromium is Debian's ``chromium``, started here with the flags below and driven
over its DevTools protocol by Playwright (no browser download). The fixture
installs the Debian package when it is missing (CI runs as root on a fresh
machine). Screenshots go to ``tests/artifacts/``.
"""

from __future__ import annotations

import re
import subprocess
import time
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import CHROMIUM_FLAGS, REPO, install_chromium, make_workdir, run_workflow

ARTIFACTS = REPO / "tests" / "artifacts"
SCRIPT_TAG = "<script>alert(1)</script>"
IMG_TAG = "<img src=x onerror=alert(1)>"
FLAG_TAG = "<script>window.__xss = 1</script>"
HOSTILE_ID = "hostile_names"
DEMO_IDS = ("seed_figure", "exosome_cargo", "cargo_relations")

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Chromium started with the required flags; Playwright attached over CDP."""
    from playwright.sync_api import sync_playwright

    chromium = install_chromium()
    folder = tmp_path_factory.mktemp("chromium")
    log = folder / "stderr.log"
    with open(log, "w") as stderr:
        process = subprocess.Popen(
            [str(chromium), *CHROMIUM_FLAGS, "--remote-debugging-port=0", f"--user-data-dir={folder / 'profile'}"],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        match = None
        deadline = time.monotonic() + 60
        while match is None and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.1)
            match = re.search(r"DevTools listening on (ws://\S+)", log.read_text(errors="replace"))
        assert match, f"chromium did not start:\n{log.read_text(errors='replace')[-3000:]}"
        with sync_playwright() as playwright:
            connection = playwright.chromium.connect_over_cdp(match.group(1))
            yield connection
            connection.close()
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The demo sheet plus a genes list whose names and description are HTML."""
    demo_rows = (REPO / "config" / "genelists.tsv").read_text().splitlines()[1:]
    rows = [dict(zip(["list_id", "path", "kind", "description"], line.split("\t"))) for line in demo_rows]
    rows.append(
        {
            "list_id": HOSTILE_ID,
            "path": "config/hostile_names.txt",
            "kind": "genes",
            "description": f"Names that are HTML {SCRIPT_TAG} {FLAG_TAG} {IMG_TAG}",
        }
    )
    work = make_workdir(tmp_path_factory.mktemp("report"), rows)
    (work / "config" / "hostile_names.txt").write_text(f"PTEN\nAKT1\nmiR-21\n{SCRIPT_TAG}\n{IMG_TAG}\n{FLAG_TAG}\n")
    run_workflow(work)
    return work


def open_offline(browser, path: Path, screenshot: str):
    """Open ``path`` with the network off; return the page, every request URL and every dialog."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_offline(True)
    requests: list[str] = []
    dialogs: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri(), wait_until="load")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / screenshot), full_page=False)
    return page, requests, dialogs


def assert_no_request_left_file(requests: list[str]) -> None:
    outside = [url for url in requests if urlparse(url).scheme not in ("file", "data")]
    assert requests and not outside, f"requests outside file://: {outside}"


def column_values(page, table_id: str, header: str) -> list[str]:
    """The visible cells of one column, as their sort value (numbers) or text."""
    return page.evaluate(
        """([tableId, header]) => {
            const table = document.querySelector(`#${tableId} table`);
            const index = [...table.tHead.rows[0].cells].findIndex(c => c.textContent.trim() === header);
            return [...table.tBodies[0].rows].filter(r => !r.hidden).map(r => {
                const cell = r.cells[index];
                return cell.getAttribute("data-value") ?? cell.textContent.trim();
            });
        }""",
        [table_id, header],
    )


def visible_image_sizes(page) -> list[tuple[int, int]]:
    """Rendered size of every decoded plot image."""
    return [
        tuple(size)
        for size in page.evaluate(
            "() => [...document.querySelectorAll('figure img')]"
            ".filter(img => img.complete && img.naturalWidth > 0)"
            ".map(img => [img.getBoundingClientRect().width, img.getBoundingClientRect().height])"
        )
    ]


def test_list_report_tables_plots_sorting_and_filtering(browser, demo):
    page, requests, dialogs = open_offline(browser, demo / "results/report/exosome_cargo.html", "list_report.png")
    assert page.locator("#mapping-all tbody tr").count() > 0
    assert page.locator("#cargo-targets tbody tr").count() > 0
    count = page.locator("#mapping-all .row-count").inner_text()
    assert re.fullmatch(r"(\d+) of \1 rows shown", count), count
    sizes = visible_image_sizes(page)
    assert sizes and all(width > 50 and height > 50 for width, height in sizes)

    table = "enrichment-table-KEGG_2021_Human"
    header = page.locator(f"#{table} th", has_text=re.compile(r"^odds_ratio$"))
    header.click()
    ascending = [float(v) for v in column_values(page, table, "odds_ratio")]
    assert len(ascending) > 1 and ascending == sorted(ascending)
    assert header.get_attribute("aria-sort") == "ascending"
    header.click()
    descending = [float(v) for v in column_values(page, table, "odds_ratio")]
    assert descending == sorted(ascending, reverse=True)
    page.locator(f"#{table} th", has_text=re.compile(r"^term$")).click()
    terms = column_values(page, table, "term")
    assert terms == sorted(terms, key=str.lower)

    shown = len(column_values(page, table, "term"))
    page.locator(f"#{table} input.show-all").check()
    assert len(column_values(page, table, "term")) > shown

    page.locator("#mapping-all input[type=search]").fill("miR-21")
    names = column_values(page, "mapping-all", "input_name")
    assert names and all("mir-21" in name.lower() for name in names)
    page.screenshot(path=str(ARTIFACTS / "list_report_sorted_filtered.png"))
    assert_no_request_left_file(requests)
    assert dialogs == []


def test_hostile_names_show_as_text_and_run_nothing(browser, demo):
    page, requests, dialogs = open_offline(browser, demo / f"results/report/{HOSTILE_ID}.html", "hostile_report.png")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.evaluate("() => window.__xss") is None
    assert page.locator("body img:not(figure img)").count() == 0
    header = page.locator("header p").inner_text()
    assert SCRIPT_TAG in header and IMG_TAG in header and FLAG_TAG in header
    unresolved = page.locator("#mapping-unresolved").inner_text()
    assert SCRIPT_TAG in unresolved and IMG_TAG in unresolved
    assert_no_request_left_file(requests)

    index, index_requests, index_dialogs = open_offline(
        browser, demo / "results/report/index.html", "hostile_index.png"
    )
    assert index_dialogs == [] and index.evaluate("() => window.__xss") is None
    assert SCRIPT_TAG in index.locator("#list-table").inner_text()
    assert_no_request_left_file(index_requests)


def test_index_lists_every_list_with_status_links_and_plots(browser, demo):
    page, requests, dialogs = open_offline(browser, demo / "results/report/index.html", "index.png")
    rows = page.locator("#list-table tbody tr")
    assert rows.count() == 4
    statuses = column_values(page, "list-table", "status")
    assert statuses == ["OK"] * 4
    sizes = visible_image_sizes(page)
    assert sizes and all(width > 50 and height > 50 for width, height in sizes)
    assert page.locator("#download-table tbody tr").count() > 0

    index = demo / "results/report/index.html"
    hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    targets = [index.parent / unquote(h) for h in hrefs if not h.startswith("#")]
    missing = [str(t) for t in targets if not t.exists()]
    assert targets and not missing, f"links to missing files: {missing}"

    page.locator("#list-table a", has_text=re.compile("^seed_figure$")).click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/results/report/seed_figure.html")
    assert "Agreement with PFOCR" in page.locator("#mapping").inner_text()
    assert_no_request_left_file(requests)
    assert dialogs == []


def test_results_zip_holds_the_pages_and_every_table(demo):
    results = demo / "results"
    with zipfile.ZipFile(results / "report/exocargo_results.zip") as archive:
        names = set(archive.namelist())
    expected = {p.relative_to(results).as_posix() for p in results.rglob("*.tsv")}
    expected |= {p.relative_to(results).as_posix() for p in (results / "report").rglob("*.html")}
    expected |= {p.relative_to(results).as_posix() for p in (results / "report/tables").glob("*.xlsx")}
    assert expected <= names
    assert "report/exocargo_results.zip" not in names


def test_snakemake_report_contains_the_marked_outputs(demo):
    run_workflow(demo, "--report", "report.zip")
    with zipfile.ZipFile(demo / "report.zip") as archive:
        names = archive.namelist()
        html = archive.read(next(n for n in names if n.endswith("report.html"))).decode()
    marked = [f"{list_id}.html" for list_id in (*DEMO_IDS, HOSTILE_ID)]
    marked += [f"{list_id}.xlsx" for list_id in DEMO_IDS]
    marked += ["index.html", "comparison.KEGG_2021_Human.svg", "seed_figure.KEGG_2021_Human.svg"]
    missing = [name for name in marked if not any(entry.endswith("/" + name) for entry in names)]
    assert not missing, f"not in report.zip: {missing}"
    assert "Benjamini-Hochberg" in html

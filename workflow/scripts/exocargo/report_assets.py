"""CSS and JavaScript inlined into every HTML report (ours; no CDN, no request).

The script makes tables sortable (click a header; numbers sort by their
``data-value``), filterable (a text box) and lets the reader show rows marked
``data-significant="0"``. The page's Content-Security-Policy allows exactly
this script by its sha256, so nothing else can run, even if a value ever
escaped the HTML escaping.
"""

from __future__ import annotations

import base64
import hashlib

STYLE = """
:root{--line:#d0d4da;--head:#eef1f5;--accent:#1f5f99;--muted:#5d6670}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2329;line-height:1.45}
header{background:#15324f;color:#fff;padding:1em 2em}
header h1{margin:0;font-size:1.5em;overflow-wrap:anywhere}
header p{margin:.3em 0 0;color:#cfdbe8}
nav{padding:.5em 2em;background:#f6f8fa;border-bottom:1px solid var(--line);font-size:.9em}
nav a{margin-right:1.2em}
main{padding:0 2em 3em;max-width:1400px}
h2{margin-top:1.8em;border-bottom:2px solid var(--line);padding-bottom:.2em}
h3{margin-top:1.4em}
a{color:var(--accent)}
code,pre{background:#f3f4f6;border-radius:3px;font-size:.9em}
code{padding:1px 4px}
pre{padding:.8em;overflow:auto;max-height:30em}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}
dl.facts dt{font-weight:600;color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.table-block{margin:1em 0}
.controls{display:flex;flex-wrap:wrap;gap:1em;align-items:center;font-size:.9em;margin-bottom:.4em}
.controls input[type=search]{padding:3px 6px;min-width:16em}
.row-count{color:var(--muted)}
.scroll{overflow:auto;max-height:40em;border:1px solid var(--line)}
table{border-collapse:collapse;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
td{overflow-wrap:break-word;max-width:28em}
td .long{max-height:6.5em;min-width:14em;overflow:auto}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
thead th{background:var(--head);position:sticky;top:0;cursor:pointer;user-select:none;vertical-align:bottom}
thead th::after{content:" \\2195";color:#9aa3ad}
thead th[aria-sort=ascending]::after{content:" \\25B2";color:var(--accent)}
thead th[aria-sort=descending]::after{content:" \\25BC";color:var(--accent)}
tbody tr:hover{background:#f7fafc}
tr[data-significant="0"] td{color:var(--muted)}
.note{color:var(--muted);font-size:.9em}
.alert{background:#fdecea;border-left:4px solid #a1260d;padding:.6em 1em;font-weight:600}
.downloads a{margin-right:1em}
figure{margin:1em 0}
figure img{max-width:100%;height:auto;border:1px solid var(--line);background:#fff}
figcaption{color:var(--muted);font-size:.9em}
.caption-text{white-space:pre-wrap}
"""

SCRIPT = """
(function () {
  "use strict";
  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) { return null; }
    var raw = cell.getAttribute("data-value");
    if (raw !== null) { return raw === "" ? null : parseFloat(raw); }
    var text = cell.textContent.trim();
    return text === "" ? null : text.toLowerCase();
  }
  function compare(a, b) {
    if (a === null && b === null) { return 0; }
    if (a === null) { return 1; }
    if (b === null) { return -1; }
    if (typeof a === "number" && typeof b === "number") { return a - b; }
    return String(a).localeCompare(String(b), undefined, {numeric: true});
  }
  function sortBy(table, header) {
    var index = Array.prototype.indexOf.call(header.parentNode.children, header);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, position) {
      return {row: row, key: cellValue(row, index), position: position};
    });
    keyed.sort(function (x, y) {
      var order = compare(x.key, y.key);
      if (x.key !== null && y.key !== null && !ascending) { order = -order; }
      return order || x.position - y.position;
    });
    keyed.forEach(function (item) { body.appendChild(item.row); });
    Array.prototype.forEach.call(header.parentNode.children, function (other) {
      other.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  function refresh(block) {
    var table = block.querySelector("table");
    var filter = block.querySelector("input[type=search]");
    var showAll = block.querySelector("input.show-all");
    var needle = filter ? filter.value.trim().toLowerCase() : "";
    var all = showAll ? showAll.checked : true;
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var visible = (all || row.getAttribute("data-significant") !== "0") &&
        (needle === "" || row.textContent.toLowerCase().indexOf(needle) !== -1);
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    var count = block.querySelector(".row-count");
    if (count) {
      count.textContent = shown + " of " + table.tBodies[0].rows.length + " rows shown";
    }
  }
  document.querySelectorAll(".table-block").forEach(function (block) {
    var table = block.querySelector("table");
    table.querySelectorAll("thead th").forEach(function (header) {
      header.setAttribute("tabindex", "0");
      header.addEventListener("click", function () { sortBy(table, header); });
      header.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(table, header); }
      });
    });
    block.querySelectorAll("input").forEach(function (input) {
      input.addEventListener("input", function () { refresh(block); });
      input.addEventListener("change", function () { refresh(block); });
    });
    refresh(block);
  });
}());
"""


def script_hash() -> str:
    """The CSP source expression that allows :data:`SCRIPT` and nothing else."""
    digest = hashlib.sha256(SCRIPT.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy() -> str:
    """No fetches at all: inline styles, data: images and our one script."""
    return (
        "default-src 'none'; "
        f"script-src {script_hash()}; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )

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

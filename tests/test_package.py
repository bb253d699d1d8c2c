"""The package's shape: installed, grouped by stage, small modules, imports in one direction, tables described once."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

import exocargo
from exocargo import tables

PACKAGE = Path(exocargo.__file__).resolve().parent
MODULES = sorted(p for p in PACKAGE.rglob("*.py"))
MAX_MODULE_LINES = 600


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """exocargo modules that ``path`` imports, at any depth (lazy imports count too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("exocargo"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("exocargo")}
    return found


def stage(module: str) -> str:
    """The subpackage of a module (``exocargo.mapping.local`` -> ``mapping``); top-level modules are their own."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> list[str] | None:
        state[node] = 1
        for following in sorted(graph.get(node, ())):
            if state.get(following) == 1:
                return [*trail, node, following]
            if following not in state and (cycle := visit(following, [*trail, node])):
                return cycle
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node, [])):
            return cycle
    return None


def test_import_exocargo_works_without_pythonpath_from_any_folder(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", "import exocargo, exocargo.mapping; print(exocargo.mapping.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert str(PACKAGE) in done.stdout


def test_no_module_is_over_600_lines():
    long = {module_name(p): n for p in MODULES if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES}
    assert not long


def test_modules_import_each_other_without_cycles():
    graph = {module_name(p): {m for m in imported_modules(p) if m != module_name(p)} for p in MODULES}
    graph = {
        m: {t for t in targets if not m.startswith(t + ".")} for m, targets in graph.items()
    }  # a package's own __init__
    assert find_cycle(graph) is None


def test_stages_import_each_other_in_one_direction():
    """Subpackages form a chain without cycles: a later stage may use an earlier one, never the reverse."""
    graph: dict[str, set[str]] = {}
    for path in MODULES:
        source = stage(module_name(path))
        if source in ("", "api", "cli"):
            continue
        graph.setdefault(source, set()).update(
            target for m in imported_modules(path) if (target := stage(m)) not in ("", source)
        )
    assert find_cycle(graph) is None, graph


def test_no_module_imports_a_private_name_of_another_module():
    offenders = []
    for path in [*MODULES, *sorted((REPO / "workflow" / "scripts").rglob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("exocargo"):
                offenders += [f"{path.name}: {node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
    assert not offenders


def test_each_stage_is_a_subpackage_with_public_names():
    for name in ("inputs", "mapping", "text", "enrichment", "cargo", "report", "resources"):
        module = __import__(f"exocargo.{name}", fromlist=["__all__"])
        assert module.__all__, name
        assert all(hasattr(module, public) for public in module.__all__), name


def test_column_docs_are_rendered_from_the_table_definitions():
    assert (REPO / "docs" / "tables.md").read_text() == tables.markdown(), "run `make docs`"


@pytest.mark.parametrize("table", tables.ALL_TABLES, ids=lambda t: t.name)
def test_every_table_column_is_described(table):
    assert len(set(table.columns)) == len(table.columns)
    assert all(field.meaning.strip() for field in table.fields)


def test_the_sheet_schema_and_the_sheet_reader_accept_the_same_list_ids():
    import yaml

    from exocargo.inputs.readers import LIST_ID_MAX_LENGTH, LIST_ID_PATTERN

    schema = yaml.safe_load((REPO / "workflow" / "schemas" / "genelists.schema.yaml").read_text())
    list_id = schema["properties"]["list_id"]
    assert list_id["pattern"] == LIST_ID_PATTERN.pattern
    assert list_id["maxLength"] == LIST_ID_MAX_LENGTH


def test_the_sheet_schema_offers_exactly_the_input_kinds_the_stages_know():
    import yaml

    from exocargo.kinds import INPUT_KINDS

    schema = yaml.safe_load((REPO / "workflow" / "schemas" / "genelists.schema.yaml").read_text())
    assert schema["properties"]["kind"]["enum"] == ["", *INPUT_KINDS]


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_docstring_examples_run(path):
    import doctest
    import importlib

    module = importlib.import_module(module_name(path))
    assert doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE).failed == 0


HTML_TAG = re.compile(r"<(?:p|h[1-6]|a|div|table|tr|td|th|span|section|details|figure|img|dl|pre|code|nav)[\s>]")


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_html_comes_from_templates_not_python_strings(path):
    """Markup lives in report/templates/ (autoescaped); a module's string literals hold no HTML tags."""
    tree = ast.parse(path.read_text())
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    strings = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]
    tagged = [text for text in strings if HTML_TAG.search(text)]
    assert not tagged, f"{module_name(path)} builds HTML in Python: {tagged[0][:80]!r}"

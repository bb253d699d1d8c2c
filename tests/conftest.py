"""Shared test helpers: paths, resources, and running the workflow in a scratch folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from exocargo.resources.layout import ResourceLayout

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RESOURCES = REPO / "resources"
SNAKEMAKE = Path(sys.executable).parent / "snakemake"
LAYOUT = ResourceLayout(str(RESOURCES))  # the workflow's own paths, for the default config
GENES_TSV = Path(LAYOUT.gene_table())
HAIRPINS_TSV = Path(LAYOUT.hairpin_table())
FAMPLEX_DIR = Path(LAYOUT.famplex_dir)
MIRTARBASE_CSV = Path(LAYOUT.mirtarbase("hsa_MTI.csv", online=False))
PYENRICHR_DIR = Path(LAYOUT.pinned("pyenrichr"))
ENTREZ_LIBRARIES = Path(LAYOUT.library_entrez_gmt()).parent


def seed(prefix: str) -> Path:
    """A shared seed document (``../shared/seeds/{prefix}*.txt``), which CI has beside the clone.

    A clone without ``../shared`` skips the test with that reason; a ``../shared`` without the seed fails.
    """
    if not SHARED.is_dir():
        pytest.skip(f"needs the shared seed documents in {SHARED} (CI has them beside the clone)")
    found = sorted((SHARED / "seeds").glob(f"{prefix}*.txt"))
    if not found:
        pytest.fail(f"no seed {prefix}*.txt in {SHARED / 'seeds'}")
    return found[0]


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def install_chromium() -> Path:
    """Debian's chromium, installed with apt-get when missing (root only)."""
    if CHROMIUM.exists():
        return CHROMIUM
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        pytest.fail(f"{CHROMIUM} is missing: install it with `sudo apt-get install -y chromium` (Debian package).")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900)
        if result.returncode != 0:
            pytest.fail(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return CHROMIUM


def require(path: Path) -> Path:
    """Resources are fetched by `make test` before pytest; say so if they are missing."""
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make resources` (make test does it) first.")
    return path


def make_workdir(tmp_path: Path, sheet_rows: list[dict] | None = None, config_text: str | None = None) -> Path:
    """A scratch work directory with the repo's config/ and its own sheet.

    ``sheet_rows`` replaces the demo sheet (paths may be absolute);
    ``config_text`` replaces config/config.yaml.
    """
    work = tmp_path / "work"
    shutil.copytree(REPO / "config", work / "config")
    if sheet_rows is not None:
        columns = ["list_id", "path", "kind", "description"]
        lines = ["\t".join(columns)] + ["\t".join(str(row.get(c, "")) for c in columns) for row in sheet_rows]
        (work / "config" / "genelists.tsv").write_text("\n".join(lines) + "\n")
    if config_text is not None:
        (work / "config" / "config.yaml").write_text(config_text)
    return work


def workflow_command(work: Path, *args: str, config: dict | None = None) -> list[str]:
    """The snakemake command line that :func:`run_workflow` runs (for tests that start it themselves)."""
    return [
        str(SNAKEMAKE),
        "--snakefile",
        str(REPO / "Snakefile"),
        "--directory",
        str(work),
        "--cores",
        "2",
        *args,
        "--config",
        f"resources_dir={RESOURCES}",
        f"download_cache={RESOURCES / 'downloads'}",
        *(f"{key}={value}" for key, value in (config or {}).items()),
    ]


def run_workflow(
    work: Path,
    *args: str,
    config: dict | None = None,
    check: bool = True,
    timeout: float = 1800,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """Run snakemake on the repo's Snakefile in ``work``, sharing the fetched resources.

    ``config`` adds ``--config KEY=VALUE`` pairs (one --config flag: a second one would replace the first);
    ``env`` replaces the environment of the snakemake process.
    """
    cmd = workflow_command(work, *args, config=config)
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    if check and result.returncode != 0:
        raise AssertionError(
            f"snakemake failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
        )
    return result


# --------------------------------------------------------------------------- reliability (issue 8)
# The offline guard, one shared offline run of the demo that later tests compare against,
# and the collector that writes the table of docs/reliability.md from what the tests observed.

OFFLINE_GUARD = REPO / "tests" / "offline_guard"
BAD_INPUTS = REPO / "tests" / "bad_inputs"
RELIABILITY_DOC = REPO / "docs" / "reliability.md"
DEMO_LISTS = ("seed_figure", "exosome_cargo", "cargo_relations")
# Rows of the table in docs/reliability.md, in order; a test records observations under these names.
RELIABILITY_CASES = (
    "empty file",
    "only comments",
    "only unmappable names",
    "binary file",
    "non-UTF-8 file (Windows-1252)",
    "UTF-16 with BOM",
    "CRLF line ends",
    "very long line",
    "1,000,000-name file",
    "duplicated names",
    "Excel-mangled dates",
    "GMT with blank lines and a one-gene set",
    "PFOCR record with broken YAML",
    "PFOCR record without genes:",
    "HTML page saved as .txt",
    "HTML page given as a gene list",
    "GMT with $...$ in set names",
    "PDF given as a gene list",
    "PDF without pages, renamed .txt",
    "PFOCR record with a YAML alias bomb",
    "resource file changed after fetching",
    "comma-separated sheet",
    "sheet row with an extra field",
    "FIFO or device as a list",
    "several config errors",
    "PFOCR word given as a list",
    "PFOCR record nested 5,000 levels deep",
    "scanned PDF (no text layer)",
    "encrypted PDF",
    "truncated PDF",
    "sheet row pointing to a missing file",
    "duplicated list_id",
    "list_id with ../, spaces, slashes",
    "config: unknown library name",
    "config: online source while offline",
    "unreachable online source (network down)",
    "all bad lists in one run",
    "whole demo offline",
    "killed mid-run, then rerun",
    "two runs, same outputs",
    "no user value reaches a shell",
    "YAML loaded safely",
    "outputs stay under results/",
    "HTML escaped",
)
RELIABILITY_FIELDS = {"input": "Input", "outcome": "Outcome", "message": "Message", "run": "In a workflow run"}
TABLE_START, TABLE_END = "<!-- cases:start -->", "<!-- cases:end -->"


def offline_env(guard_log: Path, **extra: str) -> dict[str, str]:
    """Environment in which every Python process loads tests/offline_guard (no network) and logs to ``guard_log``."""
    paths = [str(OFFLINE_GUARD), *filter(None, [os.environ.get("PYTHONPATH", "")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths), "EXOCARGO_OFFLINE_GUARD_LOG": str(guard_log), **extra}


def result_files(work: Path, suffixes: tuple[str, ...] = (".tsv", ".txt")) -> dict[str, bytes]:
    """Relative path -> bytes of every result file with one of ``suffixes``."""
    results = work / "results"
    return {
        str(path.relative_to(results)): path.read_bytes()
        for path in sorted(results.rglob("*"))
        if path.is_file() and path.name.endswith(suffixes)
    }


@dataclass
class DemoRun:
    work: Path
    result: subprocess.CompletedProcess
    guard_log: Path


@pytest.fixture(scope="session")
def demo_offline_run(tmp_path_factory) -> DemoRun:
    """The demo, end to end, once per session with the network blocked: the reference outputs."""
    require(GENES_TSV)
    tmp = tmp_path_factory.mktemp("demo_offline")
    work = make_workdir(tmp)
    guard_log = tmp / "offline_guard.log"
    result = run_workflow(work, env=offline_env(guard_log, PYTHONHASHSEED="1"), check=False)
    return DemoRun(work, result, guard_log)


def _cell(text: str) -> str:
    """A markdown table cell: pipes escaped, angle brackets escaped outside `code`, lines joined by <br>."""
    spans = str(text).strip().replace("|", "\\|").split("`")
    spans[::2] = [span.replace("<", "&lt;").replace(">", "&gt;") for span in spans[::2]]
    return "<br>".join("`".join(spans).split("\n"))


def _normalise(text: str, roots: tuple[Path, ...]) -> str:
    """Drop scratch and repository folders from a message, so the table does not change from run to run."""
    for root in (*roots, REPO):
        text = text.replace(f"{root}/", "").replace(str(root), ".")
    return text


class ReliabilityTable:
    """What each reliability case did, written to the table in docs/reliability.md at the end of the session.

    Rows not observed in this session keep their text from the file, so running one test file
    updates only its own rows.
    """

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, str]] = {}

    def record(self, case: str, *, roots: tuple[Path, ...] = (), **fields: str) -> None:
        assert case in RELIABILITY_CASES, f"unknown reliability case {case!r}: add it to RELIABILITY_CASES"
        assert set(fields) <= set(RELIABILITY_FIELDS), f"unknown fields {set(fields) - set(RELIABILITY_FIELDS)}"
        row = self.rows.setdefault(case, {})
        row.update({key: _cell(_normalise(value, roots)) for key, value in fields.items()})

    @staticmethod
    def read_rows(text: str) -> dict[str, dict[str, str]]:
        """Rows of the table between the markers of ``text``."""
        if TABLE_START not in text:
            return {}
        body = text.split(TABLE_START, 1)[1].split(TABLE_END, 1)[0]
        rows = {}
        for line in body.strip().splitlines()[2:]:
            cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            rows[cells[0]] = dict(zip(RELIABILITY_FIELDS, cells[1:]))
        return rows

    def table(self, previous: dict[str, dict[str, str]]) -> str:
        header = ["Case", *RELIABILITY_FIELDS.values()]
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for case in RELIABILITY_CASES:
            row = {**previous.get(case, {}), **self.rows.get(case, {})}
            cells = [case, *(row.get(key, "") or "not run" for key in RELIABILITY_FIELDS)]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)

    def write(self, path: Path = RELIABILITY_DOC) -> None:
        text = path.read_text(encoding="utf-8")
        head, rest = text.split(TABLE_START, 1)
        tail = rest.split(TABLE_END, 1)[1]
        table = self.table(self.read_rows(text))
        path.write_text(f"{head}{TABLE_START}\n{table}\n{TABLE_END}{tail}", encoding="utf-8")


@pytest.fixture(scope="session")
def reliability():
    """Collects observations; rewrites the table of docs/reliability.md when the session ends."""
    table = ReliabilityTable()
    yield table
    if table.rows:
        table.write()

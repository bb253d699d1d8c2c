"""What made the results, shown on every report: fetched resources with their sha256, the
configuration, tool versions, the workflow's version and the command that reproduces the run.
"""

from __future__ import annotations

import importlib.metadata
import json
import platform
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml
from markupsafe import Markup

from exocargo.report.html import TOOLS, facts_html, href, render, table_html

# --------------------------------------------------------------------------- provenance


@dataclass
class Provenance:
    """What made the results: resources, configuration, tools and the command."""

    resources: pd.DataFrame
    config: dict
    tools: dict[str, str]
    command: str
    workflow_version: str


def resource_table(provenance_files: list[str | Path]) -> pd.DataFrame:
    """One row per fetched file: source, version, sha256, licence, origin, date."""
    rows = []
    for path in provenance_files:
        record = json.loads(Path(path).read_text(encoding="utf-8"))
        for name, info in sorted(record["files"].items()):
            rows.append(
                {
                    "source": record["source"],
                    "version": record["version"],
                    "file": name,
                    "sha256": info["sha256"],
                    "retrieved": record["retrieved"],
                    "licence": record.get("licence", ""),
                    "origin": record.get("origin", ""),
                }
            )
    return pd.DataFrame(rows, columns=["source", "version", "file", "sha256", "retrieved", "licence", "origin"])


def tool_versions() -> dict[str, str]:
    """Versions of Python and of the packages that computed or drew the results."""
    versions = {"python": platform.python_version()}
    for name in TOOLS:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def workflow_version(workflow_dir: str | Path) -> str:
    """The git commit of the workflow code, or a note when it is not a git checkout."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(workflow_dir), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(workflow_dir), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return f"{workflow_dir} (not a git checkout)"
    return f"git {commit}" + (" with uncommitted changes" if dirty else "")


def reproduce_command(*, snakefile: str | Path, workdir: str | Path, configfile: str) -> str:
    return shlex.join(
        ["snakemake", "--snakefile", str(snakefile), "--directory", str(workdir), "--cores", "all"]
        + ["--configfile", configfile]
    )


def collect_provenance(
    provenance_files: list[str | Path], *, config: dict, snakefile: str | Path, configfile: str
) -> Provenance:
    """Everything the provenance block shows, read at render time."""
    return Provenance(
        resources=resource_table(provenance_files),
        config=json.loads(json.dumps(config)),
        tools=tool_versions(),
        command=reproduce_command(snakefile=snakefile, workdir=Path.cwd(), configfile=configfile),
        workflow_version=workflow_version(Path(snakefile).parent),
    )


def config_yaml(config: dict) -> str:
    return yaml.safe_dump(json.loads(json.dumps(config)), sort_keys=False, allow_unicode=True)


def provenance_html(provenance: Provenance, *, page: Path, config_path: Path) -> str:
    """Resources with version, sha256 and date; tools; the command; the configuration."""
    resources = table_html(
        provenance.resources, table_id="provenance-resources", page=page, max_rows=1000, what="resource files"
    )
    return render(
        "provenance.html",
        resources=Markup(resources),
        tools=Markup(facts_html({"exocargo workflow": provenance.workflow_version, **provenance.tools})),
        config_href=Markup(href(config_path, page)),
        config_name=config_path.name,
        command=provenance.command,
        config_yaml=config_yaml(provenance.config),
    )

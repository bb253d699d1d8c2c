"""Offline guarantee: the demo runs with the network blocked for every Python process.

tests/offline_guard/sitecustomize.py is put on PYTHONPATH, so Snakemake and every job load it;
the first tests show that it really blocks, so the demo test can fail.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml
from conftest import DEMO_LISTS, REPO, make_workdir, offline_env, run_workflow

BLOCKED_URL = "https://example.org/hsa_MTI.csv"


def guard_events(guard_log) -> list[list[str]]:
    """(event, pid, detail, argv) of each guard log line."""
    if not guard_log.exists():
        return []
    return [line.split("\t") for line in guard_log.read_text().splitlines()]


def run_guarded_python(code: str, guard_log) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env=offline_env(guard_log),
        cwd=REPO / "workflow" / "scripts",
    )


def test_guard_blocks_every_way_to_the_network(tmp_path):
    guard_log = tmp_path / "guard.log"
    code = """
import socket, urllib.request
attempts = {
    "urlopen": lambda: urllib.request.urlopen("https://pypi.org/simple/", timeout=5),
    "create_connection": lambda: socket.create_connection(("151.101.0.223", 443), timeout=5),
    "connect": lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("1.1.1.1", 53)),
    "getaddrinfo": lambda: socket.getaddrinfo("pypi.org", 443),
    "udp": lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("1.1.1.1", 53)),
}
for name, attempt in attempts.items():
    try:
        attempt()
        print(name, "CONNECTED")
    except OSError as error:
        print(name, "refused:", error)
"""
    result = run_guarded_python(code, guard_log)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    assert all("refused:" in line and "blocked by tests/offline_guard" in line for line in lines), lines
    events = guard_events(guard_log)
    assert [event for event, *_ in events].count("loaded") == 1
    assert [event for event, *_ in events].count("blocked") == 5


def test_unreachable_online_source_names_the_url_and_the_config_key(reliability, tmp_path):
    code = f"""
from exocargo.resources.sources import SourceUnavailableError, fetch_url_resource
try:
    fetch_url_resource({BLOCKED_URL!r}, {str(tmp_path / "mti.csv")!r}, {str(tmp_path / "prov.json")!r},
                       online=True, config_key="mirna_targets")
except SourceUnavailableError as error:
    print(error)
"""
    result = run_guarded_python(code, tmp_path / "guard.log")
    assert f"Could not download {BLOCKED_URL}" in result.stdout
    assert "set the config key 'mirna_targets' to an offline source" in result.stdout
    assert not (tmp_path / "mti.csv").exists() and not list(tmp_path.glob("mti.csv*.part"))
    reliability.record(
        "unreachable online source (network down)",
        input=f"`online: true`, `mirna_targets: mirtarbase_url`, `mirtarbase_url: {BLOCKED_URL}`, "
        "network blocked by tests/offline_guard",
        outcome="its fetch job fails with the URL and the config key to switch; nothing written",
        message=result.stdout.strip(),
    )


@pytest.mark.slow
def test_unreachable_online_source_stops_at_its_fetch_job(reliability, tmp_path):
    config = yaml.safe_load((REPO / "config" / "config.yaml").read_text())
    config.update(online=True, mirna_targets="mirtarbase_url", mirtarbase_url=BLOCKED_URL)
    work = make_workdir(tmp_path, config_text=yaml.safe_dump(config, sort_keys=False))
    resources = tmp_path / "resources"
    target = resources / "mirtarbase" / "online" / "hsa_MTI.csv"
    guard_log = tmp_path / "guard.log"
    result = run_workflow(
        work, str(target), config={"resources_dir": resources}, env=offline_env(guard_log), check=False
    )
    assert result.returncode != 0
    assert "Error in rule fetch_mirtarbase_url" in result.stderr
    log = (work / "logs" / "resources" / "fetch_mirtarbase_url.log").read_text()
    assert f"Could not download {BLOCKED_URL}" in log and "config key 'mirna_targets'" in log
    assert not target.exists()
    assert any(event == "blocked" for event, *_ in guard_events(guard_log))
    reliability.record(
        "unreachable online source (network down)",
        run="Snakemake: `Error in rule fetch_mirtarbase_url`, exit 1; the message is in "
        "logs/resources/fetch_mirtarbase_url.log; no file is left at the output path",
    )


@pytest.mark.slow
def test_whole_demo_runs_with_the_network_blocked(reliability, demo_offline_run):
    run = demo_offline_run
    assert run.result.returncode == 0, run.result.stderr[-6000:]
    for list_id in DEMO_LISTS:
        assert (run.work / "results" / "report" / f"{list_id}.html").exists()
    events = guard_events(run.guard_log)
    blocked = [event for event in events if event[0] == "blocked"]
    assert blocked == [], f"the demo tried the network: {blocked}"
    job_processes = [event for event in events if event[0] == "loaded" and ".snakemake/scripts/" in event[3]]
    for step in ("extract_names", "map_gene_names", "run_enrichment", "build_cargo_targets", "render_list_report"):
        assert any(step in event[3] for event in job_processes), f"no {step} job ran under the guard"
    reliability.record(
        "whole demo offline",
        input="the demo sheet and config, resources already fetched; every Python process (Snakemake and "
        "each job) loads tests/offline_guard",
        outcome="works",
        message="no network attempt logged by the guard",
        run="exit 0; all reports written; the guard was loaded in every job script (extract, mapping, "
        "enrichment, cargo, report)",
    )

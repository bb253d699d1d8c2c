"""The execution profiles: the demo through a real single-node SLURM gives the same tables as a local run.

The cluster (see tests/slurm_cluster.py) has no accounting database, so the run
adds the flags README.md gives for such clusters: ``--slurm-status-command
squeue`` and ``--slurm-no-account``. Short status intervals only make the test
faster.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, make_workdir, run_workflow
from slurm_cluster import ClusterError, SlurmCluster, start_cluster

PROFILES = REPO / "workflow" / "profiles"
LOCAL_PROFILE = PROFILES / "local"
SLURM_PROFILE = PROFILES / "slurm"
NO_ACCOUNTING_FLAGS = ("--slurm-status-command", "squeue", "--slurm-no-account")
FAST_POLLING_FLAGS = ("--slurm-init-seconds-before-status-checks", "2", "--seconds-between-status-checks", "2")
RUN_TIMEOUT = 600
# The SLURM run's Snakemake log and the daemons' logs are kept here for CI.
ARTIFACTS = REPO / "tests" / "artifacts" / "slurm"
SUBMITTED = re.compile(r"Job (\d+) has been submitted with SLURM jobid (\d+)")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory):
    try:
        running = start_cluster(tmp_path_factory.mktemp("slurm"))
    except (ClusterError, subprocess.TimeoutExpired) as error:
        pytest.fail(f"could not start the local SLURM: {error}")
    yield running
    running.stop()
    assert all(process.poll() is not None for process in running.processes.values())


def result_tables(work: Path) -> dict[str, bytes]:
    """Every table and ID list under results/, by relative path."""
    results = work / "results"
    return {
        str(path.relative_to(results)): path.read_bytes()
        for path in sorted(results.rglob("*"))
        if path.suffix in (".tsv", ".txt")
    }


def declared_resources(log: str) -> dict[str, tuple[int, int]]:
    """{snakemake job id: (mem_mb, runtime)} from the job blocks of a Snakemake log."""
    declared = {}
    for block in re.split(r"\n(?=\[\w{3} \w{3} )", log):
        jobid = re.search(r"^\s+jobid: (\d+)$", block, re.MULTILINE)
        resources = re.search(r"^\s+resources: (.*)$", block, re.MULTILINE)
        if jobid and resources:
            values = dict(re.findall(r"(\w+)=([^,]+)", resources.group(1)))
            declared[jobid.group(1)] = (int(values["mem_mb"]), int(values["runtime"]))
    return declared


def slurm_job(cluster: SlurmCluster, slurm_id: str) -> dict[str, str]:
    shown = cluster.command("scontrol", "show", "job", slurm_id).stdout
    return dict(re.findall(r"(\w+)=(\S*)", shown))


@pytest.mark.parametrize("profile", [LOCAL_PROFILE, SLURM_PROFILE], ids=lambda path: path.name)
def test_profiles_plan_the_demo(profile: Path, tmp_path: Path):
    result = run_workflow(make_workdir(tmp_path), "--workflow-profile", str(profile), "--dry-run")
    assert f"Using workflow specific profile {profile}" in result.stdout + result.stderr
    assert re.search(r"^total\s+\d+$", result.stdout, re.MULTILINE), result.stdout[-2000:]


@pytest.mark.slurm
@pytest.mark.slow
def test_demo_through_slurm_equals_local_run(cluster: SlurmCluster, tmp_path: Path, monkeypatch, capsys):
    local = make_workdir(tmp_path / "local")
    run_workflow(local, "--workflow-profile", str(LOCAL_PROFILE), timeout=RUN_TIMEOUT)

    on_slurm = make_workdir(tmp_path / "slurm")
    for key, value in cluster.environment().items():
        monkeypatch.setenv(key, value)
    result = run_workflow(
        on_slurm,
        "--workflow-profile",
        str(SLURM_PROFILE),
        *NO_ACCOUNTING_FLAGS,
        *FAST_POLLING_FLAGS,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    log = result.stdout + result.stderr
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "snakemake.log").write_text(log)
    (ARTIFACTS / "daemons.log").write_text(cluster.logs())
    assert result.returncode == 0, f"the SLURM run failed:\n{log[-4000:]}\n{cluster.logs()}"

    submitted = dict(SUBMITTED.findall(log))
    with capsys.disabled():  # shown in the CI log even though the test passes
        print(
            f"\nSLURM: {len(submitted)} jobs submitted with sbatch (SLURM job ids "
            f"{min(map(int, submitted.values()), default=0)}-{max(map(int, submitted.values()), default=0)}); "
            f"log in {ARTIFACTS / 'snakemake.log'}",
            flush=True,
        )
    declared = declared_resources(log)
    assert len(submitted) >= 10, f"expected the demo's jobs to go through sbatch:\n{log[-3000:]}"
    for jobid, slurm_id in submitted.items():
        job = slurm_job(cluster, slurm_id)
        assert job["JobState"] == "COMPLETED", (slurm_id, job, cluster.logs())
        mem_mb, runtime = declared[jobid]
        assert job["MinMemoryNode"] == f"{mem_mb}M"
        assert job["TimeLimit"] == f"{runtime // 60:02d}:{runtime % 60:02d}:00"

    local_tables, slurm_tables = result_tables(local), result_tables(on_slurm)
    assert set(slurm_tables) == set(local_tables)
    assert len(local_tables) >= 10
    differing = [name for name in local_tables if slurm_tables[name] != local_tables[name]]
    assert not differing, f"tables differ between the SLURM and the local run: {differing}"

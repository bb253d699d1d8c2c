"""Crash safety: a killed writer leaves no half-written file; a killed run reruns to the same outputs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest
from conftest import REPO, make_workdir, result_files, run_workflow, workflow_command

from exocargo.files import HOST, atomic_output, write_table

WRITER = """
import sys
import pandas as pd
from exocargo.files import write_table
table = pd.DataFrame({"name": [f"NAME{i:08d}" for i in range(4_000_000)], "count": 1})
write_table(table, sys.argv[1])
"""


def wait_for(condition, timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.01)


def test_killed_writer_leaves_the_old_file_intact(tmp_path):
    dest = tmp_path / "names.tsv"
    dest.write_text("name\tcount\nOLD\t1\n")

    def part_written() -> bool:
        return any(part.stat().st_size > 0 for part in tmp_path.glob("names.tsv.*.part"))

    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(dest)], cwd=REPO / "workflow" / "scripts", stderr=subprocess.PIPE
    )
    try:
        wait_for(lambda: part_written() or writer.poll() is not None, 120, "the writer")
        writer.send_signal(signal.SIGKILL)
    finally:
        writer.wait(timeout=60)
    assert writer.returncode == -signal.SIGKILL, "the writer finished before it could be killed"
    assert dest.read_text() == "name\tcount\nOLD\t1\n"


def running_step_outputs(work) -> list[str]:
    """Outputs Snakemake has marked as being made by a running job."""
    incomplete = work / ".snakemake" / "incomplete"
    return list(incomplete.iterdir()) if incomplete.exists() else []


@pytest.mark.slow
def test_killed_run_reruns_to_the_same_outputs(reliability, demo_offline_run, tmp_path):
    work = make_workdir(tmp_path)
    with open(tmp_path / "killed_run.log", "w") as log:
        run = subprocess.Popen(workflow_command(work), stdout=log, stderr=log, start_new_session=True)
        try:
            wait_for(
                lambda: (
                    run.poll() is not None
                    or (list((work / "results" / "mapping").glob("*.mapping.tsv")) and running_step_outputs(work))
                ),
                600,
                "a finished mapping table while other jobs run",
            )
        finally:
            if run.poll() is None:
                os.killpg(run.pid, signal.SIGKILL)
            run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    assert not (work / "results" / "report" / "index.html").exists()

    # Snakemake refuses to go on: the lock of the killed run, or outputs of jobs that were running.
    again = run_workflow(work, check=False)
    assert again.returncode != 0
    assert "LockException" in again.stderr or "IncompleteFilesException" in again.stderr
    assert "--unlock" in again.stderr or "--rerun-incomplete" in again.stderr
    run_workflow(work, "--unlock")
    run_workflow(work, "--rerun-incomplete")

    reference, rerun = result_files(demo_offline_run.work), result_files(work)
    assert sorted(rerun) == sorted(reference)
    assert [name for name in reference if rerun[name] != reference[name]] == []
    assert list((work / "results").rglob("*.part")) == []
    reliability.record(
        "killed mid-run, then rerun",
        input="the demo, SIGKILL to Snakemake's whole process group once a mapping table is written and "
        "other jobs are running",
        outcome="works after `snakemake --unlock`, then `snakemake --rerun-incomplete`",
        message="a plain rerun is refused, with Snakemake's own hint: `LockException` (run `--unlock`) or "
        "`IncompleteFilesException` (run `--rerun-incomplete`), depending on when the kill came",
        run="every TSV/TXT output is byte-identical to an uninterrupted run; "
        "no `.part` file left; a killed writer leaves the previous file intact",
    )


def test_writers_sharing_a_folder_never_write_into_each_others_file_and_orphans_go(tmp_path):
    dest = tmp_path / "hgnc_entries.tsv"
    # Two work folders fetching into one resources folder at once: each writer has its own temporary file.
    with atomic_output(dest) as tmp:
        assert tmp.name == f"hgnc_entries.tsv.{os.getpid()}@{HOST}.part"
        tmp.write_text("complete\n")
    assert dest.read_text() == "complete\n"
    # A writer that was killed left its temporary file; the next writer of that file removes it.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    orphan = tmp_path / f"hgnc_entries.tsv.{dead.stdout.strip()}@{HOST}.part"
    orphan.write_text("half")
    live = tmp_path / f"hgnc_entries.tsv.{os.getppid()}@{HOST}.part"  # a running process's: kept
    live.write_text("in progress")
    write_table(pd.DataFrame({"name": ["PTEN"]}), dest)
    assert not orphan.exists() and live.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([dest.name, live.name])

"""Determinism: two runs of the demo give byte-identical tables.

The second run differs in what could leak into outputs: another work directory, another hash
seed (set and dict order of strings), and the network guard off.
"""

from __future__ import annotations

import os

import pytest
from conftest import make_workdir, result_files, run_workflow

# Files that may differ between runs: they record when they were made.
TIMESTAMPED_SUFFIXES = (".html", ".xlsx", ".zip", ".svg", ".yaml")


@pytest.mark.slow
def test_two_demo_runs_give_byte_identical_tables(reliability, demo_offline_run, tmp_path):
    work = make_workdir(tmp_path)
    run_workflow(work, env={**os.environ, "PYTHONHASHSEED": "2"})
    first, second = result_files(demo_offline_run.work), result_files(work)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []

    every_first = result_files(demo_offline_run.work, suffixes=("",))
    every_second = result_files(work, suffixes=("",))
    other_differences = sorted(
        name for name in every_first if name in every_second and every_first[name] != every_second[name]
    )
    assert [name for name in other_differences if not name.endswith(TIMESTAMPED_SUFFIXES)] == []
    differing_kinds = sorted({os.path.splitext(name)[1] for name in other_differences})
    reliability.record(
        "two runs, same outputs",
        input="the demo twice: other work directory, PYTHONHASHSEED 1 then 2, network guard on then off",
        outcome="works",
        message="every TSV/TXT output byte-identical",
        run="other result files that differ: "
        + (", ".join(f"`{kind}`" for kind in differing_kinds) if differing_kinds else "none")
        + " (timestamps of the run)",
    )

"""Determinism: two runs of the demo give byte-identical tables.

The second run differs in what could leak into outputs: another work directory, another hash
seed (set and dict order of strings), and the network guard off.
"""

from __future__ import annotations

import os

import pytest
from conftest import make_workdir, result_files, run_workflow

# Archives (the Excel workbooks are zip files too) store the time each member was written.
ARCHIVE_SUFFIXES = (".xlsx", ".zip")


@pytest.mark.slow
def test_two_demo_runs_give_byte_identical_tables(reliability, demo_offline_run, tmp_path):
    work = make_workdir(tmp_path)
    run_workflow(work, env={**os.environ, "PYTHONHASHSEED": "2"})
    first, second = result_files(demo_offline_run.work), result_files(work)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []

    every_first = result_files(demo_offline_run.work, suffixes=("",))
    every_second = result_files(work, suffixes=("",))
    assert sorted(every_first) == sorted(every_second)
    differing = [name for name in every_first if every_first[name] != every_second[name]]
    archives = sorted({os.path.splitext(name)[1] for name in differing if name.endswith(ARCHIVE_SUFFIXES)})
    texts = [name for name in differing if not name.endswith(ARCHIVE_SUFFIXES)]
    # A text output may name the work directory (the command to reproduce the run); nothing else may differ.
    for name in texts:
        first_text = every_first[name].replace(str(demo_offline_run.work).encode(), b"<work>")
        assert first_text == every_second[name].replace(str(work).encode(), b"<work>"), name
    naming_work = sorted({os.path.splitext(name)[1] for name in texts})
    observed = []
    if naming_work:
        observed.append(f"{', '.join(f'`{kind}`' for kind in naming_work)} only where they name the work directory")
    if archives:
        observed.append(f"{', '.join(f'`{kind}`' for kind in archives)}: archive member times")
    reliability.record(
        "two runs, same outputs",
        input="the demo twice: other work directory, PYTHONHASHSEED 1 then 2, network guard on then off",
        outcome="works",
        message="every TSV/TXT output byte-identical",
        run="other result files differ: " + "; ".join(observed) if differing else "no result file differs",
    )

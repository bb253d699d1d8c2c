"""A run that stops with errors still leaves an index that says how far each list got."""

from __future__ import annotations

import re

import pytest
from conftest import REPO, make_workdir, run_workflow

BROKEN_LIBRARY = "exocargo_test_unreadable_library"


@pytest.mark.slow
def test_failed_run_leaves_an_index_with_each_list_status_and_no_zip(tmp_path):
    demo = (REPO / "config" / "genelists.tsv").read_text().splitlines()
    rows = [dict(zip(["list_id", "path", "kind", "description"], line.split("\t"))) for line in demo[1:2]]
    work = make_workdir(tmp_path, rows)
    (work / "broken.gmt").write_bytes(b"\x00\x01 not a GMT file")
    config = {"libraries": f'[{{"name":"{BROKEN_LIBRARY}","source":"gmt","path":"broken.gmt"}}]'}

    result = run_workflow(work, config=config, check=False)

    assert result.returncode != 0
    assert "results/report/index.html shows which lists failed and why." in result.stderr
    index = (work / "results/report/index.html").read_text()
    statuses = re.findall(r"<td>((?:failed|not finished)[^<]*)</td>", index)
    # The library fails to build; whether a list's mapping job had finished when the index was written
    # is up to the scheduler (it may still be running on the other core). Either way the list is
    # "not finished", never "failed": its own steps had no error.
    stopped = {f"not finished: the run stopped before {step}" for step in ("relations", "mapping", "enrichment")}
    assert len(statuses) == len(rows) and set(statuses) <= stopped
    assert "The run stopped with errors; Snakemake's log: " in index and ".snakemake/log/" in index
    assert not (work / "results/report/exocargo_results.zip").exists()

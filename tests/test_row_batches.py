"""Many small sheet rows served by shared batch jobs: same files as one job per list, only new work reruns."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from conftest import REPO, make_workdir, run_workflow
from test_workflow import scheduled_jobs

from exocargo.rowjobs import RowCache, StepJob, each_list, plan_row_batches


def test_rows_are_batched_by_a_hash_of_their_id_so_new_rows_never_move_others():
    kinds = {f"list{i}": "genes" for i in range(50)} | {"sets": "gmt"}
    batches = plan_row_batches(kinds, from_rows=20, batches=4)
    assert sorted(i for rows in batches.values() for i in rows) == sorted(f"list{i}" for i in range(50))
    assert all(len(rows) < 50 for rows in batches.values()) and len(batches) == 4
    grown = plan_row_batches(kinds | {"added": "pfocr"}, from_rows=20, batches=4)
    moved = {i for name, rows in batches.items() for i in rows if i not in grown[name]}
    assert moved == set()
    assert [name for name, rows in grown.items() if rows != batches[name]] == [
        name for name, rows in grown.items() if "added" in rows
    ]
    assert plan_row_batches(dict(list(kinds.items())[:19]), from_rows=20, batches=4) == {}
    assert plan_row_batches({f"s{i}": "gmt" for i in range(30)}, from_rows=20, batches=4) == {}


def fake_batch(tmp_path: Path, names: list[str]) -> SimpleNamespace:
    rows = [
        {
            "wildcards": {"list_id": name},
            "input": {"text": str(tmp_path / f"{name}.in")},
            "output": {"upper": str(tmp_path / "out" / f"{name}.out")},
            "params": {"suffix": "!"},
            "log": str(tmp_path / "logs" / f"{name}.log"),
        }
        for name in names
    ]
    (tmp_path / "logs").mkdir(exist_ok=True)
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"step": "shout", "rows": rows}))
    return SimpleNamespace(
        params=SimpleNamespace(plan=str(plan), step="shout"),
        output=SimpleNamespace(batch=str(tmp_path / "batch.tsv")),
        log=[str(tmp_path / "batch.log")],
    )


def changed_plan(batch: SimpleNamespace, row: int, **params) -> None:
    plan = json.loads(Path(batch.params.plan).read_text())
    plan["rows"][row]["params"].update(params)
    Path(batch.params.plan).write_text(json.dumps(plan))


def test_a_failing_row_fails_alone_in_its_log_and_unchanged_rows_are_restored(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    calls = []

    def shout(job: StepJob) -> None:
        calls.append(job.name)
        text = Path(job.input.text).read_text()
        if text == "boom":
            raise ValueError("this row cannot be read")
        Path(job.output.upper).parent.mkdir(exist_ok=True)
        Path(job.output.upper).write_text(text.upper() + job.params.suffix)

    for name, text in (("a", "tp53"), ("b", "boom"), ("c", "egfr")):
        (tmp_path / f"{name}.in").write_text(text)
    batch = fake_batch(tmp_path, ["a", "b", "c"])
    with pytest.raises(SystemExit, match=r"1 of 3 rows failed: b"):
        each_list(batch, shout)
    assert calls == ["a", "b", "c"]
    assert (tmp_path / "out" / "c.out").read_text() == "EGFR!"
    assert "this row cannot be read" in (tmp_path / "logs" / "b.log").read_text()

    # Snakemake removes a batch's outputs before it reruns; only changed rows are computed again.
    shutil.rmtree(tmp_path / "out")
    (tmp_path / "b.in").write_text("kras")
    calls.clear()
    each_list(batch, shout)
    assert calls == ["b"]
    assert [(tmp_path / "out" / f"{n}.out").read_text() for n in "abc"] == ["TP53!", "KRAS!", "EGFR!"]
    assert "restored from the row cache" in (tmp_path / "logs" / "a.log").read_text()
    written = pd.read_csv(tmp_path / "batch.tsv", sep="\t")
    assert list(written["row"]) == ["a", "b", "c"]
    assert written["sha256"].iloc[1] == hashlib.sha256(b"KRAS!").hexdigest()

    (tmp_path / "a.in").write_text("myc")
    changed_plan(batch, 2, suffix="?")
    calls.clear()
    each_list(batch, shout)
    assert calls == ["a", "c"]
    assert (tmp_path / "out" / "c.out").read_text() == "EGFR?"


def test_new_code_never_reuses_cached_rows(tmp_path):
    (tmp_path / "x.in").write_text("x")
    plan = json.loads(Path(fake_batch(tmp_path, ["x"]).params.plan).read_text())
    job = StepJob.from_row(plan["rows"][0])
    Path(job.output.upper).parent.mkdir()
    Path(job.output.upper).write_text("X")
    Path(job.log).write_text("")
    old, new = RowCache(tmp_path / "cache", code="v1"), RowCache(tmp_path / "cache", code="v2")
    old.store(job, old.key(job))
    assert old.restore(job, old.key(job))
    assert not new.restore(job, new.key(job))


def batched_config(from_rows: int) -> str:
    text = (REPO / "config" / "config.yaml").read_text()
    changed, replaced = re.subn(r"(?m)^(\s+from_rows:) \d+$", rf"\g<1> {from_rows}", text)
    assert replaced == 1, "config/config.yaml has no batching: from_rows line"
    return changed


@pytest.mark.slow
def test_a_batched_sheet_writes_the_same_files_and_a_new_row_reruns_only_its_batch(tmp_path):
    lists = tmp_path / "lists"
    lists.mkdir()
    genes = [
        "TP53 MDM2 CDKN1A ATM CHEK2",
        "EGFR KRAS BRAF MAP2K1 MAPK1",
        "hsa-miR-21-5p PTEN PDCD4",
        "WNT3A CTNNB1 APC",
    ]
    sheet = []
    for number, names in enumerate(genes):
        (lists / f"list{number}.txt").write_text("\n".join(names.split()) + "\n")
        sheet.append({"list_id": f"list{number}", "path": lists / f"list{number}.txt", "kind": "genes"})
    one_per_list = make_workdir(tmp_path / "per_list", sheet[:3], batched_config(100))
    batched = make_workdir(tmp_path / "batched", sheet[:3], batched_config(2))
    run_workflow(one_per_list)
    run_workflow(batched)
    assert (batched / "logs" / "row_batches").is_dir() and not (one_per_list / "logs" / "row_batches").exists()
    compared = 0
    for path in sorted((one_per_list / "results").rglob("*")):
        if path.suffix in (".tsv", ".json", ".txt", ".svg", ".parquet"):
            assert path.read_bytes() == (batched / path.relative_to(one_per_list)).read_bytes(), path.name
            compared += 1
    assert compared > 50
    # Batched rows' plots and pages are in `snakemake --report`, labelled by their list, as per-list ones are.
    run_workflow(batched, "--report", "report.zip")
    with zipfile.ZipFile(batched / "report.zip") as archive:
        names = archive.namelist()
    for shown in ("list0.KEGG_2021_Human.svg", "list0.KEGG_2021_Human.map.svg", "list2.html", "list1.xlsx"):
        assert any(name.endswith("/" + shown) for name in names), shown

    with open(batched / "config" / "genelists.tsv", "a") as handle:
        handle.write(f"list3\t{lists / 'list3.txt'}\tgenes\t\n")
    jobs = scheduled_jobs(run_workflow(batched, "-n").stdout)
    batch_jobs = [rule for rule in jobs if re.search(r"_rows\d+$", rule)]
    assert len({rule.rsplit("_", 1)[1] for rule in batch_jobs}) == 1, batch_jobs
    run_workflow(batched)
    batch = next(rule.rsplit("_", 1)[1] for rule in batch_jobs)
    log = (batched / "logs" / "row_batches" / f"extract_names.{batch}.log").read_text()
    assert "list3: done" in log
    restored = re.findall(r"^(list\d): unchanged, restored", log, re.MULTILINE)
    assert "list3" not in restored
    assert (batched / "results" / "report" / "list3.html").stat().st_size > 1000

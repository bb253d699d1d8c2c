"""The workflow as a user drives it: config checks, reruns, adding a list."""

import re
import shutil

import pytest
from conftest import REPO, make_workdir, run_workflow


def scheduled_jobs(dry_run_output: str) -> dict[str, int]:
    """Rule -> job count from the 'Job stats' table of a dry run."""
    stats = dry_run_output.split("Job stats:", 1)[1]
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"^(\w+)\s+(\d+)$", stats, re.MULTILINE)}


def test_config_typo_stops_before_any_job(tmp_path):
    config = (REPO / "config" / "config.yaml").read_text().replace("online: false", "onlin: false")
    work = make_workdir(tmp_path, config_text=config)
    result = run_workflow(work, "-n", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "'onlin' was unexpected" in output or "('onlin' was unexpected)" in output
    assert not (work / "results").exists()


def test_unknown_library_source_is_rejected_by_the_schema(tmp_path):
    config = (REPO / "config" / "config.yaml").read_text().replace("source: pyenrichr", "source: enrichrr", 1)
    result = run_workflow(make_workdir(tmp_path, config_text=config), "-n", check=False)
    assert result.returncode != 0 and "'enrichrr' is not one of" in result.stdout + result.stderr


def test_bad_sheet_row_is_named_before_any_job(tmp_path):
    fine = {"list_id": "fine", "path": str(REPO / "config/demo/exosome_cargo.txt"), "kind": "genes"}
    for bad, message in (
        ({**fine, "list_id": "bad id"}, "line 3: list_id 'bad id'"),
        (
            {"list_id": "missing", "path": "nowhere/list.txt", "kind": "genes"},
            "line 3: file 'nowhere/list.txt' not found",
        ),
    ):
        work = make_workdir(tmp_path / bad["list_id"].replace(" ", "_"), [fine, bad])
        result = run_workflow(work, "-n", check=False)
        assert result.returncode != 0
        assert message in result.stdout + result.stderr
        assert not (work / "results").exists()


@pytest.mark.slow
def test_demo_runs_then_nothing_to_do_then_only_new_list_runs(tmp_path):
    work = make_workdir(tmp_path)
    run_workflow(work)
    for list_id in ("seed_figure", "exosome_cargo", "cargo_relations"):
        assert (work / "results" / "report" / f"{list_id}.html").stat().st_size > 1000
    again = run_workflow(work, "-n")
    assert "Nothing to be done" in again.stdout + again.stderr

    # A plot option reruns plots and pages, not the test; a statistics option reruns the test.
    config_file = work / "config" / "config.yaml"
    original = config_file.read_text()
    config_file.write_text(original.replace("top_terms: 15", "top_terms: 5").replace("plot: dot", "plot: bar"))
    plots_only = scheduled_jobs(run_workflow(work, "-n").stdout)
    assert plots_only.get("plot_enrichment") == 9 and "run_enrichment" not in plots_only
    config_file.write_text(original.replace("counting: names", "counting: genes"))
    statistics = scheduled_jobs(run_workflow(work, "-n").stdout)
    assert statistics.get("run_enrichment") == 9
    config_file.write_text(original)

    shutil.copy(REPO / "config/demo/exosome_cargo.txt", work / "config/demo/new_list.txt")
    with open(work / "config" / "genelists.tsv", "a") as sheet:
        sheet.write("new_list\tconfig/demo/new_list.txt\tgenes\tA list added later\n")
    dry = run_workflow(work, "-n")
    jobs = scheduled_jobs(dry.stdout)
    assert jobs["extract_names"] == jobs["map_gene_names"] == jobs["render_list_report"] == 1
    assert jobs["run_enrichment"] == 3  # one per library, for the new list only
    wildcards = set(re.findall(r"wildcards: (.*)", dry.stdout))
    # Every job either belongs to the new list or is an all-list summary (per library).
    assert all("list_id=new_list" in w or not w.startswith("list_id") for w in wildcards)
    for other in ("seed_figure", "exosome_cargo", "cargo_relations"):
        assert f"list_id={other}" not in dry.stdout

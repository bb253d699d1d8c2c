## Input functions of row_batches.smk: each batch row worked out from its per-list rule

import hashlib
import json
import os

from snakemake.iocontainers import Wildcards
from snakemake.io import report as report_flag

from exocargo.kinds import input_kind
from exocargo.rowjobs import package_fingerprint


def row_plan_key():
    """A key over everything a batch's rows are worked out from: the workflow's rules, the
    config, the sheet and the package (the input functions' code). Working 200 rows out through
    Snakemake's rule expansion takes over a second at every start, the no-op rerun included; with
    this key unchanged, the rows of the last plan are read back instead."""
    digest = hashlib.sha256(package_fingerprint().encode())
    basedir = Path(workflow.basedir)
    for path in [basedir / "Snakefile", *sorted(basedir.glob("workflow/rules/*.smk"))]:
        digest.update(path.read_bytes())
    digest.update(json.dumps(config, sort_keys=True, default=str).encode())
    digest.update(genelists.to_json(orient="split").encode())
    return digest.hexdigest()


ROW_PLAN_KEY = row_plan_key()


def plan_path(step, batch):
    return Path(".snakemake", "exocargo-rows", "plans", f"{step}.{batch}.json")


# (step, batch) -> its last plan, read back because it was made under ROW_PLAN_KEY
REUSED_PLANS = {}


def planned_rows(step, batch):
    """The rows of this batch's last plan, if it was made under the same key (else None)."""
    try:
        plan = json.loads(plan_path(step, batch).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if plan.get("key") != ROW_PLAN_KEY:
        return None
    REUSED_PLANS[(step, batch)] = plan
    return plan["rows"]


def files_of(named):
    """A rule's expanded files or parameters by name (unnamed unpacked items keep their names)."""
    return {name: named[name] for name in named._names}


def row_of(rule_name, **wildcards):
    """One list's job of a per-list rule: its inputs, outputs, log and parameters."""
    per_list = workflow.get_rule(rule_name)
    values = Wildcards(fromdict=wildcards)
    inputs = per_list.expand_input(values)[0]
    outputs = per_list.expand_output(values)[0]
    params = per_list.expand_params(values, inputs, outputs, None)[0]
    # plain str, not Snakemake's file objects: the rows are pickled into the job's script
    plain = lambda value: (
        list(map(str, value))
        if isinstance(value, list)
        else str(value) if isinstance(value, str) else value
    )
    return {
        "wildcards": wildcards,
        "input": {name: plain(value) for name, value in files_of(inputs).items()},
        "output": {name: str(value) for name, value in files_of(outputs).items()},
        "params": {name: plain(value) for name, value in files_of(params).items()},
        "log": str(per_list.expand_log(values)[0]),
    }


def flat_files(rows, part):
    found = {}
    for row in rows:
        for value in row[part].values():
            for path in value if isinstance(value, list) else [value]:
                found[path] = None
    return list(found)


def batch_rows(step, batch, list_ids):
    """The rows of one batch job: one per list, or per list and library."""
    rows = planned_rows(step, batch)
    if rows is None:
        rows = work_out_rows(step, list_ids)
    WRITTEN_BY_BATCH.update(
        dict.fromkeys(flat_files(rows, "output"), batch_table(step, batch))
    )
    return rows


def work_out_rows(step, list_ids):
    if step in ("run_enrichment", "plot_enrichment"):
        rows = [
            row_of(step, list_id=list_id, library=library)
            for list_id in list_ids
            for library in LIBRARIES
        ]
    else:
        if step == "compare_with_pfocr":
            list_ids = [i for i in list_ids if input_kind(list_kind(i)).is_pfocr_figure]
        rows = [row_of(step, list_id=list_id) for list_id in list_ids]
    return rows


def batch_outputs(step, rows):
    """The rows' outputs, each flagged for `snakemake --report` as the per-list rule flags it,
    with its labels and category filled in from the row's wildcards."""
    per_list = workflow.get_rule(step)
    reported = {
        name: per_list.output[name].flags["report"]
        for name in per_list.output._names
        if "report" in per_list.output[name].flags
    }
    rules_dir = Path(workflow.basedir, "workflow", "rules")
    outputs = []
    for row in rows:
        fill = lambda value: (
            value.format(**row["wildcards"]) if isinstance(value, str) else value
        )
        for name, path in row["output"].items():
            flags = reported.get(name)
            if flags is None:
                outputs.append(path)
                continue
            caption = flags.caption and os.path.relpath(
                flags.caption.get_path_or_uri(secret_free=True), rules_dir
            )
            outputs.append(
                report_flag(
                    path,
                    caption=caption,
                    category=fill(flags.category),
                    subcategory=fill(flags.subcategory),
                    labels={k: fill(v) for k, v in (flags.labels or {}).items()},
                )
            )
    return outputs


def batch_table(step, batch):
    """What the batch job wrote, with checksums (exocargo.tables.ROW_BATCH_TABLE)."""
    return f"results/row_batches/{step}.{batch}.tsv"


def batch_inputs(rows):
    """The rows' input files, files of earlier batch jobs replaced by their batch tables."""
    return via_batch_tables(flat_files(rows, "input"))


def batch_log(step, batch):
    """The batch's own log: what each row did. Each row also writes its usual log (the per-list
    rule's), which is not declared here: Snakemake copies a job's log list into the record of
    every output, and a list of one log per row would grow with the square of the batch's rows.
    """
    return f"logs/row_batches/{step}.{batch}.log"


def batch_plan(step, batch, rows):
    """The rows of a batch job, kept in a file the job reads, and its sha256 as the job's parameter.

    Snakemake copies a job's parameters into the record of every output; a batch has hundreds
    of outputs, so the rows themselves as parameters would grow those records with the square of
    the batch size. The checksum still reruns the batch when any row's inputs or parameters change.
    """
    path = plan_path(step, batch)
    reused = REUSED_PLANS.get((step, batch))
    if reused is not None:  # the file holds these rows and their checksum already
        return {"step": step, "plan": str(path), "plan_sha256": reused["sha256"]}
    text = json.dumps({"step": step, "rows": rows}, sort_keys=True, indent=1)
    digest = hashlib.sha256(text.encode()).hexdigest()
    # the key sits outside the checksum: new code alone must not rerun every batch
    keyed = json.dumps(
        {"key": ROW_PLAN_KEY, "sha256": digest, "step": step, "rows": rows},
        sort_keys=True,
    )
    path.parent.mkdir(
        parents=True, exist_ok=True
    )  # not read back above: missing, or another key
    path.write_text(keyed, encoding="utf-8")
    return {"step": step, "plan": str(path), "plan_sha256": digest}


def batch_benchmark(step, batch):
    return f"logs/benchmarks/row_batches/{step}.{batch}.tsv"

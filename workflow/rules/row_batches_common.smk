## Input functions of row_batches.smk: each batch row worked out from its per-list rule

import hashlib
import json

from snakemake.iocontainers import Wildcards

from exocargo.kinds import input_kind


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


def batch_rows(step, list_ids):
    """The rows of one batch job: one per list, or per list and library."""
    if step in ("run_enrichment", "plot_enrichment"):
        return [
            row_of(step, list_id=list_id, library=library)
            for list_id in list_ids
            for library in LIBRARIES
        ]
    if step == "compare_with_pfocr":
        list_ids = [i for i in list_ids if input_kind(list_kind(i)).is_pfocr_figure]
    return [row_of(step, list_id=list_id) for list_id in list_ids]


def batch_log(step, batch, rows):
    """The batch's own log first (what each row did), then each row's usual log."""
    return [f"logs/row_batches/{step}.{batch}.log", *[row["log"] for row in rows]]


def batch_plan(step, batch, rows):
    """The rows of a batch job, kept in a file the job reads, and its sha256 as the job's parameter.

    Snakemake copies a job's parameters into the record of every output; a batch has hundreds
    of outputs, so the rows themselves as parameters would grow those records with the square of
    the batch size. The checksum still reruns the batch when any row's inputs or parameters change.
    """
    text = json.dumps({"step": step, "rows": rows}, sort_keys=True, indent=1)
    path = Path(".snakemake", "exocargo-rows", "plans", f"{step}.{batch}.json")
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return {
        "step": step,
        "plan": str(path),
        "plan_sha256": hashlib.sha256(text.encode()).hexdigest(),
    }


def batch_benchmark(step, batch):
    return f"logs/benchmarks/row_batches/{step}.{batch}.tsv"

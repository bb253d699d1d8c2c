"""One step of one list, run alone or as one row of a batch job that serves many sheet rows.

A sheet of hundreds of small lists would be thousands of jobs, and each job pays for a Python
process, its imports and the reference tables it loads (1-8 s) before it does its few
milliseconds of work. So, from ``batching.from_rows`` rows on, the workflow puts the sheet's
non-gmt rows into ``batching.batches`` batches by a hash of their ``list_id``
(:func:`plan_row_batches`) and runs each step once per batch (``workflow/rules/row_batches.smk``).
A list's files, logs and numbers are the same either way: each step script is one function of
one list's inputs, outputs and parameters (a :class:`StepJob`), which :func:`each_list` calls
once, or once per row of the batch.

In a batch, Snakemake reruns the whole batch when one of its rows changes (a row added, a file
edited), and removes the batch's outputs first. Each row's outputs and log are therefore kept in
a per-row cache (:class:`RowCache`, ``.snakemake/exocargo-rows/``) under a key over the row's
input files, parameters and the package's code; an unchanged row is copied back, so a rerun
after adding one row computes only that row. Reference tables a batch reads for every row are
loaded once per job (:func:`shared`).
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
import shutil
import sys
import time
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from exocargo.files import stat_key
from exocargo.resources.sources import sha256_of

PACKAGE = Path(__file__).resolve().parent
CACHE_DIR = Path(".snakemake") / "exocargo-rows"
# Files up to this size are keyed by content (the step outputs a later step reads); larger ones,
# the pinned reference tables, by path, size and modification time.
HASH_CONTENT_UP_TO = 8 << 20


def batch_of(list_id: str, batches: int) -> int:
    """The batch of a row: a hash of its id, so adding or removing rows never moves another row."""
    return int.from_bytes(hashlib.sha256(list_id.encode("utf-8")).digest()[:8], "big") % batches


def plan_row_batches(kinds: Mapping[str, str], *, from_rows: int, batches: int) -> dict[str, list[str]]:
    """``{batch name: [list_id, ...]}`` for the rows served by batch jobs; empty below ``from_rows``.

    ``kinds`` is ``{list_id: kind}`` in sheet order. gmt rows are never batched: each is already
    one job per step (or per chunk of sets). Empty batches get no jobs.
    """
    rows = [list_id for list_id, kind in kinds.items() if kind != "gmt"]
    if batches < 1 or from_rows < 1 or len(rows) < from_rows:
        return {}
    planned: dict[int, list[str]] = defaultdict(list)
    for list_id in rows:
        planned[batch_of(list_id, batches)].append(list_id)
    width = len(str(batches - 1))
    return {f"rows{number:0{width}d}": planned[number] for number in sorted(planned)}


class Files(SimpleNamespace):
    """A step's named files or parameters, read as attributes (``job.input.genes``) like Snakemake's."""


@dataclass(frozen=True)
class StepJob:
    """What one step of one list reads and writes: the per-list rule's input, output, params."""

    wildcards: Files
    input: Files
    output: Files
    params: Files
    log: str

    @classmethod
    def from_row(cls, row: Mapping) -> StepJob:
        return cls(
            wildcards=Files(**row["wildcards"]),
            input=Files(**row["input"]),
            output=Files(**row["output"]),
            params=Files(**row["params"]),
            log=row["log"],
        )

    @classmethod
    def from_snakemake(cls, snakemake) -> StepJob:
        return cls(
            wildcards=Files(**dict(snakemake.wildcards.items())),
            input=Files(**dict(snakemake.input.items())),
            output=Files(**dict(snakemake.output.items())),
            params=Files(**dict(snakemake.params.items())),
            log=snakemake.log[0],
        )

    @property
    def name(self) -> str:
        """The row's name in the batch log and the cache: its wildcards (``list_id``, ``library``)."""
        return ".".join(str(value) for value in vars(self.wildcards).values())


def open_job_log(snakemake) -> None:
    """Send stderr to the job's log: the list's own log, or the batch log of a batch job."""
    sys.stderr = open(snakemake.log[0], "w", encoding="utf-8")


def each_list(snakemake, step: Callable[[StepJob], None]) -> None:
    """Run ``step`` for the job's one list, or for every row of a batch job.

    In a batch each row writes its own log. A row that raises does not stop the others; the job
    fails after the last row, naming the rows that failed (their tracebacks are in their logs),
    and the rows that succeeded are kept in the row cache for the rerun.
    """
    plan = getattr(snakemake.params, "plan", None)
    if plan is None:
        step(StepJob.from_snakemake(snakemake))
        return
    rows = json.loads(Path(plan).read_text(encoding="utf-8"))["rows"]
    cache = RowCache(CACHE_DIR / snakemake.params.step, code=code_fingerprint(step))
    failed = []
    jobs = [StepJob.from_row(row) for row in rows]
    for job in jobs:
        started = time.perf_counter()
        key = cache.key(job)  # before the step runs: what it read, not what it may have changed
        if cache.restore(job, key):
            print(f"{job.name}: unchanged, restored from the row cache", file=sys.stderr)
            continue
        if not _run_logged(step, job):
            failed.append(job.name)
            print(f"{job.name}: FAILED, see {job.log}", file=sys.stderr)
            continue
        cache.store(job, key)
        print(f"{job.name}: done in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    if failed:
        raise SystemExit(f"{len(failed)} of {len(rows)} rows failed: {', '.join(failed)} (each row's log says why)")
    write_batch_table(jobs, snakemake.output.batch)


def write_batch_table(jobs: list[StepJob], path: str | Path) -> None:
    """The batch table (``ROW_BATCH_TABLE``): every file the batch wrote, with its SHA-256.

    Later steps' batch jobs take this one file as input instead of each row's files: Snakemake
    keeps, for every output, the job's whole input list and a checksum of each input, so
    per-row inputs would make a batch's bookkeeping grow with the square of its rows. Its
    content changes exactly when a row's files do, so a rerun that wrote the same bytes reruns
    nothing downstream.
    """
    import pandas as pd

    from exocargo.files import write_table
    from exocargo.tables import ROW_BATCH_TABLE

    records = [(job.name, file, sha256_of(file)) for job in jobs for file in _file_paths(vars(job.output).values())]
    write_table(pd.DataFrame(records, columns=ROW_BATCH_TABLE.columns), path)


def _run_logged(step: Callable[[StepJob], None], job: StepJob) -> bool:
    batch_log = sys.stderr
    Path(job.log).parent.mkdir(parents=True, exist_ok=True)  # a batch job's row logs are not declared
    with open(job.log, "w", encoding="utf-8") as log:
        sys.stderr = log
        try:
            step(job)
        except Exception:
            traceback.print_exc(file=log)
            return False
        finally:
            sys.stderr = batch_log
    return True


# ---------------------------------------------------------------- the per-row cache


@functools.cache
def package_fingerprint() -> str:
    """A key over the package's source: every ``.py`` file's path and bytes."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def code_fingerprint(step: Callable) -> str:
    """A key over the package's source and the step function: new code never reuses old rows."""
    digest = hashlib.sha256(package_fingerprint().encode())
    try:
        digest.update(inspect.getsource(step).encode())
    except (OSError, TypeError):
        digest.update(step.__qualname__.encode())
    return digest.hexdigest()


def _file_paths(values: Iterable) -> Iterable[str]:
    for value in values:
        if isinstance(value, (list, tuple)):
            yield from _file_paths(value)
        elif value:
            yield str(value)


def _file_key(path: Path) -> str:
    return _content_key(str(path), stat_key(path))


@functools.cache  # by identity: the gene table, libraries and other inputs every row shares are hashed once per job
def _content_key(path: str, identity: str) -> str:
    if Path(path).is_file() and Path(path).stat().st_size <= HASH_CONTENT_UP_TO:
        return "sha256 " + sha256_of(path)
    return "stat " + identity


class RowCache:
    """The outputs and log of each row's last successful run, under a key of everything it read.

    One entry per row (``<step>/<row name>/``): storing a row replaces its older entry, so the
    cache holds at most one copy of each list's step outputs.
    """

    def __init__(self, folder: Path, *, code: str):
        self.folder = Path(folder)
        self.code = code

    def key(self, job: StepJob) -> str:
        digest = hashlib.sha256(self.code.encode())
        digest.update(json.dumps(vars(job.params), sort_keys=True, default=repr).encode())
        digest.update(json.dumps(vars(job.output), sort_keys=True, default=repr).encode())
        for path in _file_paths(vars(job.input).values()):
            digest.update(f"{path}\0{_file_key(Path(path))}\0".encode())
        return digest.hexdigest()

    def _entry(self, job: StepJob) -> Path:
        return self.folder / job.name

    def restore(self, job: StepJob, key: str) -> bool:
        """Copy the row's cached outputs and log into place if they were stored under ``key``."""
        entry = self._entry(job)
        try:
            if (entry / "key").read_text() != key:
                return False
        except OSError:
            return False
        outputs = list(_file_paths(vars(job.output).values()))
        if not all((entry / str(number)).is_file() for number in range(len(outputs))):
            return False
        for number, path in enumerate(outputs):
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(entry / str(number), path)
        log = (entry / "log").read_text(encoding="utf-8") if (entry / "log").exists() else ""
        Path(job.log).parent.mkdir(parents=True, exist_ok=True)
        Path(job.log).write_text(log + "(restored from the row cache: inputs, parameters and code unchanged)\n")
        return True

    def store(self, job: StepJob, key: str) -> None:
        """Keep the row's outputs and log under ``key``; a cache that cannot be written only costs a rerun."""
        entry = self._entry(job)
        staging = entry.with_name(f"{entry.name}.part")
        try:
            shutil.rmtree(staging, ignore_errors=True)
            staging.mkdir(parents=True)
            for number, path in enumerate(_file_paths(vars(job.output).values())):
                shutil.copyfile(path, staging / str(number))
            shutil.copyfile(job.log, staging / "log")
            (staging / "key").write_text(key)
            shutil.rmtree(entry, ignore_errors=True)
            staging.rename(entry)
        except OSError as error:
            shutil.rmtree(staging, ignore_errors=True)
            print(f"{job.name}: not cached ({error})", file=sys.stderr)


# ---------------------------------------------------------------- tables read by every row

_SHARED: dict[tuple, object] = {}


def shared(load: Callable, *paths, **options):
    """``load(*paths, **options)``, once per job: the reference tables every row of a batch reads.

    Keyed by the files' paths, sizes and modification times. Callers treat the result as read-only.
    """
    stats = tuple(stat_key(p) if p else None for p in paths)
    key = (load.__module__, load.__qualname__, stats, repr(options))
    if key not in _SHARED:
        _SHARED[key] = load(*paths, **options)
    return _SHARED[key]

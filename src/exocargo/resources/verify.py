"""Fetched resource files checked against the sha256 recorded when they were fetched, every run.

A truncated or edited reference table would otherwise change results silently
(a shorter HGNC table drops mappings) while the reports still show the pinned
checksum. Hashing every file on every run would cost seconds, so the size and
modification time of each file that last matched are kept in
``<resources_dir>/.verified.json``; a file is hashed again only when they change.
A mismatch stops the run before any job starts, so no derived table is built
from a changed file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from exocargo.resources.sources import sha256_of

VERIFIED_CACHE = ".verified.json"


class ResourceChangedError(ValueError):
    """A fetched resource no longer has the content recorded in its provenance; lists every such file."""


def _recorded_files(root: Path) -> list[tuple[Path, str, Path]]:
    """(file, recorded sha256, provenance file) for every file a provenance record lists."""
    found = []
    for provenance in sorted(root.rglob("*provenance.json")):
        try:
            record = json.loads(provenance.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for entry in (record.get("files") or {}).values():
            if isinstance(entry, dict) and entry.get("sha256") and entry.get("path"):
                # Recorded paths are relative to the work folder that fetched them; the file sits
                # beside its provenance record, whichever work folder shares this resources folder.
                found.append((provenance.parent / Path(entry["path"]).name, entry["sha256"], provenance))
    return found


def _read_cache(path: Path) -> dict:
    try:
        cache = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return cache if isinstance(cache, dict) else {}


def _write_cache(path: Path, cache: dict) -> None:
    # A unique temporary name: work folders sharing one resources folder may verify at once.
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(cache, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)  # a read-only resources folder is verified again next time


def resource_problems(root: str | Path) -> list[str]:
    """One line per fetched file whose content differs from its provenance record (missing files are refetched)."""
    root = Path(root)
    if not root.is_dir():
        return []
    cache_path = root / VERIFIED_CACHE
    cache = _read_cache(cache_path)
    problems, updated = [], dict(cache)
    for path, recorded, provenance in _recorded_files(root):
        try:
            stat = path.stat()
        except OSError:
            continue
        key = str(path.relative_to(root))
        state = [stat.st_size, stat.st_mtime_ns, recorded]
        if cache.get(key) == state:
            continue
        actual = sha256_of(path)
        if actual == recorded:
            updated[key] = state
            continue
        updated.pop(key, None)
        problems.append(
            f"{path}: its sha256 is {actual[:12]}…, but {provenance} records {recorded[:12]}… for it: the file was "
            f"changed or cut short after it was fetched. Delete the folder {path.parent} and run `make resources` "
            "(or the workflow again) to fetch it afresh."
        )
    if updated != cache:
        _write_cache(cache_path, updated)
    return problems


def verify_resources(root: str | Path) -> None:
    """Raise :class:`ResourceChangedError` listing every fetched file that no longer matches its record."""
    problems = resource_problems(root)
    if problems:
        raise ResourceChangedError("\n".join(problems))

"""A built mapper kept as a binary file beside its tables, so that each job loads it instead of
building it again.

Building :class:`~exocargo.mapping.local.LocalMapper` reads the gene table, the miRBase hairpins
and FamPlex and indexes half a million names (about 1.5-3 s); loading the pickled result takes
about 0.4 s. The file is written once per resources folder (``<genes folder>/.mapper-cache/``),
by the first job that needs it, atomically, and is named by a key over the input files (path,
size, modification time) and the source of the mapping code: a changed table or a new version of
the code gives a new key, never a stale mapper. Only files this module wrote are read (pickle is
not for untrusted input); an unwritable folder just means no cache.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path

from exocargo.files import atomic_output, stat_key

CACHE_FOLDER = ".mapper-cache"
# The modules whose classes and rules the pickled mapper holds.
CODE = ("local.py", "families.py", "words.py", "decisions.py", "mirna.py", "cache.py")


def _fingerprint(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in CODE:
        digest.update((here / name).read_bytes())
    digest.update((here.parent / "greek.py").read_bytes())
    for path in paths:
        digest.update(f"{stat_key(path)}\0".encode())
    return digest.hexdigest()[:24]


def cached(inputs: list[Path], build: Callable[[], object], *, folder: Path) -> object:
    """``build()``'s result, from ``folder``'s cache when the inputs and the code are unchanged."""
    files = sorted(p for path in inputs for p in (sorted(path.glob("*.csv")) if path.is_dir() else [path]))
    path = folder / CACHE_FOLDER / f"mapper-{_fingerprint(files)}.pickle"
    if path.exists():
        try:
            with open(path, "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a damaged or foreign file: build again and replace it
    built = build()
    try:
        with atomic_output(path) as tmp:
            tmp.write_bytes(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a read-only resources folder: no cache, same result
    return built

"""``exocargo map FILE`` and ``exocargo enrich FILE --library NAME``: the Python API from a shell.

FILE holds one name per line (``-`` reads standard input); the table goes to standard output as TSV.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from exocargo.api import enrich, map_names


def _names(path: str) -> list[str]:
    text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="exocargo", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    mapping = commands.add_parser("map", help="map names to Entrez Gene IDs")
    mapping.add_argument("file", help="one name per line, or - for standard input")
    enrichment = commands.add_parser("enrich", help="over-representation of the names in one library")
    enrichment.add_argument("file", help="one name per line, or - for standard input")
    enrichment.add_argument("--library", default="KEGG_2021_Human", help="a fetched library (default %(default)s)")
    enrichment.add_argument("--background", default="library", choices=("library", "protein_coding"))
    args = parser.parse_args(argv)
    try:
        names = _names(args.file)
    except OSError as error:
        parser.error(f"cannot read {args.file}: {error.strerror}")
    if args.command == "map":
        table = map_names(names)
    else:
        table = enrich(names, library=args.library, background=args.background)
    table.to_csv(sys.stdout, sep="\t", index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

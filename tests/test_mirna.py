"""miRNA name parsing: the written forms found in reviews and figures."""

import pytest
from conftest import HAIRPINS_TSV, require

from exocargo.files import read_tsv
from exocargo.mapping.mirna import find_mentions, hairpins_for, parse_mirnas


@pytest.fixture(scope="module")
def hairpins():
    table = read_tsv(require(HAIRPINS_TSV))
    index: dict[str, list[str]] = {}
    for hairpin, entrez in zip(table["hairpin"], table["entrez_id"]):
        index.setdefault(hairpin.lower(), []).append(entrez)
    return index


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("miR-21", ["hsa-miR-21"]),
        ("hsa-miR-21-5p", ["hsa-miR-21-5p"]),
        ("microRNA-21", ["hsa-miR-21"]),
        ("MicroRNA-155", ["hsa-miR-155"]),
        ("let-7a", ["hsa-let-7a"]),
        ("miR-221/222", ["hsa-miR-221", "hsa-miR-222"]),
        ("miR-221/-222", ["hsa-miR-221", "hsa-miR-222"]),
        ("miR-181a/b", ["hsa-miR-181a", "hsa-miR-181b"]),
        ("miR-222-3p/221-3p", ["hsa-miR-222-3p", "hsa-miR-221-3p"]),
        ("hsa-mir-202-3p", ["hsa-miR-202-3p"]),
    ],
)
def test_written_forms_normalise_to_mirbase_names(written, expected):
    assert [m.mature_name for m in parse_mirnas(written)] == expected


def test_family_and_cluster_expand_to_members():
    family = [m.mature_name for m in parse_mirnas("miR-200 family")]
    assert family == ["hsa-miR-200", "hsa-miR-141", "hsa-miR-429"]
    cluster = [m.mature_name for m in parse_mirnas("miR-17-92 cluster")]
    assert "hsa-miR-92a" in cluster and len(cluster) == 6


def test_words_are_not_mirnas():
    assert parse_mirnas("PTEN") == []
    assert parse_mirnas("mirror") == []


def test_mentions_in_prose_keep_arm_and_stop_at_hyphenated_words():
    text = "in an exosomal miR-100-5p-dependent manner; miR-222-rich EVs; (miR-21, miR-155); miR-2224"
    found = [m for _, _, m in find_mentions(text)]
    assert found == ["miR-100-5p", "miR-222", "miR-21", "miR-155", "miR-2224"]


def test_let7a_comes_from_three_loci(hairpins):
    loci, note = hairpins_for(parse_mirnas("let-7a")[0], hairpins)
    assert loci == ["hsa-let-7a-1", "hsa-let-7a-2", "hsa-let-7a-3"]
    assert "3 hairpin loci" in note


def test_arm_maps_to_its_hairpin_and_mir21_is_406991(hairpins):
    loci, _ = hairpins_for(parse_mirnas("miR-21-5p")[0], hairpins)
    assert loci == ["hsa-mir-21"] and hairpins["hsa-mir-21"] == ["406991"]


def test_missing_letter_expands_to_paralogs_with_a_note(hairpins):
    loci, note = hairpins_for(parse_mirnas("miR-199")[0], hairpins)
    assert loci == ["hsa-mir-199a-1", "hsa-mir-199a-2", "hsa-mir-199b"]
    assert "no letter given" in note


def test_mouse_names_are_not_mapped_to_human_genes(hairpins):
    loci, note = hairpins_for(parse_mirnas("mmu-miR-21a-5p")[0], hairpins)
    assert loci == [] and "mmu" in note


def test_an_arm_written_without_its_p_and_names_between_double_hyphens(hairpins):
    # "miR-17-5" (SCAI abstract 20488792): hsa-mir-17 has no hairpin copy 5, so -5 is the 5p arm.
    loci, note = hairpins_for(parse_mirnas("miR-17-5")[0], hairpins)
    assert loci == ["hsa-mir-17"] and "5p arm" in note
    assert hairpins_for(parse_mirnas("miR-16-1")[0], hairpins) == (["hsa-mir-16-1"], "")  # a real copy stays one
    text = "microRNAs (miRNA)--miR-17-5, miR-20a, and miR-93--which target MICA"
    assert [m for _, _, m in find_mentions(text)] == ["miR-17-5", "miR-20a", "miR-93"]

"""FamPlex families: expansion through isa and partof, and written names."""

import pytest
from conftest import FAMPLEX_DIR, require

from exocargo.mapping.families import FamPlex


@pytest.fixture(scope="module")
def famplex():
    return FamPlex.from_dir(require(FAMPLEX_DIR))


def symbols(famplex, entity):
    return sorted(m.ident for m in famplex.members(entity))


def test_pi3k_expands_through_partof_subfamilies(famplex):
    # PI3K has no direct isa member; its genes sit in p110 and regulatory subunit families (FACTS.md: 10 genes).
    assert symbols(famplex, "PI3K") == [
        "PIK3CA",
        "PIK3CB",
        "PIK3CD",
        "PIK3CG",
        "PIK3R1",
        "PIK3R2",
        "PIK3R3",
        "PIK3R4",
        "PIK3R5",
        "PIK3R6",
    ]
    path = {m.ident: m.path for m in famplex.members("PI3K")}["PIK3CA"]
    assert path == "PIK3CA isa PI3K_p110 partof PI3K"


def test_nested_families_reach_every_gene(famplex):
    assert symbols(famplex, "ERK") == ["MAPK1", "MAPK3"]
    mapk = symbols(famplex, "MAPK")
    assert {"MAPK1", "MAPK3", "MAPK8", "MAPK14"} <= set(mapk) and len(mapk) == 9
    assert len(famplex.members("RAB")) == 68  # FACTS.md: Rab expands to 68


def test_complexes_list_their_parts(famplex):
    assert set(symbols(famplex, "NFkappaB")) == {"NFKB1", "NFKB2", "REL", "RELA", "RELB"}
    assert "CDC20" not in symbols(famplex, "APC_C") and "ANAPC1" in symbols(famplex, "APC_C")


def test_written_forms_ground_to_families_genes_or_chemicals(famplex):
    assert [g.curie for g in famplex.ground("Erk1/2")] == ["FPLX:ERK"]
    assert [g.curie for g in famplex.ground("NF-KB")] == ["FPLX:NFkappaB"]  # any case
    assert [g.curie for g in famplex.ground("CaM")] == ["FPLX:CALM"]
    assert all(not g.is_gene for g in famplex.ground("ADP"))
    assert famplex.ground("p53")[0].curie == "UP:P04637"
    assert famplex.ground("APC/C")[0].ident == "APC_C"


def test_exact_spelling_wins_over_other_cases(famplex):
    # "cAMP" is curated as the chemical; asking for the exact spelling only gives that.
    assert {g.namespace for g in famplex.ground("cAMP", exact_case=True)} <= {"CHEBI", "PUBCHEM", "HMDB"}
    assert famplex.ground("CAMP", exact_case=True) == ()


def test_famplex_ids_are_names_too(famplex):
    assert famplex.ground("TRP")[0].curie == "FPLX:TRP"  # not in the grounding map, but a FamPlex id


def test_missing_files_say_how_to_fetch_them(tmp_path):
    with pytest.raises(FileNotFoundError, match="fetch_famplex"):
        FamPlex.from_dir(tmp_path)

"""Each stated relation keeps the citation its sentence gives, and the cited work's DOI or PMID."""

from __future__ import annotations

from exocargo.tables import RELATIONS_TABLE
from exocargo.text.citations import ReferenceList, citations_in, cited_numbers
from exocargo.text.mentions import MentionFinder, mine_text
from exocargo.text.relations import find_relations, relations_table

REVIEW = """# Exosomal miRNAs in cancer

Exosomal miR-21 targets PTEN in macrophages [2]. Exosomes carry miR-155, which suppresses SOCS1
(Lee et al., 2020). Tumour exosomes deliver miR-10b, which inhibits HOXD10 [1, 3-4].

## References

[1] Smith J, Doe A. Exosome biology. J Cell Sci 2018;131:1-9. doi:10.1242/jcs.200001.
[2] Kim A, Park B. miR-21 in exosomes. Cell 2019;5:1-9. doi:10.1016/j.cell.2019.05.001.
[3] Lee K, Roe J. miR-155 and SOCS1. Nature 2020;580:10-20. PMID: 32345678
[4] Wu X. HOXD10. Oncogene 2017;36:1-5.
"""


def test_stated_rows_carry_the_citation_and_the_cited_works_from_the_reference_list():
    table = relations_table(mine_text(REVIEW, MentionFinder(mapper=None)))
    assert list(table.columns) == list(RELATIONS_TABLE.columns)
    rows = {row.regulator: (row.citation, row.cited) for row in table.itertuples()}
    assert rows["hsa-miR-21"] == ("[2]", "doi:10.1016/j.cell.2019.05.001")
    assert rows["hsa-miR-155"] == ("(Lee et al., 2020)", "PMID:32345678")
    # [4] is in the list but names no DOI or PMID: the marker is kept, nothing is made up for it.
    assert rows["hsa-miR-10b"] == ("[1, 3-4]", "doi:10.1242/jcs.200001;PMID:32345678")


def test_the_reference_list_is_not_mined_for_mentions_or_relations():
    sentences = mine_text(REVIEW, MentionFinder(mapper=None))
    assert not any("Oncogene" in s.text or "Exosome biology" in s.text for s in sentences)
    cargo = {(r.cargo, r.target) for r in find_relations(sentences)}
    assert cargo == {("hsa-miR-21", "PTEN"), ("hsa-miR-155", "SOCS1"), ("hsa-miR-10b", "HOXD10")}


def test_citation_markers_as_papers_write_them():
    assert citations_in("X binds Y^{[[12]](#page-3)} and Z (3, 5), in 2019 (n = 3).") == ["[12]", "(3, 5)"]
    assert cited_numbers("[3–5, 8]") == [3, 4, 5, 8]
    unnumbered = ReferenceList(["Smith J. A. J Biol 2018. doi:10.1000/xyz1", "Lee K. B. Cell 2019. PMID: 1234567"])
    assert unnumbered.cited(["[2]", "(Smith, 2018)"]) == ["PMID:1234567", "doi:10.1000/xyz1"]
    linked = ReferenceList(["- Roe K. C. Nat 2012;3:9. [DOI](https://dx.doi.org/10.1016/S0092-8674(00)81092-2)"])
    assert linked.cited(["[1]"]) == ["doi:10.1016/S0092-8674(00)81092-2"]

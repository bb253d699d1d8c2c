"""Term groups: significant terms resting on the same hit genes are shown as one finding."""

from __future__ import annotations

from exocargo.enrichment.ora import ora_batch
from exocargo.enrichment.redundancy import term_groups

BACKGROUND = [str(g) for g in range(1, 1001)]
LIBRARY = {
    "signalling core": [str(g) for g in range(1, 11)],
    "a disease map with the same core": [str(g) for g in range(1, 11)] + [str(g) for g in range(500, 540)],
    "an unrelated process": [str(g) for g in range(100, 110)],
    "noise": [str(g) for g in range(700, 760)],
}
QUERY = {"list": [str(g) for g in range(1, 9)] + [str(g) for g in range(100, 106)] + ["701"]}


def test_terms_on_the_same_hit_genes_share_a_group_and_others_lead_their_own():
    table = ora_batch(QUERY, LIBRARY, background=BACKGROUND)
    groups = dict(zip(table["term"], term_groups(table, fdr_threshold=0.05, min_jaccard=0.5)))
    assert groups["signalling core"] == groups["a disease map with the same core"] == "signalling core"
    assert groups["an unrelated process"] == "an unrelated process"
    assert groups["noise"] == ""  # not significant: no group


def test_grouping_can_be_turned_off():
    table = ora_batch(QUERY, LIBRARY, background=BACKGROUND)
    assert set(term_groups(table, fdr_threshold=0.05, min_jaccard=0)) == {""}

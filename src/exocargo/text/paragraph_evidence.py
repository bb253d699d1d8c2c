"""Ambiguous gene names in prose decided by the other genes of their paragraph.

A paragraph, like a pathway figure, tends to name genes that work together: ``HRS`` beside TSG101,
STAM and VPS4A is HGS (the ESCRT-0 subunit), not SRSF5, whose alias it also is. A name the gene
tables leave ambiguous (several candidates, none picked by the document's definitions or words) is
decided by the rule figures use (:func:`exocargo.mapping.figure_evidence.choose_meaning`): the
candidate that shares a curated pathway set with clearly more of the paragraph's other genes wins,
and the mention's note says which genes and which set decided. A name read as one gene's previous
symbol that is also other genes' alias (``SIP1``: GEMIN2 was its symbol, ZEB2 has it as an alias)
is contested the same way: beside ZEB1, CDH1 and CTNNB1 it is ZEB2. Only genes named once and
unambiguously in the paragraph count as evidence; where the evidence is weak the name stays
ambiguous, all candidates listed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import groupby

from exocargo.mapping.figure_evidence import MIN_SUPPORT, PathwayEvidence, choose_meaning
from exocargo.text.model import Mention, Sentence

GENE_MENTIONS = ("gene", "protein")


def _ambiguous(mention: Mention) -> bool:
    return mention.type in GENE_MENTIONS and not mention.normalized and len(mention.entrez) > 1


def _no_rivals(mention: Mention) -> tuple[str, ...]:
    return ()


def alias_rivals(mapper, mention: Mention) -> tuple[str, ...]:
    """Genes whose alias a name is, when the mapper read it as another gene's previous symbol (SIP1)."""
    others = getattr(mapper, "by_other", {}).get(mention.text.upper(), ())
    if len(mention.entrez) != 1 or (mention.entrez[0], "previous") not in others:
        return ()
    return tuple(entrez for entrez, kind in others if kind == "alias" and entrez != mention.entrez[0])


def decide_by_paragraph(
    sentences: list[Sentence],
    evidence: PathwayEvidence,
    symbols: dict[str, str],
    rivals: Callable[[Mention], tuple[str, ...]] = _no_rivals,
) -> list[Sentence]:
    """The sentences with their ambiguous gene mentions decided where the paragraph is clear.

    ``rivals`` gives, for a name read as one gene's previous symbol, the genes whose alias it also is
    (``SIP1``: GEMIN2's previous symbol, ZEB2's alias): a rival the paragraph clearly supports wins.
    """
    decided: list[Sentence] = []
    for _, group in groupby(sentences, key=lambda s: s.paragraph):
        paragraph = list(group)
        mentions = [m for s in paragraph for m in s.mentions]
        contested = {id(m): rivals(m) for m in mentions if m.type in GENE_MENTIONS and len(m.entrez) == 1}
        if not any(_ambiguous(m) for m in mentions) and not any(contested.values()):
            decided += paragraph
            continue
        genes = {m.entrez[0] for m in mentions if m.type in GENE_MENTIONS and m.normalized and len(m.entrez) == 1}
        answers: dict[tuple[str, ...], tuple[str, str] | None] = {}
        for sentence in paragraph:
            changed = []
            for mention in sentence.mentions:
                # Candidates: an ambiguous name's genes, or a previous symbol's gene and its rivals.
                candidates = (
                    mention.entrez if _ambiguous(mention) else (*mention.entrez, *contested.get(id(mention), ()))
                )
                context = genes - {mention.entrez[0]} if len(mention.entrez) == 1 else genes
                if len(candidates) > 1 and len(context - set(candidates)) >= MIN_SUPPORT:
                    if candidates not in answers:
                        meanings = {entrez: {entrez} for entrez in candidates}
                        answers[candidates] = choose_meaning(
                            meanings, context, evidence, symbols, where="the paragraph"
                        )
                    answer = answers[candidates]
                    if answer is not None and (answer[0],) != mention.entrez:
                        entrez, why = answer
                        mention = replace(mention, normalized=symbols.get(entrez, ""), entrez=(entrez,), note=why)
                changed.append(mention)
            decided.append(replace(sentence, mentions=changed))
    return decided

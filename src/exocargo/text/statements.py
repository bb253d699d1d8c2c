"""Regulator -> target statements of a sentence, read with the direction the grammar gives.

Every sentence of a document is read, about vesicles or not. A statement
needs an effect word (:data:`exocargo.text.cues.EFFECT_CUES`: *targets*, *down-regulates*,
*inhibits*, *activates*, *induces*, *binds*, *sponges*...) and names on both
sides of it in the roles the grammar gives them:

* **active verb**: ``miR-21 targets PTEN``, ``miR-21 directly suppresses the expression of PTEN and SOX2``:
  the regulator is the group of names just before the verb, the targets the
  group after it, before the clause turns (``which``, ``via``, ``;``...).
* **passive**: ``PTEN is targeted by miR-21``, ``e2f1 is repressed by let-7``: the regulator follows *by*,
  or is named by the means (``PTEN was reduced in cells transfected with miR-21``, ``... after miR-21
  knockdown``); without either, the passive's subject is acted on by no one named (``miR-17/92 is
  up-regulated in SHH-driven tumours`` states nothing about SHH).
* **nominal**: ``down-regulation of PTEN by miR-21``, ``miR-21-mediated suppression of PTEN``,
  ``PKM2 is a target of miR-326``, ``miR-21 target genes PTEN and PDCD4``; agent nouns (``miR-26a as a
  regulator of PTEN``), joined verbs (``the PTEN-regulating microRNA miR-26a``), ``its target SOD2`` and
  appositions (``PTBP1, a recognized miR-124 target gene``).
* **relative clause**: in ``X down-regulates A, which activates B`` the
  regulator of *activates* is A (the name the clause hangs on); X -> B is
  kept too, with ``via`` A. A cell or any other noun between A and *which*
  breaks the chain (``... PTEN in macrophages, which then secrete IL-6``).
* **loss of the regulator**: ``miR-21 knockdown increased PTEN`` and
  ``blocking nSMase2 raised cellular miR-X`` state the opposite effect of the
  regulator itself (miR-21 down-regulates PTEN; nSMase2 lowers miR-X).

So a protein acting on a miRNA is a protein -> miRNA statement, never a
miRNA -> protein one, and a correlation (``correlated with``, ``associated
with``) or a plain co-mention states nothing. Statements are flagged, never
dropped, when negated (``did not affect``) or hedged (``may``, ``suggests``,
``predicted``).

>>> from exocargo.text.mentions import MentionFinder, mine_text
>>> sentences = mine_text("PTEN is a direct target of miR-21.", MentionFinder(mapper=None))
>>> [(s.regulator, s.target_symbol, s.effect) for s in find_statements(sentences)]
[('hsa-miR-21', 'PTEN', 'targets')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exocargo.text.cues import (
    AGENT_EFFECT,
    AGENT_NOUN,
    AGENT_OF_BEFORE,
    APPOSITION_OPENS,
    ARTICLE_BEFORE,
    CARRIED_BEFORE,
    CLAUSE_TURN,
    COMPOUND_NOUN_AFTER,
    CONJOINED,
    CONJUNCTION,
    CONTRAST_OR_BREAK,
    CONTRASTED,
    CONTRASTED_BEFORE,
    COORDINATED,
    COORDINATED_VERB,
    CORRELATION,
    CUE,
    DONE_AFTER,
    ENUMERATION_OPENS,
    EXCLUDED_BEFORE,
    GROUP_GAP,
    HEDGE,
    IN_A_PHRASE_BEFORE,
    INSTRUMENT,
    ITS_TARGET,
    JOINED_VERB,
    LINKING,
    LIST_GAP,
    LOSS_AFTER,
    LOSS_BEFORE,
    MEANS_BEFORE,
    MEANS_IN_GAP,
    MEANS_SUBJECT_GAP_WORDS,
    MEANS_TIME,
    MODIFIER_AFTER_NAME,
    NEGATION,
    NEXT_VERB,
    NOMINAL_BY,
    NOMINAL_CUE,
    NOMINAL_OF,
    NOUN_THEN_RELATIVE,
    OBJECT_GAP_WORDS,
    OPENING_WORDS,
    OPPOSITE,
    PARTICIPLE,
    PARTICIPLE_ATTACHED,
    PARTICIPLE_BEFORE_NOUN,
    PASSIVE_BEFORE,
    PASSIVE_BY,
    PASSIVE_MEANS,
    PLACE_OR_TIME,
    POPULATION_AFTER,
    REGULATOR_TYPES,
    RELATIVE,
    RNA_TARGET_NOUN,
    RNA_TYPES,
    SPACE_AND_ADVERB,
    SUBJECT_GAP_WORDS,
    TARGET_NOUN,
    TARGET_OF_AFTER,
    TARGET_TYPES,
    apposition_before_verb,
)
from exocargo.text.model import MIRNA_SEPARATOR, Mention, Sentence


@dataclass(frozen=True)
class Statement:
    """One regulator -> target statement of a sentence."""

    regulator: str  # normalised: hsa-miR-21-5p, an HGNC symbol, a lncRNA symbol, a FamPlex family
    regulator_type: str
    regulator_text: str
    regulator_entrez: tuple[str, ...]
    target_as_written: str
    target_symbol: str
    target_entrez: tuple[str, ...]
    target_type: str  # gene, family, mirna, lncrna, circrna, pathway
    effect: str  # down, up, inhibits, activates, targets, unspecified
    via: str  # the intermediate name, when the target is reached through it
    negated: bool
    hedged: bool
    sentence_index: int
    section: str
    evidence: str
    regulator_start: int  # offsets in the sentence
    target_start: int


@dataclass(frozen=True)
class _Name:
    """A mention, or a pathway name, in a sentence."""

    start: int
    end: int
    mention: Mention


def _groups(names: list[_Name], text: str) -> list[list[_Name]]:
    """Runs of names joined only by commas, *and*, *or*, slashes or brackets."""
    groups: list[list[_Name]] = []
    for name in names:
        if groups and GROUP_GAP.match(text[groups[-1][-1].end : name.start]):
            groups[-1].append(name)
        else:
            groups.append([name])
    return groups


def _turns(text: str) -> bool:
    return bool(CLAUSE_TURN.search(text))


def _words(text: str) -> int:
    return len(text.split())


def _subject(groups: list[list[_Name]], text: str, cue_start: int) -> tuple[list[_Name], bool] | None:
    """The group before a verb that does its action, and whether a loss word comes with it."""
    apposition = apposition_before_verb(text, cue_start, {n.start for g in groups for n in g})
    before = [g for g in groups if g[-1].end <= (apposition[0] if apposition else cue_start)]
    if not before:
        return None
    group = before[-1]
    gap = text[group[-1].end : cue_start]
    if apposition:  # the apposition set aside
        gap = text[group[-1].end : apposition[0]] + " " + apposition[1]
    if _turns(gap) or _words(gap) > SUBJECT_GAP_WORDS or CUE.search(_without_modifiers(gap)) or CORRELATION.search(gap):
        return None
    if NOUN_THEN_RELATIVE.match(_without_modifiers(gap)):
        return None  # "miR-21 into EVs that bind CD44": the EVs bind
    if (
        ("," in gap or CONJUNCTION.search(gap))
        and NOMINAL_CUE.match(text[cue_start : cue_start + 40])
        and not LINKING.search(gap)
    ):
        # "a regulator of ABCG2 localization, suppression of PI3K ...", "downregulation of CDH17 and
        # upregulation of MMP2": a noun phrase of its own, whose agent is not the name before it
        return None
    if IN_A_PHRASE_BEFORE.search(text[: group[0].start]):
        # "LncRNA-SNHG14 in Her2+ breast cancer induces": the name inside a prepositional phrase is no subject
        if len(before) < 2:
            return None
        group, gap = before[-2], text[before[-2][-1].end : cue_start]
        if _turns(gap) or _words(gap) > SUBJECT_GAP_WORDS:
            return None
    if len(before) > 1 and EXCLUDED_BEFORE.search(text[before[-2][-1].end : group[0].start]):
        group = before[-2]  # "N-myc, but not Gli1, induced": the name before the excluded one
    if AGENT_OF_BEFORE.search(text[: group[0].start]):
        return None  # "down-regulation of HES1 by miR-199b-5p regulates growth": the phrase is the subject
    return group, _taken_away(group, text, gap)


def _next_verb_of_same_subject(groups: list[list[_Name]], text: str, after: int, cue_start: int) -> bool:
    """Whether the verb at ``cue_start`` is joined by *and* to the one ending at ``after``, with at most
    a few words of no name between ("downregulating and targeting ZO-1", "inducing EMT, and targeting GATA3")."""
    if any(after <= g[0].start < cue_start for g in groups):
        return False
    return bool(NEXT_VERB.match(text[after:cue_start]))


def _taken_away(group: list[_Name], text: str, gap: str) -> bool:
    """Whether a loss word comes with a subject ("miR-21 knockdown", "inhibition of miR-21"): ``gap`` is the
    text between the subject and its verb."""
    return bool(LOSS_AFTER.match(gap) or LOSS_BEFORE.search(text[: group[0].start]))


def _opening_subject(groups: list[list[_Name]], text: str, before: int) -> tuple[list[_Name], bool] | None:
    """The group that opens the sentence, as the subject of a means phrase far after it ("Exosomal miR-494
    and miR-542-3p taken up by stromal cells contribute to reprogramming by downregulation of CDH17")."""
    first = groups[0] if groups else None
    if first is None or first[-1].end > before or _words(text[: first[0].start]) > OPENING_WORDS:
        return None
    gap = text[first[-1].end : before]
    if _turns(gap) or "," in gap or _words(gap) > MEANS_SUBJECT_GAP_WORDS or CORRELATION.search(gap):
        return None
    return first, _taken_away(first, text, gap)


def _carried(groups: list[list[_Name]], text: str, before: int) -> tuple[list[_Name], bool] | None:
    """The cargo a clause delivers, as the agent of a means phrase after it ("NPC cells deliver miR-183-5p
    via EVs, thereby suppressing resistance by negatively regulating ABCB1"): the last names before it."""
    group = next((g for g in reversed(groups) if g[-1].end <= before), None)
    if group is None or not all(n.mention.type in RNA_TYPES for n in group):
        return None
    gap = text[group[-1].end : before]
    if CONTRAST_OR_BREAK.search(gap) or _words(gap) > MEANS_SUBJECT_GAP_WORDS:
        return None
    return (group, False) if CARRIED_BEFORE.search(text, 0, group[0].start) else None


def _owner(groups: list[list[_Name]], text: str, before: int) -> tuple[list[_Name], bool] | None:
    """Whom "its" refers to: the last RNA named before, in the same clause."""
    for group in reversed([g for g in groups if g[-1].end <= before]):
        if _turns(text[group[-1].end : before]):
            return None
        if all(n.mention.type in RNA_TYPES for n in group):
            return group, False
    return None


def _without_modifiers(gap: str) -> str:
    """The gap after a name with its describing noun removed ("overexpression" in "miR-21 overexpression")."""
    modifier = MODIFIER_AFTER_NAME.match(gap)
    return gap[modifier.end() :] if modifier else gap


def _object(groups: list[list[_Name]], text: str, after: int, stop: int) -> list[_Name]:
    """The first group after ``after`` and before ``stop`` (close, no clause turn between)."""
    for group in groups:
        if group[0].start < after:
            continue
        gap = text[after : group[0].start]
        if group[0].start >= stop or _turns(gap) or _object_gap_words(gap) > OBJECT_GAP_WORDS or RELATIVE.search(gap):
            return []
        if POPULATION_AFTER.match(text[group[-1].end : group[-1].end + 60]):
            return []  # "elevates IBA1-expressing myeloid cell recruitment": cells marked by IBA1
        if PARTICIPLE_ATTACHED.match(text, group[-1].end):
            return []  # "decreases miR-155-induced resistance": the object is the resistance
        if "," in gap and _verb_follows(text, group[-1].end):
            return []  # "failed to modulate the response, pre-miR-630 reduced it": the subject of a new clause
        return group
    return []


def _object_gap_words(gap: str) -> int:
    """Words between a verb and its object; in "blocked the damage response, including the phosphorylation
    of ATM" the phrase and its examples are counted apart (ATM is one of its examples)."""
    opens = ENUMERATION_OPENS.search(gap)
    if not opens or PLACE_OR_TIME.search(gap[: opens.start()]):
        return _words(gap)  # "increase in the hippocampus, including the CA3 layer": examples of a place
    return max(_words(gap[: opens.start()]), _words(gap[opens.end() :]))


def _listed_after(groups: list[list[_Name]], text: str, after: int, targets: list[_Name], stop: int) -> list[_Name]:
    """The rest of an enumeration the object opens: "modulated steps, including Bax oligomerization, ...
    and the maturation of caspase-9" has Bax and caspase-9 as objects."""
    if not targets or not ENUMERATION_OPENS.search(text[after : targets[0].start]):
        return []
    listed, end = [], targets[-1].end
    for group in groups:
        if group[0].start < end:
            continue
        gap = text[end : group[0].start]
        if group[0].start >= stop or _turns(gap) or _words(gap) > OBJECT_GAP_WORDS or not LIST_GAP.search(gap):
            break
        listed += group
        end = group[-1].end
    return listed


def _verb_follows(text: str, end: int) -> bool:
    """Whether a verb cue comes right after ``end`` (an adverb may come between)."""
    space = SPACE_AND_ADVERB.match(text, end)
    return bool(space and CUE.match(text, space.end()))


def _instrument(groups: list[list[_Name]], text: str, after: int) -> list[_Name]:
    """The RNA a verb's action is done with: "... targeting PDHA1 with exosomal miR-21-5p"."""
    for group in groups:
        if group[0].start >= after:
            if INSTRUMENT.match(text[after : group[0].start]) and group[0].mention.type in RNA_TYPES:
                return group
            return []
    return []


def _every(regulators: list[_Name], targets: list[_Name], effect: str) -> list:
    """One pair for each regulator with each target, all with the same effect and no intermediate."""
    return [(r, t, effect, None) for r in regulators for t in targets]


def _effect(cue: re.Match) -> str:
    return cue.lastgroup or "unspecified"


def _pairs(text: str, names: list[_Name]) -> list[tuple[_Name, _Name, str, _Name | None]]:
    """``(regulator, target, effect, relative antecedent)`` read from one sentence's text."""
    groups = _groups(names, text)
    cues = [
        c
        for c in CUE.finditer(text)
        if not any(n.start <= c.start() < n.end for n in names)
        and not (
            c.lastgroup == "targets" and PARTICIPLE.search(c.group(0)) and ARTICLE_BEFORE.search(text[: c.start()])
        )
        and not COMPOUND_NOUN_AFTER.match(text[c.start() : c.start() + 40])
        # "exhibit upregulated expression of N-cadherin" describes; "resulted in increased expression of" states
        and not (
            PARTICIPLE_BEFORE_NOUN.match(text, c.start())
            and not LINKING.search(text, max(0, c.start() - 25), c.start())
        )
    ]
    found = []
    orphans: list[tuple[_Name, str]] = []  # objects of a verb without a subject, with its effect
    previous: tuple[list[_Name], bool, list[_Name]] | None = None  # subject, loss, objects of the last verb
    previous_end = 0  # where that verb ends
    patient: list[_Name] = []  # the subject of the last passive verb: "X is up-regulated ... and induced by Y"
    patients_so_far: set[int] = set()  # starts of the names earlier verbs took as their objects
    for index, cue in enumerate(cues):
        effect, word = _effect(cue), cue.group(0)
        stop = cues[index + 1].start() if index + 1 < len(cues) else len(text)
        gap_before_name = [g for g in groups if g[-1].end <= cue.start()]
        if gap_before_name and MODIFIER_AFTER_NAME.match(text[gap_before_name[-1][-1].end : cue.end()]):
            if not text[gap_before_name[-1][-1].end : cue.start()].strip(" -"):
                continue  # "miR-21 overexpression": describes the name
        # Passive or nominal with "by": "PTEN was suppressed by miR-21", "inhibition of X by Y".
        by_agent = None
        following = [g for g in groups if cue.end() <= g[0].start < stop + 40][:2]
        if following and PASSIVE_BY.match(" " + text[cue.end() : following[0][0].start]):
            by_agent = following[0]
        elif len(following) == 2 and NOMINAL_OF.match(text[cue.end() : following[0][0].start]):
            # "down-regulation of HES1 expression by miR-199b-5p": the patient first, then the agent.
            if NOMINAL_BY.match(text[following[0][-1].end : following[1][0].start]):
                by_agent = following[1]
        if TARGET_NOUN.match(word) and (of := _object(groups, text, cue.end(), len(text))):
            if TARGET_OF_AFTER.match(text[cue.end() : of[0].start]):  # "a target of miR-326"
                patients = _subject(groups, text, cue.start())
                if patients:
                    found += _every(of, patients[0], "targets")
                continue
        if by_agent is not None:
            patient_group = _object(groups, text, cue.end(), by_agent[0].start)  # "inhibition of X by Y"
            if not patient_group and patient and COORDINATED_VERB.search(text[: cue.start()]):
                patient_group = patient
            if not patient_group:
                subject = _subject(groups, text, cue.start())
                patient_group = subject[0] if subject else []
            found += _every(by_agent, patient_group, effect)
            continue
        subject = _subject(groups, text, cue.start())
        if (
            subject
            and subject[0][0].start in patients_so_far
            and CONJOINED.match(text[subject[0][-1].end : cue.start()])
        ):
            subject = None  # "downregulating PTEN and increasing AKT": PTEN is the first verb's object, not a subject
        if subject and PARTICIPLE.search(word) and PASSIVE_BEFORE.search(text[: cue.start()]):
            patient = subject[0]  # passive: the subject is acted on; the agent, if any, is named by its means
            means_of = _passive_means(groups, text, cue.end(), stop)
            if means_of:
                agents, loss = means_of
                effect = OPPOSITE.get(effect, effect) if loss else effect
                found += _every(agents, patient, effect)
            continue
        if previous and previous[2] and COORDINATED.match(text[previous[2][-1].end : cue.start()]):
            subject = previous[0], previous[1]  # "miR-25 downregulates KLF2, upregulates VEGFA and activates MAPK"
        if subject is None and previous and _next_verb_of_same_subject(groups, text, previous_end, cue.start()):
            subject = previous[0], previous[1]  # "by increasing EMT markers and targeting FOXO3"
        means = MEANS_BEFORE.search(text[: cue.start()])
        if means and previous:
            subject = previous[0], previous[1]  # "miR-21 promotes resistance by targeting PDHA1"
        elif means and means.group("its"):
            subject = _owner(groups, text, means.start())  # "miR-199b-5p ... through its targeting of HES1"
        elif means and subject is None:  # "Exosomal miR-494 ... contribute ... by"; "cells deliver miR-183-5p ... by"
            subject = _opening_subject(groups, text, means.start()) or _carried(groups, text, means.start())
        mediated = re.search(r"([\w-]+)-(?:mediated|induced|dependent|driven)\s+$", text[: cue.start()])
        targets = _object(groups, text, cue.end(), stop)
        targets += _listed_after(groups, text, cue.end(), targets, stop)
        patients_so_far.update(t.start for t in targets[:1])
        if targets and MEANS_IN_GAP.search(text[cue.end() : targets[0].start]):
            effect = "unspecified"  # "activates EMT through PTEN": PTEN is the means, not what is activated
        if targets and (instrument := _instrument(groups, text, targets[-1].end)):
            subject = instrument, False  # "by targeting PDHA1 with exosomal miR-21-5p"
        if subject is None and mediated:  # "miR-21-mediated suppression of PTEN"
            agents = [n for n in names if n.end <= cue.start() and n.start >= mediated.start()]
            found += _every(agents, targets, effect)
            continue
        if subject is None:
            orphans += [(t, effect) for t in targets]
            continue
        agents, loss = subject
        previous, previous_end = (agents, loss, targets), cue.end()
        if loss:
            effect = OPPOSITE.get(effect, effect)
        found += _every(agents, targets, effect)
    found += _relative_clauses(text, groups, cues)
    found += _agent_nouns(text, groups)
    found += _joined_verbs(text, groups)
    found += _its_targets(text, groups)
    found += _target_appositions(text, groups)
    # "... reducing p27 and ERα, targets of miR-221/222": the apposition names who does the reducing.
    effect_on = {target.start: effect for target, effect in orphans if effect not in ("targets", "unspecified")}
    return [(r, t, effect_on.get(t.start, effect) if effect == "targets" else effect, a) for r, t, effect, a in found]


def _agent_nouns(text: str, groups: list[list[_Name]]) -> list:
    """``miR-26a as a direct regulator of PTEN``: the name before an agent noun acts on the name after it."""
    found = []
    for agents, patients in zip(groups, groups[1:]):
        match = AGENT_NOUN.match(text[agents[-1].end : patients[0].start])
        if match:
            effect = AGENT_EFFECT[match.group("noun").lower().rstrip("s")]
            found += _every(agents, patients, effect)
    return found


def _passive_means(groups: list[list[_Name]], text: str, after: int, stop: int) -> tuple[list[_Name], bool] | None:
    """The agent of a passive verb named by its means: "PTEN was reduced in cells transfected with miR-21",
    "... after overexpression of miR-21" (``True`` when the means is its loss: "after knockdown of")."""
    for group in groups:
        if group[0].start < after:
            continue
        gap = text[after : group[0].start]
        if group[0].start >= stop + 40 or _turns(gap) or _words(gap) > OBJECT_GAP_WORDS:
            return None
        means = PASSIVE_MEANS.search(gap)
        # "... after miR-21 knockdown", "upon miR-21 overexpression": the RNA, then what was done to it.
        done = MEANS_TIME.search(gap) and DONE_AFTER.match(text[group[-1].end :])
        if (means or done) and all(n.mention.type in RNA_TYPES for n in group):
            loss = bool(means and means.group("loss") or LOSS_AFTER.match(text[group[-1].end :]))
            return group, loss
    return None


def _target_appositions(text: str, groups: list[list[_Name]]) -> list:
    """``PTBP1 in cells, a recognized miR-124 target gene``: the RNA of the apposition targets the name."""
    found = []
    for named, rnas in zip(groups, groups[1:]):
        if all(n.mention.type in RNA_TYPES for n in rnas) and not any(n.mention.type in RNA_TYPES for n in named):
            if APPOSITION_OPENS.match(text[named[-1].end : rnas[0].start]) and RNA_TARGET_NOUN.match(
                text[rnas[-1].end :]
            ):
                found += _every(rnas, named, "targets")
    return found


def _its_targets(text: str, groups: list[list[_Name]]) -> list:
    """``mir-145 ... its downstream target superoxide dismutase-2``: the RNA "its" refers to targets the name."""
    found = []
    for group in groups:
        match = ITS_TARGET.search(text[: group[0].start])
        owner = _owner(groups, text, match.start()) if match else None
        if owner:
            found += _every(owner[0], group, "targets")
    return found


def _joined_verbs(text: str, groups: list[list[_Name]]) -> list:
    """``the PTEN-regulating microRNA miR-26a``: the RNA after a name-verb compound acts on that name."""
    found = []
    for patients, agents in zip(groups, groups[1:]):
        match = JOINED_VERB.match(text[patients[-1].end : agents[0].start])
        cue = CUE.fullmatch(match.group("verb")) if match else None
        if cue and all(a.mention.type in RNA_TYPES for a in agents):
            found += _every(agents, patients, _effect(cue))
    return found


def _relative_clauses(text: str, groups: list[list[_Name]], cues: list[re.Match]) -> list:
    """``A, which activates B`` / ``miR-21, which targets PTEN``: A is the regulator of the clause's verb."""
    found = []
    for index, cue in enumerate(cues):
        relative = RELATIVE.search(text[: cue.start()])
        if relative is None:
            continue
        before = [g for g in groups if g[-1].end <= relative.start()]
        if not before or text[before[-1][-1].end : relative.start()].strip(" ,)"):
            continue  # a noun (a cell, a process) stands between: the clause is about that
        stop = cues[index + 1].start() if index + 1 < len(cues) else len(text)
        targets = _object(groups, text, cue.end(), stop)
        found += [(r, t, _effect(cue), before[-1][-1]) for r in before[-1] for t in targets]
    return found


def _names(sentence: Sentence, pathways: list[tuple[int, int, str]]) -> list[_Name]:
    names = [_Name(m.start, m.end, m) for m in sentence.mentions if m.type in TARGET_TYPES]
    for start, end, name in pathways:
        inside = [n for n in names if start <= n.start < end]
        names = [n for n in names if n not in inside]
        names.append(_Name(start, end, Mention(start, end, sentence.text[start:end], "pathway", name)))
    return sorted(names, key=lambda n: n.start)


def _normalized_names(mention: Mention) -> list[str]:
    if mention.type == "mirna":
        return mention.normalized.split(MIRNA_SEPARATOR)
    return [mention.normalized or mention.text]


def statements_of(sentence: Sentence, pathways: list[tuple[int, int, str]] = ()) -> list[Statement]:
    """Every regulator -> target statement of one sentence (``pathways`` from :func:`relations.pathways_in`)."""
    text = sentence.text
    names = _names(sentence, list(pathways))
    if len(names) < 2:
        return []
    hedged = bool(HEDGE.search(text))
    direct: dict[tuple[int, int], str] = {}
    rows: list[Statement] = []
    raw = _pairs(text, names)
    for regulator, target, effect, _ in raw:
        direct[(regulator.start, target.start)] = effect
    for regulator, target, effect, antecedent in raw:
        pairs = [(regulator, "")]
        # X -> A stated, and A (the antecedent of "which") -> B: X reaches B through A.
        if antecedent is not None:
            pairs += [(r, antecedent.mention.normalized or antecedent.mention.text) for r in names
                      if (r.start, antecedent.start) in direct and r.start != antecedent.start]  # fmt: skip
        for agent, via in pairs:
            if agent.mention.type not in REGULATOR_TYPES or agent is target:
                continue
            if agent.mention.normalized and agent.mention.normalized == target.mention.normalized:
                continue
            between = text[min(agent.end, target.end) : max(agent.start, target.start)]
            for name in _normalized_names(agent.mention):
                for target_name in _normalized_names(target.mention):
                    rows.append(
                        Statement(
                            regulator=name,
                            regulator_type=agent.mention.type,
                            regulator_text=agent.mention.text,
                            regulator_entrez=agent.mention.entrez if agent.mention.type != "mirna" else (),
                            target_as_written=target.mention.text,
                            target_symbol=target_name if target.mention.type != "pathway" else "",
                            target_entrez=target.mention.entrez,
                            target_type=target.mention.type if target.mention.type != "protein" else "gene",
                            effect=effect,
                            via=via,
                            negated=bool(NEGATION.search(CONTRASTED.sub(" ", between)))
                            or bool(CONTRASTED_BEFORE.search(text, 0, min(agent.start, target.start))),
                            hedged=hedged,
                            sentence_index=sentence.index,
                            section=sentence.section,
                            evidence=" ".join(text.split()),
                            regulator_start=agent.start,
                            target_start=target.start,
                        )
                    )
    return _one_per_pair(rows)


def _one_per_pair(rows: list[Statement]) -> list[Statement]:
    """One row per regulator, target and sentence: a direct statement over a *via* one, a stated direction
    over ``unspecified``."""
    kept: dict[tuple[str, str, str, int], Statement] = {}
    rank = {"unspecified": 0, "targets": 1}
    for row in rows:
        key = (row.regulator, row.target_symbol or row.target_as_written, row.target_type, row.sentence_index)
        old = kept.get(key)
        if (
            old is None
            or (old.via and not row.via)
            or (bool(old.via) == bool(row.via) and rank.get(old.effect, 2) < rank.get(row.effect, 2))
        ):
            kept[key] = row
    return list(kept.values())


def find_statements(sentences: list[Sentence], pathways_of=None) -> list[Statement]:
    """Statements of a mined document, in text order; ``pathways_of(sentence)`` gives pathway spans."""
    found = []
    for sentence in sentences:
        found += statements_of(sentence, pathways_of(sentence) if pathways_of else ())
    return found

"""Regulator -> target statements of a sentence, read with the direction the grammar gives.

Every sentence of a document is read, about vesicles or not. A statement
needs an effect word (:data:`EFFECT_CUES`: *targets*, *down-regulates*,
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

from exocargo.text.mentions import MIRNA_SEPARATOR, Mention, Sentence

RNA_TYPES = ("mirna", "lncrna", "circrna")
INSTRUMENT = re.compile(r"^\s+(?:with|using|through|via)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
REGULATOR_TYPES = ("mirna", "lncrna", "circrna", "gene", "protein", "family")
TARGET_TYPES = ("gene", "protein", "family", "lncrna", "mirna", "circrna")

EFFECT_CUES = [
    ("targets", r"target(?:s|ed|ing)?|bind(?:s|ing)?|bound|recogni[sz]\w*|interact\w*|directly regulat\w*"),
    (
        "down",
        r"negatively regulat\w*|down-?regulat\w*|suppress\w*|repress\w*|reduc\w*|decreas\w*|lower\w*|silenc\w*|"
        r"degrad\w*|diminish\w*|downregulat\w*|decay",
    ),
    (
        "up",
        r"positively regulat\w*|up-?regulat\w*|increas\w*|elevat\w*|induc\w*|enhanc\w*|stimulat\w*|"
        r"promot\w*|restor\w*|rais\w*|upregulat\w*|augment\w*|derepress\w*|de-repress\w*",
    ),
    ("activates", r"activat\w*|trigger\w*|transactivat\w*"),
    (
        "inhibits",
        r"inhibit\w*|inactivat\w*|block\w*|impair\w*|attenuat\w*|abrogat\w*|abolish\w*|spong\w*|antagoni[sz]\w*",
    ),
    ("unspecified", r"regulat\w*|modulat\w*|control\w*|affect\w*|influenc\w*|mediat\w*"),
]
# Nouns of agents ("inhibitor", "regulator") and adjectives name a thing, they state no effect.
NOT_A_CUE = r"(?!(?:inhibitors?|regulators?|activators?|suppressors?|repressors?|promoters?|enhancers?|inducers?|"
NOT_A_CUE += r"mediators?|controls?|targets? (?:cells?|tissues?|organs?|sites?|sequences?)|regulatory|inducible|reduced-|reduced (?:levels?|expression|amounts?|activity)|"
# "binding sites in the 3'UTR of BACE1": a noun compound, not the verb "bind".
NOT_A_CUE += r"binding (?:sites?|sequences?|regions?|motifs?|domains?|partners?|elements?))\b)"
CUE = re.compile(
    "|".join(rf"(?P<{name}>(?<![\w-]){NOT_A_CUE}(?:{words}))(?![\w-])" for name, words in EFFECT_CUES),
    re.IGNORECASE,
)
OPPOSITE = {"down": "up", "up": "down", "activates": "inhibits", "inhibits": "activates"}
# Words that say the regulator was removed: the statement's effect is the opposite of the regulator's own.
LOSS_BEFORE = re.compile(
    r"(?:\b(?:blocking|block|inhibiting|inhibition of|knockdown of|knocking down|silencing(?: of)?|depletion of|"
    r"deletion of|loss of|suppression of|prevention of|antagonizing|antagomirs? (?:to|against)|anti-?)\s*(?:the\s+)?)$",
    re.IGNORECASE,
)
# What an experiment does to a regulator: takes it away, or adds it.
LOSS_NOUNS = r"knock-?down|knock-?out|inhibition|silencing|depletion|deletion|loss|deficiency|blockade|antagonism"
GAIN_NOUNS = r"over-?expression|transfection|mimics?|introduction|delivery|ectopic expression|restoration"
LOSS_AFTER = re.compile(rf"^[\s-]*(?:{LOSS_NOUNS}|inhibitors?)\b", re.IGNORECASE)
# A cue right after a name describes that name ("miR-21 overexpression", "PTEN expression"), it is no verb.
MODIFIER_AFTER_NAME = re.compile(r"^[\s-]*(?:\w+ion|\w+ment|knock-?down|levels?|expression)\b", re.IGNORECASE)
CLAUSE_TURN = re.compile(
    r"[;:]|\.\s|,\s*(?:while|whereas|but|and thus|thus|thereby|leading|resulting|although|however)\b|"
    r"\b(?:while|whereas|although|but|leading to|resulting in|thereby)\b",
    re.IGNORECASE,
)
RELATIVE = re.compile(
    r"(?:,\s*)?\b(?:which|that|who)(?:\s*,[^,;]{1,80},)?\s+(?:\w+ly\s+|also\s+|then\s+|in turn\s+|can\s+|could\s+|may\s+)*$"
)  # "EGFR, which, upon internalization by the cells, activates PI3K": the clause between commas is set aside
# Between the names of one group: "PTEN, SOX2 and PDCD4", "BCL2/MCL1", "(PKM2)", "including".
GROUP_GAP = re.compile(
    r"^(?:\s|,|/|\(|\)|and|or|as well as|including|such as|namely|both|either|genes?|proteins?|mRNAs?)*$",
    re.IGNORECASE,
)
# What may stand between a verb and its object: "targets the 3'UTR of", "suppressed the expression of".
OBJECT_GAP_WORDS = 10
# "including A, B and C", "such as A or B": every item of the list is the verb's object.
ENUMERATION_OPENS = re.compile(r"\b(?:including|such as|namely)\b", re.IGNORECASE)
PLACE_OR_TIME = re.compile(
    r"\b(?:in|on|at|after|before|during|throughout|within|across|into|from|to|by|with|under)\b", re.IGNORECASE
)
LIST_GAP = re.compile(r",|\b(?:and|or)\b")
SPACE_AND_ADVERB = re.compile(r"\s+(?:\w+ly\s+)?")
SUBJECT_GAP_WORDS = 10
# The means of the last verb's subject: "miR-21 activates PI3K via down-regulation of PTEN".
MEANS_BEFORE = re.compile(
    r"\b(?:via|through|by|by means of|thereby)\s+(?:the\s+|(?P<its>its|their)\s+)?(?:\w+ly\s+)?$", re.IGNORECASE
)
# A conjunction between two verb phrases: "downregulating PTEN and increasing AKT".
CONJOINED = re.compile(r"^\s*(?:,\s*)?(?:and|or|as well as)\s+(?:\w+ly\s+)?$|^\s*,\s*$", re.IGNORECASE)
COORDINATED = re.compile(r"^\s*,?\s*(?:and\s+|or\s+|as well as\s+)?(?:\w+ly\s+)?$", re.IGNORECASE)
PASSIVE_BY = re.compile(r"^(?:\s+(?:\w+ly|both|either|each|the))*\s+(?:by|through|via)\s+$", re.IGNORECASE)
# "miR-17/92 is up-regulated in SHH-driven tumours": a passive verb without "by" names no agent.
PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|also\s+|not\s+)*$", re.IGNORECASE)
PARTICIPLE = re.compile(r"(?:ed|en|bound)$", re.IGNORECASE)
COORDINATED_VERB = re.compile(r"\b(?:and|or)\s+(?:\w+ly\s+)?(?:(?:is|are|was|were)\s+)?$", re.IGNORECASE)
# "X associated with activation of Y": a correlation between the name and the verb states nothing.
CORRELATION = re.compile(r"\b(?:associated|correlat\w*|linked|accompanied|coincid\w*|concomitant\w*)\b", re.I)
# "N-myc, but not Gli1, induced miR-17/92": the excluded name is no subject.
EXCLUDED_BEFORE = re.compile(r",\s*(?:but\s+|and\s+)?(?:not|rather than|instead of)\s+$", re.IGNORECASE)
# "a recognized miR-124 target", "the targeted gene": a participle after an article describes.
ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|its|their|this|these|those)\s+$", re.IGNORECASE)
# "its downstream target superoxide dismutase-2": the owner of "its" targets the name.
ITS_TARGET = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,2}?targets?(?:\s+genes?)?\s+$", re.IGNORECASE)
# An apposition naming what the name before it is: ", a recognized miR-124 target gene".
APPOSITION_OPENS = re.compile(
    r"^\)?(?:\s*\([^)]*\))?(?:\s+[\w-]+){0,3}?\s*,\s*(?:an?|the|one)\s+(?:[\w-]+\s+){0,2}$", re.I
)
RNA_TARGET_NOUN = re.compile(r"^[\s-]*targets?(?:\s+genes?)?\b", re.IGNORECASE)
# "in cells transfected with miR-21", "after knockdown of miR-21": the means that names a passive verb's agent.
PASSIVE_MEANS = re.compile(
    rf"(?:\b(?:co-?transfected|transfected|treated|transduced|infected)\s+with|\b(?:after|following|upon|by|with)\s+"
    rf"(?:the\s+)?(?:{GAIN_NOUNS}|(?P<loss>{LOSS_NOUNS}))\s+of)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# "after miR-21 knockdown": the time word before the RNA, what was done to it after.
MEANS_TIME = re.compile(
    r"\b(?:after|following|upon|with|in response to)\s+(?:the\s+)?(?:ectopic\s+|enforced\s+)?$", re.I
)
DONE_AFTER = re.compile(rf"^[\s-]*(?:{GAIN_NOUNS}|{LOSS_NOUNS}|expression)\b", re.IGNORECASE)
# A cue that is a noun ("activation", "suppression"): after a comma it opens its own phrase, unless a
# linking word ties it to the name before; before an agent noun it is a compound ("activation inhibitor").
NOMINAL_CUE = re.compile(r"^[\w-]*(?:ion|ment)s?\b", re.IGNORECASE)
COMPOUND_NOUN_AFTER = re.compile(r"^[\w-]*(?:ion|ment)s?\s+[a-z]+(?:or|er)s?\b", re.IGNORECASE)
LINKING = re.compile(r"\b(?:lead\w*|led|result\w*|caus\w*|contribut\w*|through|via|by|upon|after|following)\b", re.I)
# A name after a preposition that opens a phrase of place or relation (not "an increase in", "with").
IN_A_PHRASE_BEFORE = re.compile(
    r"(?<!increase )(?<!decrease )(?<!reduction )(?<!rise )(?<!changes )(?<!change )(?<!elevation )"
    r"\b(?:in|for|on|at|among|within|into|to|than)\s+(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)
MEANS_IN_GAP = re.compile(r"\b(?:through|via|by)\b", re.IGNORECASE)
POPULATION_AFTER = re.compile(
    r"^(?:-?(?:expressing|positive|negative|high|low)|\+|\(\+\))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:cells?|lymphocytes?|macrophages?|monocytes?|neutrophils?|populations?|subsets?)\b",
    re.IGNORECASE,
)
AGENT_OF_BEFORE = re.compile(r"\b(?:by|via)\s+(?:the\s+)?$", re.IGNORECASE)
NOMINAL_OF = re.compile(r"^\s+of\s+(?:the\s+)?$", re.IGNORECASE)
NOMINAL_BY = re.compile(
    r"^(?:\s+(?:expression|levels?|mRNA|protein|activity|translation|genes?))*(?:\s+(?:\w+ly|both|the))*\s+(?:by|through|via)\s+$",
    re.IGNORECASE,
)
TARGET_NOUN = re.compile(r"^targets?$", re.IGNORECASE)
# "a target of miR-326", "a target of the tumor-suppressive microRNA-326": the RNA after "of" does the targeting.
TARGET_OF_AFTER = re.compile(
    r"^\s+(?:genes?\s+|candidates?\s+|sites?\s+)?(?:of|for)\s+(?:(?:the|an?|endogenous)\s+)?(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)
# "miR-26a as a direct regulator of PTEN", "miR-15 family members are potent regulators of ERK1":
# a name, then an agent noun of which the next name is the patient.
AGENT_NOUN = re.compile(
    r"^\s*,?\s*(?:(?:is|are|was|were|as|being|be|acts?|acted|acting|functions?|functioned|serves?|served)\s+)*"
    r"(?:as\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>regulators?|inhibitors?|suppressors?|repressors?|activators?|modulators?)\s+of\s+"
    r"(?:the\s+)?(?:(?:expression|levels?|activity|translation)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# "the PTEN-regulating microRNA miR-26a": a verb joined to its object names the RNA that follows.
JOINED_VERB = re.compile(
    r"^-(?P<verb>\w+ing)\s+(?:(?:micro-?RNAs?|miRNAs?|miRs?|lncRNAs?|RNAs?|the|an?)\s+){0,2}$", re.IGNORECASE
)
AGENT_EFFECT = {"regulator": "unspecified", "modulator": "unspecified", "inhibitor": "inhibits",
                "suppressor": "down", "repressor": "down", "activator": "activates"}  # fmt: skip
NEGATION = re.compile(
    r"\b(?:not|no|neither|nor|never|failed to|fails to|unable to|without|did not|does not|cannot|lack of)\b",
    re.IGNORECASE,
)
HEDGE = re.compile(
    r"\b(?:may|might|could|possibly|potentially|potential|putative|predicted|suggest\w*|likely|hypothesi[sz]\w*|"
    r"presumabl\w*|perhaps|appear\w* to|candidate)\b",
    re.IGNORECASE,
)


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
    before = [g for g in groups if g[-1].end <= cue_start]
    if not before:
        return None
    group = before[-1]
    gap = text[group[-1].end : cue_start]
    if _turns(gap) or _words(gap) > SUBJECT_GAP_WORDS or CUE.search(_without_modifiers(gap)) or CORRELATION.search(gap):
        return None
    if "," in gap and NOMINAL_CUE.match(text[cue_start : cue_start + 40]) and not LINKING.search(gap):
        return None  # "a regulator of ABCG2 localization, suppression of PI3K ...": a noun phrase of its own
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
    loss = bool(LOSS_AFTER.match(gap) or LOSS_BEFORE.search(text[: group[0].start]))
    return group, loss


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
    ]
    found = []
    orphans: list[tuple[_Name, str]] = []  # objects of a verb without a subject, with its effect
    previous: tuple[list[_Name], bool, list[_Name]] | None = None  # subject, loss, objects of the last verb
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
        means = MEANS_BEFORE.search(text[: cue.start()])
        if means and previous:
            subject = previous[0], previous[1]  # "miR-21 promotes resistance by targeting PDHA1"
        elif means and means.group("its"):
            subject = _owner(groups, text, means.start())  # "miR-199b-5p ... through its targeting of HES1"
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
        previous = agents, loss, targets
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
                            negated=bool(NEGATION.search(between)),
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

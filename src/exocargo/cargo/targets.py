"""Cargo-to-target tables: exosomal cargo, its targets, their pathways, with evidence.

Rows come from two sources and say which (``source``):

``text``
    a relation stated in a sentence of the document (:mod:`exocargo.relations`);
    ``evidence`` is the sentence, ``evidence_strength`` is ``stated in text``.
``mirtarbase``
    a validated target of a miRNA cargo in miRTarBase; ``evidence`` gives the
    experiments and PMIDs, ``evidence_strength`` is ``strong`` (Functional MTI:
    reporter assay, western blot, qPCR) or ``weak`` (Functional MTI (Weak):
    high-throughput only). Non-functional MTIs are never targets.
``text+mirtarbase``
    a stated miRNA -> gene relation that miRTarBase also validates.

``pathways`` lists up to three library terms that contain the target: first
terms enriched for the list, by adjusted p-value, then other terms the list
was tested on, then the most specific (smallest) terms of the libraries.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from exocargo.enrichment.libraries import read_gmt_library
from exocargo.enrichment.mirna_null import mirna_set_enrichment
from exocargo.enrichment.stats import is_significant
from exocargo.files import read_tsv
from exocargo.greek import squash_name
from exocargo.kinds import input_kind
from exocargo.mapping.mirna import MirnaName, hairpins_for, parse_mirnas, parse_one
from exocargo.tables import CARGO_EDGES_TABLE, CARGO_TABLE, MIRNA_ENRICHMENT_TABLE, MIRTARBASE_PAIRS_TABLE
from exocargo.text.model import Sentence
from exocargo.text.relations import Relation, find_relations

MTI_COLUMNS = {
    "miRNA": "mirna",
    "Target Gene": "target_symbol",
    "Target Gene (Entrez Gene ID)": "target_entrez",
    "Experiments": "experiments",
    "Support Type": "support_type",
    "References (PMID)": "pmid",
}
STRENGTH_OF_SUPPORT = {"Functional MTI": "strong", "Functional MTI (Weak)": "weak"}
EXPERIMENT_SPLIT = re.compile(r"\s*//\s*|\s*;\s*")
PMID_SPLIT = re.compile(r"[;,\s]+")
TEXT_STRENGTH = "stated in text"
NOT_VALIDATED = "not in miRTarBase"
OPPOSITE_DIRECTION = "miRTarBase pair is repressive, text says up"
RAISING_EFFECTS = ("up", "activates")
MAX_PATHWAYS = 3


# ---------------------------------------------------------------- miRTarBase


def read_mirtarbase(path: str | Path) -> pd.DataFrame:
    """miRTarBase MTI CSV; quoted fields hold newlines, so parse it as CSV."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", usecols=list(MTI_COLUMNS))
    table = table.rename(columns=MTI_COLUMNS)
    for column in table.columns:
        table[column] = table[column].str.replace(r"\s+", " ", regex=True).str.strip()
    return table


def mirtarbase_pairs(mti: pd.DataFrame) -> pd.DataFrame:
    """One row per miRNA-target pair (``MIRTARBASE_PAIRS_TABLE.columns``); non-functional MTIs dropped.

    ``strength`` is ``strong`` when any row of the pair is a Functional MTI;
    ``experiments`` and ``pmids`` are the pair's distinct values, ``;``-joined.
    """
    functional = mti[mti["support_type"].isin(STRENGTH_OF_SUPPORT) & (mti["target_entrez"] != "")]
    found: dict[tuple[str, str], tuple[str, list[bool], set[str], set[str]]] = {}
    columns = ["mirna", "target_entrez", "target_symbol", "support_type", "experiments", "pmid"]
    for mirna, entrez, symbol, support, experiments, pmids in functional[columns].itertuples(index=False):
        pair = found.setdefault((mirna, entrez), (symbol, [False], set(), set()))
        pair[1][0] |= support == "Functional MTI"
        pair[2].update(EXPERIMENT_SPLIT.split(experiments))
        pair[3].update(PMID_SPLIT.split(pmids))
    rows = [
        (
            mirna,
            symbol,
            entrez,
            "strong" if strong[0] else "weak",
            ";".join(sorted(experiments - {""})),
            ";".join(sorted(pmids - {""}, key=int)),
        )
        for (mirna, entrez), (symbol, strong, experiments, pmids) in sorted(found.items())
    ]
    return pd.DataFrame(rows, columns=MIRTARBASE_PAIRS_TABLE.columns)


class MirtarbaseIndex:
    """miRTarBase pairs at or above a minimum evidence, looked up by miRNA name."""

    def __init__(self, pairs: pd.DataFrame, *, min_evidence: str = "weak"):
        if min_evidence == "strong":
            pairs = pairs[pairs["strength"] == "strong"]
        self.pairs = pairs.reset_index(drop=True)
        # A finding newer than the database's newest paper can be missing for that reason alone: say so.
        pmids = [int(p) for value in self.pairs["pmids"] for p in str(value).split(";") if p.strip().isdigit()]
        self.newest_pmid = max(pmids, default=0)
        self.rows_of: dict[str, list[int]] = defaultdict(list)
        for row, mirna in enumerate(self.pairs["mirna"]):
            self.rows_of[mirna].append(row)
        self.by_base: dict[str, list[str]] = defaultdict(list)  # hsa-miR-21 -> [hsa-miR-21-3p, hsa-miR-21-5p]
        for mirna in self.rows_of:
            self.by_base[re.sub(r"-[35]p$", "", mirna).lower()].append(mirna)

    @cached_property
    def target_symbols(self) -> dict[str, str]:
        """Entrez ID -> symbol of every target (built once: a batch job tests many lists)."""
        return dict(zip(self.pairs["target_entrez"], self.pairs["target_symbol"]))

    def names_for(self, mirna: MirnaName) -> list[str]:
        """miRTarBase mature names a miRNA stands for: the arm if given, else both arms;
        a name without letter (``miR-199``) stands for its lettered paralogs."""
        base = mirna.base if not mirna.locus else f"{mirna.base}-{mirna.locus}"
        names = [n for n in self.by_base.get(base.lower(), []) if not mirna.arm or n.endswith(mirna.arm)]
        if not names and not mirna.letter and not mirna.locus:
            names = [
                n
                for letter in "abcdefghijklmnopqrstuvwxyz"
                for n in self.by_base.get(f"{base}{letter}".lower(), [])
                if not mirna.arm or n.endswith(mirna.arm)
            ]
        return sorted(names)

    def targets(self, names: Iterable[str]) -> pd.DataFrame:
        rows = [row for name in names for row in self.rows_of.get(name, [])]
        return self.pairs.iloc[rows]

    def validation(self, names: list[str], entrez_ids: Iterable[str]) -> pd.DataFrame:
        """The pairs of these miRNA names with these genes, strongest first."""
        found = self.targets(names)
        found = found[found["target_entrez"].isin(set(entrez_ids))]
        return found.sort_values("strength", key=lambda s: s.map({"strong": 0, "weak": 1}), kind="stable")


# ---------------------------------------------------------------- pathways


# The gene -> terms index of the last libraries seen: the rows of a batch job share their libraries
# (the same objects, from exocargo.rowjobs.shared), so it is built once per job, not once per list.
_TERMS_OF: dict[tuple, tuple[list, dict[str, list[tuple[str, str]]]]] = {}


def _terms_of(libraries: dict[str, dict[str, list[str]]]) -> dict[str, list[tuple[str, str]]]:
    key = tuple((name, id(terms)) for name, terms in libraries.items())
    if key not in _TERMS_OF:
        terms_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for library, terms in libraries.items():
            for term, genes in terms.items():
                for gene in genes:
                    terms_of[gene].append((library, term))
        _TERMS_OF.clear()
        _TERMS_OF[key] = (list(libraries.values()), terms_of)  # the references keep the ids unique
    return _TERMS_OF[key][1]


@dataclass
class PathwayIndex:
    """Library terms by gene, ranked for one list by its enrichment results."""

    libraries: dict[str, dict[str, list[str]]]  # library -> term -> Entrez IDs
    enrichment: dict[str, pd.DataFrame] = field(default_factory=dict)  # library -> ENRICHMENT_TABLE.columns table
    fdr_threshold: float = 0.05

    def __post_init__(self) -> None:
        self.terms_of = _terms_of(self.libraries)
        self.tested: dict[tuple[str, str], tuple[float, float]] = {}
        for library, table in self.enrichment.items():
            for term, p, q in table[["term", "p_value", "adjusted_p_value"]].itertuples(index=False):
                self.tested[(library, term)] = (float(p), float(q))
        self._cache: dict[str, str] = {}

    def _label(self, library: str, term: str) -> str:
        tested = self.tested.get((library, term))
        if tested and is_significant(tested[1], self.fdr_threshold):
            return f"{term} [{library}, q={tested[1]:.2g}]"
        return f"{term} [{library}]"

    def _rank(self, key: tuple[str, str]) -> tuple:
        library, term = key
        tested = self.tested.get(key)
        if tested and is_significant(tested[1], self.fdr_threshold):
            return (0, tested[1], tested[0], term, library)
        if tested:
            return (1, tested[0], 0.0, term, library)
        return (2, len(self.libraries[library][term]), 0.0, term, library)

    def for_genes(self, entrez_ids: Iterable[str], *, stated: str = "") -> str:
        """Up to three terms holding any of the genes (see the module docstring for the order);
        terms named like the ``stated`` pathways of the sentence come first."""
        key = (";".join(entrez_ids), stated)
        if key not in self._cache:
            candidates = {t for gene in key[0].split(";") if gene for t in self.terms_of.get(gene, [])}
            named = {t for pathway in filter(None, stated.split(";")) for t in self._named_terms(pathway)}
            best = sorted(candidates, key=lambda t: (t not in named, self._rank(t)))[:MAX_PATHWAYS]
            self._cache[key] = "; ".join(self._label(*t) for t in best)
        return self._cache[key]

    def _named_terms(self, pathway: str) -> list[tuple[str, str]]:
        """Terms whose name holds every part of a pathway written in text, closest name first."""
        parts = [_squash_name(p) for p in re.split(r"[/\s]+", pathway) if _squash_name(p)]
        found = [
            (library, term)
            for library, terms in self.libraries.items()
            for term in terms
            if parts and all(part in _squash_name(term) for part in parts)
        ]
        return sorted(found, key=lambda t: (len(_squash_name(t[1])), self._rank(t)))

    def named(self, pathway: str) -> str:
        """Up to three terms named like a pathway written in text (``PI3K/AKT`` -> PI3K-Akt signaling pathway)."""
        return "; ".join(self._label(*t) for t in self._named_terms(pathway)[:MAX_PATHWAYS])


def _squash_name(text: str) -> str:
    return squash_name(text)


# ---------------------------------------------------------------- table


def _hairpin_index(hairpins: pd.DataFrame) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for hairpin, entrez in zip(hairpins["hairpin"], hairpins["entrez_id"]):
        index[hairpin.lower()].append(entrez)
    return index


def read_mirtarbase_index(pairs_tsv: str | Path, *, min_evidence: str) -> MirtarbaseIndex:
    return MirtarbaseIndex(read_tsv(pairs_tsv), min_evidence=min_evidence)


def read_hairpin_index(hairpins_tsv: str | Path) -> dict[str, list[str]]:
    return _hairpin_index(read_tsv(hairpins_tsv))


@dataclass
class CargoContext:
    """What building one list's cargo table needs besides its relations."""

    mirtarbase: MirtarbaseIndex
    pathways: PathwayIndex
    hairpins: dict[str, list[str]]

    @classmethod
    def build(
        cls, pairs: pd.DataFrame, hairpins: pd.DataFrame, pathways: PathwayIndex, *, min_evidence: str
    ) -> CargoContext:
        return cls(MirtarbaseIndex(pairs, min_evidence=min_evidence), pathways, _hairpin_index(hairpins))

    def mirna_entrez(self, name: str) -> str:
        loci, _ = hairpins_for(parse_one(name), self.hairpins)
        return ";".join(dict.fromkeys(e for locus in loci for e in self.hairpins[locus]))


def list_mirnas(names: pd.DataFrame) -> list[str]:
    """miRBase-style names of the miRNAs in a names table (slash lists, families expanded)."""
    return list(dict.fromkeys(m.mature_name for name in names["name"] for m in parse_mirnas(name) if m.is_human))


def _text_row(relation: Relation, context: CargoContext, document: str) -> dict:
    row = {
        "cargo": relation.cargo,
        "cargo_type": relation.cargo_type,
        "cargo_entrez": ";".join(relation.cargo_entrez),
        "target_symbol": relation.target,
        "target_entrez": ";".join(relation.target_entrez),
        "effect": relation.effect,
        "source": "text",
        "evidence": relation.sentence,
        "evidence_strength": TEXT_STRENGTH,
        "donor": relation.donor,
        "recipient": relation.recipient,
        "drug": relation.drug,
        "cancer": relation.cancer,
        "outcome": relation.outcome,
        "document": document,
        "target_type": relation.target_type,
        "stated_pathway": relation.pathway,
        "sentence": str(relation.sentence_index),
        "section": relation.section,
        "citation": relation.citation,
        "cited": relation.cited,
    }
    if relation.cargo_type == "mirna":
        row["cargo_entrez"] = context.mirna_entrez(relation.cargo)
        if relation.target_type == "gene":
            names = context.mirtarbase.names_for(parse_one(relation.cargo))
            found = context.mirtarbase.validation(names, relation.target_entrez)
            if found.empty:
                newest = context.mirtarbase.newest_pmid
                row["mirtarbase_support"] = (
                    f"{NOT_VALIDATED} (its newest paper: PMID {newest})" if newest else NOT_VALIDATED
                )
            elif relation.effect in RAISING_EFFECTS:
                # miRTarBase holds repressive interactions: it does not confirm a text saying the target goes up.
                row["mirtarbase_mirna"] = ";".join(dict.fromkeys(found["mirna"]))
                row["mirtarbase_support"] = f"{OPPOSITE_DIRECTION} ({found['strength'].iloc[0]})"
            else:
                row.update(
                    source="text+mirtarbase",
                    mirtarbase_mirna=";".join(dict.fromkeys(found["mirna"])),
                    mirtarbase_support=found["strength"].iloc[0],
                    mirtarbase_pmids=";".join(dict.fromkeys(p for v in found["pmids"] for p in v.split(";"))),
                )
    return row


def _mirtarbase_rows(cargo: str, context: CargoContext, stated: set[tuple[str, str]], document: str) -> list[dict]:
    names = context.mirtarbase.names_for(parse_one(cargo))
    targets = context.mirtarbase.targets(names)
    cargo_entrez = context.mirna_entrez(cargo)
    rows = []
    for mirna, symbol, entrez, strength, experiments, pmids in targets[MIRTARBASE_PAIRS_TABLE.columns].itertuples(
        index=False
    ):
        if (cargo, entrez) in stated or (_armless(cargo), entrez) in stated:  # miR-21 -> PTEN stated as 21-5p
            continue
        rows.append(
            {
                "cargo": cargo,
                "cargo_type": "mirna",
                "cargo_entrez": cargo_entrez,
                "target_symbol": symbol,
                "target_entrez": entrez,
                "target_type": "gene",
                "effect": "down",
                "source": "mirtarbase",
                "evidence": f"{experiments}; PMID:{pmids.replace(';', ',')}",
                "evidence_strength": strength,
                "document": document,
                "mirtarbase_mirna": mirna,
                "mirtarbase_support": strength,
                "mirtarbase_pmids": pmids,
            }
        )
    return rows


def _armless(mirna: str) -> str:
    return re.sub(r"-[35]p$", "", mirna)


def _one_row_per_record(rows: list[dict]) -> list[dict]:
    """One row per miRTarBase record: a text naming miR-21 and miR-21-5p gets miR-21-5p -> PTEN once,
    under the name that matches the record (the arm), not under both."""
    best: dict[tuple[str, str], dict] = {}
    for row in rows:
        key = (row["mirtarbase_mirna"], row["target_entrez"])
        kept = best.get(key)
        if kept is None or (row["cargo"] == row["mirtarbase_mirna"] != kept["cargo"]):
            best[key] = row
    return [row for row in rows if best[(row["mirtarbase_mirna"], row["target_entrez"])] is row]


def build_cargo_table(
    relations: list[Relation], mirnas: list[str], context: CargoContext, *, document: str
) -> pd.DataFrame:
    """The cargo table of one list (``CARGO_TABLE.columns``).

    ``relations`` are the text relations (none for a gene list); ``mirnas`` are
    miRNA cargo named outside sentences (a gene list, a figure's words). Every
    miRNA cargo also gets its miRTarBase targets; text rows come first, then
    miRTarBase rows by cargo, strong before weak.
    """
    text_rows = [_text_row(r, context, document) for r in relations]
    stated = {
        (r["cargo"], e) for r in text_rows if r["cargo_type"] == "mirna" for e in r["target_entrez"].split(";") if e
    }
    cargo_mirnas = dict.fromkeys([r.cargo for r in relations if r.cargo_type == "mirna"] + mirnas)
    stated |= {(_armless(cargo), entrez) for cargo, entrez in stated}
    database_rows = _one_row_per_record(
        [row for cargo in cargo_mirnas for row in _mirtarbase_rows(cargo, context, stated, document)]
    )
    table = pd.DataFrame(text_rows + database_rows, columns=CARGO_TABLE.columns).fillna("")
    if not database_rows:
        return _with_pathways(table, context.pathways)
    is_database = table["source"] == "mirtarbase"
    ordered = (
        table[is_database]
        .assign(rank=table["evidence_strength"].map({"strong": 0, "weak": 1}))
        .sort_values(["cargo", "rank", "target_symbol"], kind="stable")
        .drop(columns="rank")
    )
    return _with_pathways(pd.concat([table[~is_database], ordered], ignore_index=True), context.pathways)


def _with_pathways(table: pd.DataFrame, pathways: PathwayIndex) -> pd.DataFrame:
    table["pathways"] = [
        pathways.named(symbol)
        if kind == "pathway"
        else pathways.for_genes(entrez.split(";"), stated=stated)
        if entrez
        else ""
        for symbol, kind, entrez, stated in table[
            ["target_symbol", "target_type", "target_entrez", "stated_pathway"]
        ].itertuples(index=False)
    ]
    return table


# ---------------------------------------------------------------- all lists


def merge_cargo_tables(tables: list[pd.DataFrame]) -> pd.DataFrame:
    """All lists' cargo rows in one table, in list order."""
    frames = [t for t in tables if not t.empty]
    return pd.concat(frames, ignore_index=True)[CARGO_TABLE.columns] if frames else CARGO_TABLE.empty()


def cargo_edges(table: pd.DataFrame) -> pd.DataFrame:
    """A Cytoscape edge list: cargo -> target (the effect) and target -> first pathway term.

    Open in Cytoscape with *File > Import > Network from File*, ``source`` and
    ``target`` as the node columns, ``interaction`` as the edge type.
    """
    edges = []
    for row in table.itertuples(index=False):
        if not row.target_symbol:
            continue
        edges.append(
            {
                "source": row.cargo,
                "interaction": row.effect or "targets",
                "target": row.target_symbol,
                "source_type": row.cargo_type,
                "target_type": row.target_type,
                "evidence_source": row.source,
                "evidence_strength": row.evidence_strength,
                "effect": row.effect,
                "drug": row.drug,
                "cancer": row.cancer,
                "outcome": row.outcome,
                "document": row.document,
                "evidence": row.evidence,
            }
        )
        first_pathway = row.pathways.split("; ")[0].split(" [")[0] if row.pathways else ""
        if first_pathway and row.target_type == "gene":
            edges.append(
                {
                    "source": row.target_symbol,
                    "interaction": "in_pathway",
                    "target": first_pathway,
                    "source_type": "gene",
                    "target_type": "pathway",
                    "evidence_source": "library",
                    "document": row.document,
                }
            )
    frame = pd.DataFrame(edges, columns=CARGO_EDGES_TABLE.columns).fillna("")
    return frame.drop_duplicates().reset_index(drop=True)


# ---------------------------------------------------------------- one list, from files


def build_list_cargo(
    *,
    list_id: str,
    kind: str,
    names_tsv: str | Path,
    source_json: str | Path,
    sentences_json: str | Path,
    pairs_tsv: str | Path,
    hairpins_tsv: str | Path,
    libraries: dict[str, str | Path],
    enrichment: dict[str, str | Path],
    options: dict,
    load: Callable = lambda read, *paths, **options: read(*paths, **options),
) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """Cargo table, miRNA target-set enrichment, and why the table is empty ("" if it is not).

    ``options``: ``min_evidence``, ``permutations``, ``seed``, ``target_count_bins``,
    ``fdr_threshold``, ``min_size``, ``max_size`` (the config's ``cargo`` and
    ``enrichment`` values). A gmt list, or a list whose extraction failed, gives
    header-only tables. ``load(read, path, **options)`` reads the reference tables; a batch job
    passes :func:`exocargo.rowjobs.shared` so that its rows read them once.
    """
    source = json.loads(Path(source_json).read_text())
    empty = CARGO_TABLE.empty(), MIRNA_ENRICHMENT_TABLE.empty()
    if not input_kind(kind).has_cargo:
        return (
            *empty,
            "a gmt input holds gene sets, not exosomal cargo; cargo is read from genes, pfocr and text inputs",
        )
    if source.get("status", "ok") != "ok":
        return *empty, f"the input could not be read: {source.get('reason', '')}"
    sentences = json.loads(Path(sentences_json).read_text(encoding="utf-8"))
    relations = find_relations([Sentence.from_record(record) for record in sentences])
    library_sets = {name: load(read_gmt_library, path) for name, path in libraries.items()}
    pathways = PathwayIndex(
        library_sets, {name: read_tsv(path) for name, path in enrichment.items()}, options["fdr_threshold"]
    )
    context = CargoContext(
        load(read_mirtarbase_index, pairs_tsv, min_evidence=options["min_evidence"]),
        pathways,
        load(read_hairpin_index, hairpins_tsv),
    )
    mirnas = list_mirnas(read_tsv(names_tsv)) if input_kind(kind).mirnas_are_cargo else []
    table = build_cargo_table(relations, mirnas, context, document=list_id)
    cargo_mirnas = dict.fromkeys(table.loc[table["cargo_type"] == "mirna", "cargo"])
    units = {name: context.mirtarbase.names_for(parse_one(name)) for name in cargo_mirnas}
    pairs = context.mirtarbase.pairs
    symbols = context.mirtarbase.target_symbols if units else {}
    tests = [
        mirna_set_enrichment(
            units,
            pairs,
            terms,
            permutations=options["permutations"],
            seed=options["seed"],
            bins=options["target_count_bins"],
            min_size=options["min_size"],
            max_size=options["max_size"],
            library_name=name,
            symbols=symbols,
        )
        for name, terms in library_sets.items()
    ]
    tests = [t for t in tests if not t.empty]
    enrichment_table = pd.concat(tests, ignore_index=True) if tests else MIRNA_ENRICHMENT_TABLE.empty()
    why_empty = "" if len(table) else "no miRNA in the list and no cargo relation stated in its text"
    return table, enrichment_table, why_empty


def split_cargo_table(table: pd.DataFrame, kind: str, *, validated_min_evidence: str = "strong") -> tuple:
    """``(cargo_targets, validated_targets)`` of one list's cargo table.

    For a text or figure, the cargo table is what the text states (rows with a ``text`` source, each with
    its miRTarBase validation); targets only miRTarBase knows go to the validated table, at
    ``validated_min_evidence`` (strong by default) or above, so a review's findings are not buried under
    every database target of every miRNA it names. A gene or miRNA list states nothing: its cargo table
    is its validated targets, and the validated table holds the same rows.
    """
    database = table["source"] == "mirtarbase"
    validated = table[database]
    if validated_min_evidence == "strong":
        validated = validated[validated["evidence_strength"] == "strong"]
    if not input_kind(kind).has_prose:
        return table.reset_index(drop=True), validated.reset_index(drop=True)
    return table[~database].reset_index(drop=True), validated.reset_index(drop=True)

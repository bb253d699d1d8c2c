"""Mapping a names table: the mapper chosen in config applied to every name of a list, giving the
mapping table (one row per name-gene pair; one row with an empty ``entrez_id`` for a name that did
not map), the Entrez IDs used and the per-match-type summary.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from exocargo.files import read_tsv
from exocargo.kinds import input_kind
from exocargo.mapping.cache import cached
from exocargo.mapping.decisions import (
    MATCH_TYPES,
    NON_GENE_MENTIONS,
    NOT_A_GENE,
    USED_MATCH_TYPES,
    Context,
    Hit,
    Mapper,
    unmapped,
    with_note,
)
from exocargo.mapping.families import FamPlex
from exocargo.mapping.figure_evidence import PathwayEvidence, decide_by_figure
from exocargo.mapping.local import LocalMapper
from exocargo.tables import MAPPING_SUMMARY_TABLE, MAPPING_TABLE

# --------------------------------------------------------------------------- loading and tables


def load_mapper(
    genes_tsv: str | Path,
    hairpins_tsv: str | Path | None = None,
    famplex_dir: str | Path | None = None,
    *,
    expand_families: bool = True,
    pathway_gmts: list[str | Path] | tuple[str | Path, ...] = (),
) -> LocalMapper:
    """The offline mapper from the resource tables.

    Without ``famplex_dir`` there are no families and no chemical/process
    groundings, which is what translating a library of approved symbols needs.
    ``pathway_gmts`` (Entrez GMT files) let a figure's other genes decide an
    ambiguous word (:mod:`exocargo.mapping.figure_evidence`).
    """
    inputs = [Path(p) for p in (genes_tsv, hairpins_tsv, famplex_dir) if p]

    def build() -> LocalMapper:
        return LocalMapper(
            read_tsv(genes_tsv),
            read_tsv(hairpins_tsv) if hairpins_tsv else None,
            FamPlex.from_dir(famplex_dir) if famplex_dir else None,
        )

    # Built once per resources folder, then loaded (exocargo.mapping.cache).
    mapper = cached(inputs, build, folder=Path(genes_tsv).parent)
    mapper.expand_families = expand_families
    if pathway_gmts:
        mapper.pathway_evidence = PathwayEvidence.from_gmts(pathway_gmts)
    return mapper


def map_names_table(
    names: pd.DataFrame, mapper: Mapper, *, kind: str = "genes", context: Context | None = None
) -> pd.DataFrame:
    """Map every name of a names table; an unmapped name keeps one row.

    ``kind`` is the input kind; words of ``pfocr`` figures and ``text``
    documents are read as words (numbers are not Entrez IDs, curated
    chemical readings win), names of ``genes`` and ``gmt`` lists as identifiers.
    ``context`` (a figure's title and caption) breaks ties the tables cannot.
    """
    readings = _readings_of(names)
    # Long lists repeat names: map and lay out each distinct reading's hits once, then index them per row.
    codes, distinct = pd.factorize(readings)
    lookups = [r for r in distinct if isinstance(r, str)]
    lookups += [part for r in distinct if not isinstance(r, str) and r[0] == "normalized" for part in r[1].split(";")]
    lookups += [r[2] for r in distinct if not isinstance(r, str) and r[0] == "normalized"]
    record = input_kind(kind)
    answers = mapper.map_names(lookups, in_text=record.words_from_prose, context=context, figure=record.is_pfocr_figure)
    found = [_hits_of(reading, answers) for reading in distinct]
    counts = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
    starts = np.cumsum(counts) - counts
    per_row = counts[codes]
    row = np.repeat(np.arange(len(codes)), per_row)
    hit = starts[codes][row] + np.arange(len(row)) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    flat = [h for hits in found for h in hits]
    columns = {"query": names["query"].to_numpy()[row], "input_name": names["name"].to_numpy()[row]}
    for i, column in enumerate(MAPPING_TABLE.columns[2:]):
        columns[column] = np.array([h[i] for h in flat], dtype=object)[hit]
    mapping = pd.DataFrame(columns, columns=MAPPING_TABLE.columns)
    evidence = getattr(mapper, "pathway_evidence", None)
    if record.is_pfocr_figure and evidence is not None:
        decided = [
            decide_by_figure(rows, evidence, mapper.symbol_of) for _, rows in mapping.groupby("query", sort=False)
        ]
        mapping = pd.concat(decided, ignore_index=True) if decided else mapping
    return mapping


def _readings_of(names: pd.DataFrame) -> pd.Series:
    """What to look up for each row: its name, or a tuple saying how else to read it.

    ``("normalized", forms, name)`` when the extract step read the name as
    other forms (a protein name as its symbol, ``miR-221/222`` as
    ``hsa-miR-221;hsa-miR-222``); ``(type, name)`` when it found a drug or
    cancer mention in a text, which is answered without a gene lookup.
    """
    readings = names["name"]
    if "normalized" in names.columns:
        normalized = names["normalized"].fillna("").astype(str)
        changed = (normalized != "") & (normalized != readings)
        if changed.any():
            triples = pd.Series(list(zip(["normalized"] * len(names), normalized, names["name"])), index=names.index)
            readings = readings.astype(object).where(~changed, triples)
    if "type" in names.columns:
        typed = names["type"].isin(list(NON_GENE_MENTIONS))
        if typed.any():
            pairs = pd.Series(list(zip(names["type"], names["name"])), index=names.index)
            readings = readings.astype(object).where(~typed, pairs)
    return readings


def _hits_of(reading: str | tuple[str, ...], answers: dict[str, list[Hit]]) -> list[Hit]:
    if isinstance(reading, str):
        return answers[reading]
    if reading[0] != "normalized":
        return [unmapped(f"{NOT_A_GENE[1]} {NON_GENE_MENTIONS[reading[0]]} named in the text")]
    _, forms, name = reading
    hits: dict[str, Hit] = {}
    for form in forms.split(";"):
        for hit in answers[form]:
            if hit.entrez_id:
                hits.setdefault(hit.entrez_id, hit)
    if not hits:  # the extract step's reading maps to nothing: fall back on the name as written
        return answers[name]
    return with_note(list(hits.values()), f"read as {forms} by the extract step")


def used_rows(mapping: pd.DataFrame, *, include_ambiguous: bool = False) -> pd.DataFrame:
    """The name-gene rows whose genes enter the gene set."""
    used = set(USED_MATCH_TYPES) | ({"ambiguous"} if include_ambiguous else set())
    return mapping[mapping["match_type"].isin(used) & (mapping["entrez_id"] != "")]


def used_entrez_ids(mapping: pd.DataFrame, *, include_ambiguous: bool = False) -> list[str]:
    """The unique Entrez IDs that enter the gene set, in first-seen order."""
    return list(dict.fromkeys(used_rows(mapping, include_ambiguous=include_ambiguous)["entrez_id"]))


def summarise(mapping: pd.DataFrame) -> pd.DataFrame:
    """Names and distinct genes per match type (a name counts once per type)."""
    per_name = mapping.drop_duplicates(["query", "input_name", "match_type"])
    names = Counter(per_name["match_type"])
    genes = mapping[mapping["entrez_id"] != ""].groupby("match_type")["entrez_id"].nunique()
    return pd.DataFrame(
        [(t, names.get(t, 0), int(genes.get(t, 0))) for t in MATCH_TYPES],
        columns=MAPPING_SUMMARY_TABLE.columns,
    )


def map_list(
    names_tsv: str | Path,
    source_json: str | Path,
    genes_tsv: str | Path,
    hairpins_tsv: str | Path,
    famplex_dir: str | Path,
    *,
    backend: str = "local",
    mygene_url: str = "",
    expand_families: bool = True,
    include_ambiguous: bool = False,
    pathway_gmts: list[str | Path] | tuple[str | Path, ...] = (),
    load: Callable[..., LocalMapper] | None = None,
) -> tuple[pd.DataFrame, list[str], pd.DataFrame]:
    """The mapping step of one list: mapping table, Entrez IDs used downstream, summary.

    The input kind and, for PFOCR figures, the title and caption (as
    :class:`Context`) come from the extract step's source description;
    ``pathway_gmts`` let a figure's other genes decide its ambiguous words. ``load`` (default
    :func:`load_mapper`) builds the mapper; a batch job passes one that builds it once per job.
    """
    source = json.loads(Path(source_json).read_text(encoding="utf-8"))
    figure = source.get("pfocr") or {}
    context = Context.of(figure.get("title", ""), figure.get("caption", ""), figure.get("paper_title", ""))
    mapper: Mapper = (load or load_mapper)(
        genes_tsv,
        hairpins_tsv,
        famplex_dir,
        expand_families=expand_families,
        pathway_gmts=tuple(pathway_gmts) if source["kind"] == "pfocr" else (),
    )
    if backend == "mygene":
        from exocargo.mapping.mygene_backend import MyGeneMapper

        mapper = MyGeneMapper(mapper, url=mygene_url)
    mapping = map_names_table(read_tsv(names_tsv), mapper, kind=source["kind"], context=context)
    return mapping, used_entrez_ids(mapping, include_ambiguous=include_ambiguous), summarise(mapping)

"""The Python API: what the workflow does, one call at a time, on the same pinned resources.

>>> import exocargo                                                         # doctest: +SKIP
>>> exocargo.map_names(["TP53", "miR-21", "PD-L1"])[["input_name", "entrez_id"]]  # doctest: +SKIP
>>> exocargo.enrich(["TP53", "MDM2", "CDKN1A"], library="KEGG_2021_Human")  # doctest: +SKIP
>>> exocargo.find_relations("Exosomal miR-21 down-regulates PTEN.")          # doctest: +SKIP

Resources live in ``$EXOCARGO_RESOURCES`` if set, else in the project's
``resources/`` folder (the one ``make run`` fills). Missing ones are fetched on
first use by the workflow's own ``fetch_resources`` rule, so the API and the
workflow always read the same files, checked against the same sha256.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path

import pandas as pd

from exocargo.documents import Document, read_document
from exocargo.documents.plain import read_plain_text
from exocargo.enrichment.run import EnrichmentOptions, enrich_list, queries_from_mapping, units_from_mapping
from exocargo.files import read_tsv
from exocargo.inputs.readers import names_table_of, read_text
from exocargo.mapping.decisions import Context
from exocargo.mapping.local import LocalMapper
from exocargo.mapping.table import load_mapper, map_names_table
from exocargo.resources.layout import ResourceLayout
from exocargo.tables import ENRICHMENT_TABLE, MAPPING_TABLE
from exocargo.text.mentions import MentionFinder, mine_document
from exocargo.text.relations import relations_table

PROJECT = Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    """Where the API reads resources: ``$EXOCARGO_RESOURCES``, else the project's ``resources/``."""
    return Path(os.environ.get("EXOCARGO_RESOURCES") or PROJECT / "resources")


def _layout() -> ResourceLayout:
    return ResourceLayout(str(resources_dir()))


def _resource(path_text: str) -> Path:
    path = Path(path_text)
    if not path.exists():
        fetch_resources()
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing after fetching resources; see the log above.")
    return path


def fetch_resources() -> None:
    """Fetch the pinned resources with the workflow's ``fetch_resources`` rule (cached: only missing files)."""
    snakefile = PROJECT / "Snakefile"
    if not snakefile.exists():
        raise FileNotFoundError(
            f"no workflow beside the package ({snakefile}); set EXOCARGO_RESOURCES to a folder "
            "that `make resources` filled."
        )
    snakemake = Path(sys.executable).parent / "snakemake"
    command = [str(snakemake), "--snakefile", str(snakefile), "--directory", str(PROJECT), "--cores", "2"]
    command += ["fetch_resources", "--config", f"resources_dir={resources_dir()}"]
    subprocess.run(command, check=True, stdout=sys.stderr)


# The workflow's defaults (config/config.yaml mapping.figure_evidence_libraries, paragraph_evidence_libraries).
FIGURE_EVIDENCE_LIBRARIES = ("KEGG_2021_Human", "WikiPathway_2023_Human")
PARAGRAPH_EVIDENCE_LIBRARIES = (*FIGURE_EVIDENCE_LIBRARIES, "GO_Biological_Process_2023")


def _libraries(names: tuple[str, ...]) -> list[Path]:
    """The Entrez GMTs of ``names`` that the resources folder has."""
    found = []
    for name in names:
        try:
            found.append(_resource(_layout().library_entrez_gmt(name)))
        except FileNotFoundError:
            continue
    return found


@cache
def _finder() -> MentionFinder:
    """The workflow's mention finder: the gene mapper, locus types, approved full names and the
    libraries a paragraph's other genes decide an ambiguous name with."""
    layout = _layout()
    return MentionFinder.from_files(
        _resource(layout.gene_table()),
        _resource(layout.hairpin_table()),
        _resource(layout.famplex_dir),
        tuple(_libraries(PARAGRAPH_EVIDENCE_LIBRARIES)),
    )


def _mapper(expand_families: bool = True, figure_evidence: bool = False) -> LocalMapper:
    pathways = _libraries(FIGURE_EVIDENCE_LIBRARIES) if figure_evidence else []
    return load_mapper(
        _resource(_layout().gene_table()),
        _resource(_layout().hairpin_table()),
        _resource(_layout().famplex_dir),
        expand_families=expand_families,
        pathway_gmts=pathways,
    )


def map_names(
    names: Iterable[str],
    *,
    kind: str = "genes",
    context: str = "",
    expand_families: bool = True,
    query: str = "names",
) -> pd.DataFrame:
    """Map gene, protein, family and miRNA names to Entrez Gene IDs (the workflow's mapping table).

    Parameters
    ----------
    names
        Symbols, aliases, Entrez or Ensembl IDs, UniProt accessions, families, miRNA names.
    kind
        ``genes`` (a gene list: digits are Entrez IDs) or ``pfocr`` / ``text`` (words from a figure or
        prose: stricter about short aliases).
    context
        A figure's title and caption, used only to break ties between genes sharing an alias.
        For ``pfocr`` the names are one figure's words: its other genes may decide an ambiguous
        word through shared KEGG and WikiPathways pathways (the note says which).

    Returns
    -------
    pandas.DataFrame
        Columns of :data:`exocargo.tables.MAPPING_TABLE` (``input_name``, ``entrez_id``, ``symbol``,
        ``match_type``, ``note``, ...): one row per name-gene pair, unmapped names with the reason.
    """
    if isinstance(names, str):
        names = [names]
    mapper = _mapper(expand_families, figure_evidence=kind == "pfocr")
    table = map_names_table(names_table_of(names, query), mapper, kind=kind, context=Context.of(context))
    return MAPPING_TABLE.check(table)


def _library(name: str) -> tuple[dict[str, list[str]], dict]:
    from exocargo.enrichment.libraries import read_gmt_library

    layout = _layout()
    wanted = layout.library_entrez_gmt(name)
    try:
        path = _resource(wanted)
    except FileNotFoundError:
        available = sorted(p.name.removesuffix(".entrez.gmt") for p in Path(wanted).parent.glob("*.entrez.gmt"))
        raise ValueError(f"library {name!r} is not among the fetched libraries: {', '.join(available)}.") from None
    summary = json.loads(Path(layout.library_translation(name)).read_text(encoding="utf-8"))
    return read_gmt_library(path), summary


def enrich(
    genes: Sequence[str] | Mapping[str, Sequence[str]],
    library: str = "KEGG_2021_Human",
    background: str = "library",
    *,
    min_size: int = 5,
    max_size: int | None = 2000,
    counting: str = "names",
) -> pd.DataFrame:
    """Over-representation of a list (or of each list of a dict) in one library.

    Names are mapped first, as :func:`map_names` does; the test is the workflow's (one-sided
    hypergeometric, Benjamini-Hochberg per query). ``counting="names"`` counts a name that maps to
    several genes (a family word) once (:mod:`exocargo.enrichment.units`); ``"genes"`` counts every
    gene, as gseapy.enrich does. Both equal gseapy.enrich when no name maps to several genes.

    Returns
    -------
    pandas.DataFrame
        Columns of :data:`exocargo.tables.ENRICHMENT_TABLE` (``query``, ``term``, ``p_value``,
        ``adjusted_p_value``, ``genes``, ...), sorted by p-value within each query.
    """
    lists = {"list": list(genes)} if not isinstance(genes, Mapping) else {k: list(v) for k, v in genes.items()}
    mapping = pd.concat([map_names(names, query=query) for query, names in lists.items()], ignore_index=True)
    library_sets, summary = _library(library)
    table, _ = enrich_list(
        list_id="api",
        queries=queries_from_mapping(mapping),
        units=units_from_mapping(mapping),
        source={"kind": "genes"},
        library=library_sets,
        library_summary=summary,
        genes=read_tsv(_resource(_layout().gene_table())),
        options=EnrichmentOptions(background=background, min_size=min_size, max_size=max_size, counting=counting),
    )
    return ENRICHMENT_TABLE.typed(ENRICHMENT_TABLE.check(table))


def read_paper(path: str | Path) -> Document:
    """A paper file (PDF, HTML, PMC/JATS or BioC XML, BioC JSON, PubMed XML, markdown, text) by sections.

    The reference list is left out; ``document.sections`` holds each section's
    name (``abstract``, ``results``, ``figure legend``, ...) and paragraphs.
    """
    return read_document(path, read_text)


def find_relations(text: str | None = None, *, path: str | Path | None = None) -> pd.DataFrame:
    """The regulator -> target statements of a text, or of a paper file in any format :func:`read_paper` reads.

    Columns of :data:`exocargo.tables.RELATIONS_TABLE`; ``section`` says where each was stated.
    """
    if (text is None) == (path is None):
        raise TypeError("find_relations takes a text or a path=, not both")
    document = read_plain_text(text) if path is None else read_paper(path)
    return relations_table(mine_document(document, _finder()))

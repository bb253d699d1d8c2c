"""MyGene.info as the mapping backend (config ``mapping: backend: mygene``, online).

Gene symbols, aliases and IDs are looked up with one batched
``MyGeneInfo.querymany`` call (MyGene.info POST ``/v3/query``, 1,000 names per
request as the client batches them) with explicit scopes and species. What
MyGene.info does not know stays with the local tables: miRNA written forms
(``miR-221/222``), FamPlex families (``PI3K``) and names the local tables show
are not genes (``ADP``, ``cAMP``). The answer has the same shape as
:class:`exocargo.mapping.LocalMapper`'s, so every later step reads both alike.

Example
-------
>>> mapper = MyGeneMapper(load_mapper(genes_tsv, hairpins_tsv, famplex_dir))  # doctest: +SKIP
>>> mapper.map_name("PD-L1")  # doctest: +SKIP
[Hit(entrez_id='29126', symbol='CD274', match_type='alias', note='MyGene.info: alias of CD274')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from exocargo.mapping.decisions import Context, Hit, is_not_a_gene
from exocargo.mapping.local import LocalMapper
from exocargo.mapping.words import surface

# Where MyGene.info may find a name, and what we read back to tell which one matched.
SCOPES = ("entrezgene", "symbol", "alias", "ensembl.gene", "uniprot")
FIELDS = ("entrezgene", "symbol", "alias", "ensembl.gene", "uniprot")
SPECIES = "human"
# Local answers MyGene.info cannot improve on: it knows neither miRNA forms nor FamPlex.
LOCAL_MATCH_TYPES = frozenset({"family", "mirna"})


class MyGeneError(RuntimeError):
    """MyGene.info could not be reached or answered in an unexpected way."""


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _values(hit: dict, field: str) -> set[str]:
    """Upper-case strings of a MyGene.info field, flattening lists and sub-objects."""
    first, _, rest = field.partition(".")
    found = set()
    for value in _as_list(hit.get(first)):
        if rest and isinstance(value, dict):
            found |= {str(v).upper() for v in _as_list(value.get(rest))}
        elif isinstance(value, dict):  # uniprot: {"Swiss-Prot": "P04637", "TrEMBL": [...]}
            found |= {str(v).upper() for part in value.values() for v in _as_list(part)}
        else:
            found.add(str(value).upper())
    return found


def _match_type(query: str, hit: dict) -> str:
    """Which scope matched, read back from the returned fields."""
    key = query.upper()
    if key == str(hit.get("entrezgene", "")).upper():
        return "entrez"
    if key == str(hit.get("symbol", "")).upper():
        return "symbol"
    if key.split(".")[0] in _values(hit, "ensembl.gene"):
        return "ensembl"
    if key.split("-")[0] in _values(hit, "uniprot"):
        return "uniprot"
    return "alias"


class MyGeneMapper:
    """Mapper with MyGene.info for genes and the local tables for miRNAs and families."""

    def __init__(self, local: LocalMapper, *, url: str = "", client: Any = None, pause_seconds: float | None = None):
        if client is None:
            import mygene

            client = mygene.MyGeneInfo()
        if url:
            client.url = url.rstrip("/")
        if pause_seconds is not None:
            client.delay = pause_seconds
        self.client = client
        self.local = local
        self._cache: dict[str, list[Hit]] = {}

    def map_name(
        self, name: str, *, in_text: bool = False, context: Context | None = None, figure: bool = False
    ) -> list[Hit]:
        return self.map_names([name], in_text=in_text, context=context, figure=figure)[name]

    def map_names(
        self, names: Iterable[str], *, in_text: bool = False, context: Context | None = None, figure: bool = False
    ) -> dict[str, list[Hit]]:
        """One ``querymany`` for every name the local tables leave to a gene lookup.

        ``context`` is used by the local tables only (miRNAs, families); a
        name MyGene.info does not find keeps the local answer, noted as such.
        """
        local = self.local.map_names(names, in_text=in_text, context=context, figure=figure)
        ask = {
            name: surface(name)
            for name, hits in local.items()
            if name not in self._cache
            and not any(h.match_type in LOCAL_MATCH_TYPES for h in hits)
            and not any(is_not_a_gene(h) for h in hits)
            and surface(name)
        }
        if ask:
            found = self._query(sorted(set(ask.values())))
            for name, query in ask.items():
                self._cache[name] = self._hits(query, found.get(query, []), local[name])
        return {name: self._cache.get(name, hits) for name, hits in local.items()}

    def _query(self, queries: list[str]) -> dict[str, list[dict]]:
        try:
            answer = self.client.querymany(
                queries,
                scopes=",".join(SCOPES),
                fields=",".join(FIELDS),
                species=SPECIES,
                returnall=True,
                verbose=False,
            )
        except Exception as error:  # httpx and JSON errors; the message says what to change
            raise MyGeneError(
                f"MyGene.info query at {self.client.url} failed ({error.__class__.__name__}: {error}). "
                "Check the network, or set the config key 'mapping: backend' to local."
            ) from error
        by_query: dict[str, list[dict]] = defaultdict(list)
        for hit in answer.get("out", []):
            if not isinstance(hit, dict) or "query" not in hit:
                raise MyGeneError(f"MyGene.info at {self.client.url} answered with an unexpected record: {hit!r:.200}")
            if not hit.get("notfound") and hit.get("entrezgene") not in (None, ""):
                by_query[str(hit["query"])].append(hit)
        return by_query

    def _hits(self, query: str, found: list[dict], local: list[Hit]) -> list[Hit]:
        """Hits of one name from MyGene.info records (several genes: ambiguous, unless one is the symbol)."""
        genes: dict[str, dict] = {}
        for hit in found:
            genes.setdefault(str(hit["entrezgene"]), hit)
        if not genes:
            # MyGene.info has no such name: the local answer stands, and says where it came from.
            return [
                h._replace(note="; ".join(filter(None, ["MyGene.info found nothing; local tables", h.note])))
                for h in local
            ]
        exact = {e: h for e, h in genes.items() if _match_type(query, h) != "alias"}
        if len(exact) == 1 or len(genes) == 1:
            entrez, hit = next(iter(exact.items())) if len(exact) == 1 else next(iter(genes.items()))
            match_type = _match_type(query, hit)
            note = f"MyGene.info: alias of {hit.get('symbol', '')}" if match_type == "alias" else "MyGene.info"
            return [Hit(entrez, self._symbol(entrez, hit), match_type, note)]
        symbols = ", ".join(sorted(self._symbol(e, h) for e, h in genes.items()))
        note = f"MyGene.info: {query} matches {len(genes)} genes: {symbols}"
        return [
            Hit(e, self._symbol(e, h), "ambiguous", note)
            for e, h in sorted(genes.items(), key=lambda item: self._symbol(*item))
        ]

    def _symbol(self, entrez: str, hit: dict) -> str:
        return self.local.symbol_of.get(entrez) or str(hit.get("symbol", ""))

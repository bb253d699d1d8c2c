"""Papers named by id in the sheet (``PMID:12345678``, ``PMC1234567``), fetched with NCBI E-utilities.

A PMID gives the PubMed record (title and abstract); a PMC id gives the
article's JATS XML (the full text for open-access articles, the front matter
otherwise). Each is fetched once into ``resources/papers/`` with its
provenance (URL, date, sha256) and then read like a file.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

from exocargo.errors import InputError
from exocargo.files import write_json

PAPER_ID = re.compile(r"^\s*(?:PMID\s*:?\s*(?P<pmid>\d{1,9})|PMC\s*:?\s*(?P<pmc>\d{1,9}))\s*$", re.IGNORECASE)
# The file name a fetched paper is cached under: PMID_12345678, PMC1234567.
CACHED_PAPER = re.compile(r"^(?:PMID_\d{1,9}|PMC\d{1,9})$")
DEFAULT_EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/efetch.fcgi"


def paper_id(raw: str) -> str | None:
    """``PMID_12345678`` or ``PMC1234567`` for a sheet entry naming a paper, else None."""
    match = PAPER_ID.match(raw)
    if not match:
        return None
    return f"PMID_{match['pmid']}" if match["pmid"] else f"PMC{match['pmc']}"


def efetch_url(paper: str, base_url: str = DEFAULT_EUTILS_URL) -> str:
    """The E-utilities efetch URL of a cached paper name (PubMed XML for a PMID, JATS for PMC)."""
    if not CACHED_PAPER.match(paper):
        raise ValueError(f"not a paper id: {paper!r}")
    database, number = ("pubmed", paper[5:]) if paper.startswith("PMID_") else ("pmc", paper[3:])
    return f"{base_url}?{urllib.parse.urlencode({'db': database, 'id': number, 'retmode': 'xml'})}"


def offline_message(raw: str) -> str:
    return (
        f"{raw.strip()}: a paper given by id is fetched from NCBI E-utilities, but 'online' is false in the "
        "config. Set 'online: true' (config key 'online'; the URL is 'papers: eutils_url'), or download the "
        "article (PMC XML, PDF or HTML) and give its path in the sheet."
    )


def fetch_paper(paper: str, dest: str | Path, provenance: str | Path, *, online: bool, base_url: str) -> None:
    """Download one paper by id into the cache, refusing answers that hold no article."""
    from exocargo.documents import document_format
    from exocargo.resources.sources import download_url, provenance_record, require_online

    url = efetch_url(paper, base_url or DEFAULT_EUTILS_URL)
    require_online(online, f"Paper {paper} (NCBI E-utilities)", "online")
    download_url(url, dest, config_key="papers: eutils_url")
    with open(dest, "rb") as handle:
        head = handle.read(8192)
    if document_format(head) not in ("jats", "pubmed"):
        Path(dest).unlink()
        excerpt = head[:200].decode("utf-8", errors="replace").replace("\n", " ")
        raise InputError(
            f"{paper}: E-utilities answered {url} without an article ({excerpt!r}). Check the id, or download "
            "the article and give its path in the sheet."
        )
    write_json(
        provenance_record(
            source="ncbi_eutils",
            version="fetched on the date below",
            origin=url,
            licence="PubMed/PMC terms of use; the article's own licence applies to its text",
            files={"article": dest},
        ),
        provenance,
    )

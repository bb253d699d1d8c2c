"""Cargo-to-target tables: exosomal cargo joined to validated targets."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

CARGO_COLUMNS = [
    "cargo",
    "cargo_type",
    "cargo_entrez",
    "target_symbol",
    "target_entrez",
    "effect",
    "source",
    "evidence",
    "evidence_strength",
    "donor",
    "recipient",
    "drug",
    "cancer",
    "outcome",
    "pathways",
    "document",
]
MTI_COLUMNS = {
    "miRNA": "mirna",
    "Target Gene": "target_symbol",
    "Target Gene (Entrez Gene ID)": "target_entrez",
    "Experiments": "experiments",
    "Support Type": "support_type",
    "References (PMID)": "pmid",
}


def read_mirtarbase(path: str | Path) -> pd.DataFrame:
    """miRTarBase MTI CSV; quoted fields hold newlines, so parse it as CSV."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", usecols=list(MTI_COLUMNS))
    table = table.rename(columns=MTI_COLUMNS)
    for column in table.columns:
        table[column] = table[column].str.replace(r"\s+", " ", regex=True).str.strip()
    return table


def mature_stem(name: str) -> str | None:
    """``miR-21``/``hsa-miR-21-5p``/``microRNA-21`` -> ``hsa-miR-21`` (arm dropped)."""
    match = re.match(r"^(?:hsa-)?(?:micro[- ]?rna-?|mir-?)(\d+[a-z]?)", name, re.IGNORECASE)
    if match:
        return f"hsa-miR-{match.group(1)}"
    match = re.match(r"^(?:hsa-)?let-?(7[a-z]?)", name, re.IGNORECASE)
    return f"hsa-let-{match.group(1)}" if match else None


def validated_targets(mirna_names: list[str], mti: pd.DataFrame) -> pd.DataFrame:
    """miRTarBase rows for each miRNA name, any arm; one row per miRNA-target."""
    stems = {name: mature_stem(name) for name in mirna_names}
    rows = []
    for stem in stems.values():
        if stem is None:
            continue
        pattern = re.compile(rf"^{re.escape(stem)}(?:-[35]p)?$", re.IGNORECASE)
        hits = mti[mti["mirna"].str.match(pattern)]
        for (mirna, symbol, entrez), group in hits.groupby(["mirna", "target_symbol", "target_entrez"], sort=True):
            strong = (group["support_type"] == "Functional MTI").any()
            pmids = sorted({p for v in group["pmid"] for p in re.split(r"[;,\s]+", v) if p})
            rows.append(
                {
                    "cargo": mirna,
                    "cargo_type": "mirna",
                    "target_symbol": symbol,
                    "target_entrez": entrez,
                    "source": "mirtarbase",
                    "evidence": "PMID:" + ",".join(pmids),
                    "evidence_strength": "strong" if strong else "weak",
                }
            )
    return pd.DataFrame(rows, columns=CARGO_COLUMNS).fillna("")

import re
import sys
from pathlib import Path

from snakemake.utils import validate

sys.path.insert(0, str(Path(workflow.basedir) / "workflow" / "scripts"))

from exocargo.sheet import load_sheet  # noqa: E402

validate(config, "../schemas/config.schema.yaml")

RESOURCES = config["resources_dir"]
LIBRARIES = [library["name"] for library in config["libraries"]]
LIBRARY_SPECS = {library["name"]: library for library in config["libraries"]}

genelists = load_sheet(
    config["genelists"],
    schema=str(Path(workflow.basedir) / "workflow/schemas/genelists.schema.yaml"),
)
LIST_IDS = list(genelists.index)


wildcard_constraints:
    list_id="|".join(map(re.escape, LIST_IDS)) or "NO_LISTS",
    library="|".join(map(re.escape, LIBRARIES)),


def list_path(wildcards):
    return genelists.loc[wildcards.list_id, "path"]


def list_kind(list_id):
    return genelists.loc[list_id, "kind"]


def hgnc_dir():
    return f"{RESOURCES}/hgnc/{config['gene_nomenclature']}"


def get_final_output():
    return [
        "results/report/index.html",
        *expand("results/report/{list_id}.html", list_id=LIST_IDS),
    ]


## Resource paths chosen by config


def gene_table():
    return f"{RESOURCES}/genes/{config['gene_nomenclature']}/genes.tsv"


def hairpin_table():
    return f"{RESOURCES}/genes/{config['gene_nomenclature']}/mirbase_hairpins.tsv"


def gene_table_inputs(wildcards):
    hgnc = rules.fetch_hgnc_table.output
    if wildcards.nomenclature == "ncbi_gene_info":
        return {
            "ncbi": rules.fetch_ncbi_gene_info.output.gene_info,
            "mirbase": hgnc.mirbase,
        }
    return {"hgnc": hgnc.hgnc, "mirbase": hgnc.mirbase}


def famplex_tables():
    return rules.fetch_famplex.output


def mirtarbase_table():
    if config["mirna_targets"] == "mirtarbase_url":
        return rules.fetch_mirtarbase_url.output.mti
    return rules.fetch_mirtarbase.output.mti


def library_gmt_path(library):
    spec = LIBRARY_SPECS[library]
    if spec["source"] == "pyenrichr":
        return f"{RESOURCES}/enrichr/pyenrichr-1.0.2/{library}.gmt"
    if spec["source"] == "enrichr":
        return f"{RESOURCES}/enrichr/online/{library}.gmt"
    return spec["path"]


def library_gmt(wildcards):
    return library_gmt_path(wildcards.library)


def library_entrez_gmt(library):
    return f"{RESOURCES}/libraries/{config['gene_nomenclature']}/{library}.entrez.gmt"


def provenance_files():
    """Provenance JSON of every resource this configuration uses."""
    files = [
        rules.fetch_hgnc_table.output.provenance,
        rules.fetch_famplex.output.provenance,
    ]
    if config["gene_nomenclature"] == "ncbi_gene_info":
        files.append(rules.fetch_ncbi_gene_info.output.provenance)
    if config["mirna_targets"] == "mirtarbase_url":
        files.append(rules.fetch_mirtarbase_url.output.provenance)
    else:
        files.append(rules.fetch_mirtarbase.output.provenance)
    for name, spec in LIBRARY_SPECS.items():
        if spec["source"] in ("pyenrichr", "enrichr"):
            files.append(
                str(Path(library_gmt_path(name)).with_suffix(".provenance.json"))
            )
    return files

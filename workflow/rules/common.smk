import hashlib
import importlib.util
import re
from pathlib import Path

from snakemake.utils import validate


from exocargo.enrichment.batch import plan_gmt_inputs
from exocargo.enrichment.run import EnrichmentOptions
from exocargo.documents.paper_ids import paper_id
from exocargo.inputs.sheet import check_config, check_config_schema, load_sheet
from exocargo.kinds import input_kind
from exocargo.resources.layout import ResourceLayout
from exocargo.resources.verify import verify_resources
from exocargo.rowjobs import plan_row_batches

# All schema problems at once, one line per key; then Snakemake's check, which fills in defaults.
check_config_schema(
    config, Path(workflow.basedir) / "workflow/schemas/config.schema.yaml"
)
validate(config, "../schemas/config.schema.yaml")
check_config(config)
# Every run: fetched reference files still hold what their provenance records (size/mtime cached).
# Checked once by the scheduling process, before any job; a job started on a cluster node does not
# check again (a fetch job may be replacing a file and its record at that moment).
if workflow.is_main_process:
    verify_resources(config["resources_dir"])

LAYOUT = ResourceLayout(config["resources_dir"], config["gene_nomenclature"])
LIBRARIES = [library["name"] for library in config["libraries"]]
ENRICHMENT_TEST_OPTIONS = EnrichmentOptions.from_config(config["enrichment"]).record()
LIBRARY_SPECS = {library["name"]: library for library in config["libraries"]}

genelists = load_sheet(
    config["genelists"],
    schema=str(Path(workflow.basedir) / "workflow/schemas/genelists.schema.yaml"),
    pfocr_records_dir=config["mapping"]["pfocr_records_dir"] or None,
    online_figure_dir=Path(LAYOUT.pfocr_figure()).parent if config["online"] else None,
    paper_dir=Path(LAYOUT.paper()).parent,
    online=config["online"],
)
LIST_IDS = list(genelists.index)
# Large gmt rows enriched in chunks, and gmt rows that do not parse: those fail once, in their
# extract job (with the line number), and no later job of theirs is planned.
CHUNKS, STOPPED_LISTS = plan_gmt_inputs(
    genelists, config["enrichment"]["gmt_chunk_size"]
)
RUN_LIST_IDS = [list_id for list_id in LIST_IDS if list_id not in STOPPED_LISTS]
# Many small rows: each step runs once per batch of rows (row_batches.smk), and the per-list
# rules, whose list_id matches only the rows left out here, never see a batched row.
ROW_BATCHES = plan_row_batches(
    genelists["kind"].to_dict(),
    from_rows=config["batching"]["from_rows"],
    batches=config["batching"]["batches"],
)
PER_LIST_IDS = [
    list_id
    for list_id in LIST_IDS
    if not any(list_id in rows for rows in ROW_BATCHES.values())
]


wildcard_constraints:
    list_id="|".join(map(re.escape, PER_LIST_IDS)) or "NO_LISTS",
    library="|".join(map(re.escape, LIBRARIES)),


def list_path(wildcards):
    return genelists.loc[wildcards.list_id, "path"]


def list_input_file(wildcards):
    """The list's file; none for a paper id that cannot be fetched offline (its list fails alone)."""
    path = list_path(wildcards)
    return [] if paper_id(path) else path


def list_kind(list_id):
    return genelists.loc[list_id, "kind"]


def get_final_output():
    return [
        "results/report/index.html",
        *expand("results/report/{list_id}.html", list_id=LIST_IDS),
        "results/cargo/cargo_targets.tsv",
    ]


def comparison_sources(wildcards):
    """Every run list's enrichment table (Parquet) against one library, in sheet order."""
    return expand(
        rules.run_enrichment.output.columnar,
        list_id=RUN_LIST_IDS,
        library=wildcards.library,
    )


def cargo_tables():
    """Every cargo list's cargo table, in sheet order."""
    return expand(rules.build_cargo_targets.output.table, list_id=CARGO_LIST_IDS)


# Each file a batch job writes -> that job's batch table (row_batches.smk fills it while parsed).
WRITTEN_BY_BATCH = {}


def via_batch_tables(paths):
    """``paths``, each file a batch job writes replaced by that job's batch table, once each.

    Rules that read files of every list (the index, the comparison, the merged cargo table) take
    these as inputs; their scripts get the files themselves as params. Snakemake matches each
    input against every file a batch rule declares, and keeps the job's whole input list in the
    record of every output: hundreds of row files as inputs make both grow with the square of
    the rows. A batch table changes whenever one of its files does, so reruns are the same.
    """
    return list(
        dict.fromkeys(WRITTEN_BY_BATCH.get(str(path), str(path)) for path in paths)
    )


## Resource paths chosen by config


def source_sha256(*modules):
    """sha256 over the source of package modules, as a param of the step that builds with them:
    Snakemake reruns a step when its own script changes, not when the modules it imports do.
    """
    digest = hashlib.sha256()
    for module in modules:
        digest.update(Path(importlib.util.find_spec(module).origin).read_bytes())
    return digest.hexdigest()


def gene_table():
    return LAYOUT.gene_table()


def hairpin_table():
    return LAYOUT.hairpin_table()


def gene_table_inputs(wildcards):
    hgnc = rules.fetch_hgnc_table.output
    if wildcards.nomenclature == "ncbi_gene_info":
        return {
            "ncbi": rules.fetch_ncbi_gene_info.output.gene_info,
            "mirbase": hgnc.mirbase,
        }
    return {
        "hgnc": hgnc.hgnc,
        "mirbase": hgnc.mirbase,
        "mesh_mappings": hgnc.mesh_mappings,
        "mesh_labels": hgnc.mesh_labels,
        "mesh_concepts": hgnc.mesh_concepts,
    }


def paragraph_evidence_gmts(wildcards):
    """The same libraries for a text input's extract step: a paragraph's genes decide its ambiguous names."""
    return figure_evidence_gmts(wildcards, "text", "paragraph_evidence_libraries")


def famplex_tables():
    return rules.fetch_famplex.output


def figure_evidence_gmts(wildcards, kind="pfocr", setting="figure_evidence_libraries"):
    """Entrez GMTs whose pathways let a figure's other genes decide an ambiguous word: only for
    inputs of ``kind``, and only libraries this config translates."""
    if list_kind(wildcards.list_id) != kind:
        return []
    return [
        library_entrez_gmt(name)
        for name in config["mapping"][setting]
        if name in LIBRARY_SPECS and LIBRARY_SPECS[name]["source"] == "pyenrichr"
    ]


def mirtarbase_table():
    if config["mirna_targets"] == "mirtarbase_url":
        return rules.fetch_mirtarbase_url.output.mti
    return rules.fetch_mirtarbase.output.mti


def mirtarbase_pairs():
    """One row per miRNA-target pair, built once beside the miRTarBase CSV."""
    return LAYOUT.mirtarbase_pairs(online=config["mirna_targets"] == "mirtarbase_url")


def library_gmt_path(library):
    spec = LIBRARY_SPECS[library]
    if spec["source"] in ("pyenrichr", "enrichr"):
        return LAYOUT.enrichr_gmt(library, online=spec["source"] == "enrichr")
    return spec["path"]


def library_gmt(wildcards):
    return library_gmt_path(wildcards.library)


def library_entrez_gmt(library):
    """The Entrez GMT the enrichment reads: a translated symbol library (shared
    resources), or a library built from the user's PFOCR folder (results)."""
    if LIBRARY_SPECS[library]["source"] == "pfocr_folder":
        return f"results/libraries/{library}.entrez.gmt"
    return LAYOUT.library_entrez_gmt(library)


def library_provenance(library):
    """Provenance JSON of a fetched library; user libraries (gmt, pfocr_folder) have none."""
    if LIBRARY_SPECS[library]["source"] in ("pyenrichr", "enrichr"):
        return LAYOUT.enrichr_gmt(
            library,
            online=LIBRARY_SPECS[library]["source"] == "enrichr",
            suffix=".provenance.json",
        )
    return None


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
    files += filter(None, map(library_provenance, LIBRARIES))
    return files

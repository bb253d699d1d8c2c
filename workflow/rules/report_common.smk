## Input functions and the failure hook of report.smk (paths come from the other rules)

import functools

from exocargo.report.run_files import ListFiles, RunFiles

INDEX_HTML = "results/report/index.html"
RESULTS_ZIP = "results/report/exocargo_results.zip"


@functools.cache  # asked for by each list's report, the index and the batch rows: work it out once
def list_files(list_id):
    """Where each step of one list writes, and its logs (exocargo.report.run_files.ListFiles)."""

    def one(pattern, **wildcards):
        return expand(pattern, list_id=list_id, **wildcards)[0]

    def per_library(pattern):
        return {library: one(pattern, library=library) for library in LIBRARIES}

    kind = input_kind(list_kind(list_id))
    logs = {
        "names": [one(rules.extract_names.log[0])],
        "mapping": [one(rules.map_gene_names.log[0])],
        "enrichment": [
            *per_library(rules.run_enrichment.log[0]).values(),
            *per_library(rules.plot_enrichment.log[0]).values(),
        ],
        "relations": [one(rules.state_relations.log[0])],
        "cargo": [one(rules.build_cargo_targets.log[0])],
        "report": [one(rules.render_list_report.log[0])],
    }
    agreement = None
    if kind.is_pfocr_figure:
        agreement = one(rules.compare_with_pfocr.output.table)
        logs["mapping"].append(one(rules.compare_with_pfocr.log[0]))
    return ListFiles(
        list_id=list_id,
        kind=kind.name,
        description=genelists.loc[list_id, "description"],
        source=one(rules.extract_names.output.source),
        names=one(rules.extract_names.output.names),
        sentences=one(rules.extract_names.output.sentences),
        mapping=one(rules.map_gene_names.output.mapping),
        summary=one(rules.map_gene_names.output.summary),
        entrez=one(rules.map_gene_names.output.entrez),
        pfocr_agreement=agreement,
        enrichment=per_library(rules.run_enrichment.output.table),
        enrichment_columnar=per_library(rules.run_enrichment.output.columnar),
        enrichment_facts=per_library(rules.run_enrichment.output.sidecar),
        enrichment_plots=per_library(rules.plot_enrichment.output.plot),
        enrichment_maps=per_library(rules.plot_enrichment.output.map),
        mentions=one(rules.extract_names.output.mentions),
        relations=one(rules.state_relations.output.relations),
        cargo=one(rules.build_cargo_targets.output.table),
        validated=one(rules.build_cargo_targets.output.validated),
        network_plot=one(rules.build_cargo_targets.output.network),
        mirna_enrichment=one(rules.build_cargo_targets.output.mirna_enrichment),
        logs=logs,
        stops_after="names" if list_id in STOPPED_LISTS else "",
        # a dict: Snakemake's parser reads a line starting with `report=` as its report keyword
        **{
            "report": one(rules.render_list_report.output.html),
            "workbook": one(rules.render_list_report.output.workbook),
        },
    )


def list_report_inputs(wildcards):
    """The step outputs one list page shows."""
    return list_files(wildcards.list_id).page_inputs()


@functools.cache
def run_files():
    """What the index of this run reads and writes (exocargo.report.run_files.RunFiles)."""
    return RunFiles(
        lists={list_id: list_files(list_id) for list_id in LIST_IDS},
        comparison_tables={
            library: expand(rules.compare_enrichment.output.table, library=library)[0]
            for library in LIBRARIES
        },
        comparison_columnar={
            library: expand(rules.compare_enrichment.output.columnar, library=library)[
                0
            ]
            for library in LIBRARIES
        },
        comparison_plots={
            library: expand(rules.compare_enrichment.output.plot, library=library)[0]
            for library in LIBRARIES
        },
        merged_tables=list(rules.merge_cargo_targets.output) if CARGO_LIST_IDS else [],
        provenance=provenance_files(),
        config=rules.render_run_config.output.config,
        snakefile=workflow.main_snakefile,
        fdr_threshold=config["enrichment"]["fdr_threshold"],
        html=INDEX_HTML,
        bundle=RESULTS_ZIP,
    )


def render_index_after_failure(run_log):
    """After a run in which a list failed, write the index from what exists: which list, and why."""
    from exocargo.report.index_page import some_list_failed, write_index_report
    from snakemake.logging import logger

    run = run_files()
    if not some_list_failed(run):
        return
    try:
        write_index_report(run, config=config, failed_run_log=run_log)
    except Exception as error:  # the run failed already: say why the index is missing
        logger.warning(f"Could not write {run.html}: {error}")
    else:
        logger.warning(f"{run.html} shows which lists failed and why.")

## Input functions and the failure hook of report.smk (paths come from the other rules)


def list_step_files(list_id):
    """Where each step of one list writes, and its logs: the index's links and status."""

    def one(pattern, **wildcards):
        return expand(pattern, list_id=list_id, **wildcards)[0]

    def per_library(pattern):
        return {library: one(pattern, library=library) for library in LIBRARIES}

    files = {
        "kind": list_kind(list_id),
        "description": genelists.loc[list_id, "description"],
        "source": one(rules.extract_names.output.source),
        "names": one(rules.extract_names.output.names),
        "mapping": one(rules.map_gene_names.output.mapping),
        "summary": one(rules.map_gene_names.output.summary),
        "entrez": one(rules.map_gene_names.output.entrez),
        "enrichment": per_library(rules.run_enrichment.output.table),
        "enrichment_facts": per_library(rules.run_enrichment.output.sidecar),
        "enrichment_plots": per_library(rules.plot_enrichment.output.plot),
        "cargo": one(rules.build_cargo_targets.output.table),
        "network_plot": one(rules.build_cargo_targets.output.network),
        "mirna_enrichment": one(rules.build_cargo_targets.output.mirna_enrichment),
        "report": one(rules.render_list_report.output.html),
        "workbook": one(rules.render_list_report.output.workbook),
        "logs": {
            "names": [one(rules.extract_names.log[0])],
            "mapping": [one(rules.map_gene_names.log[0])],
            "enrichment": [
                *per_library(rules.run_enrichment.log[0]).values(),
                *per_library(rules.plot_enrichment.log[0]).values(),
            ],
            "cargo": [one(rules.build_cargo_targets.log[0])],
            "report": [one(rules.render_list_report.log[0])],
        },
    }
    if input_kind(list_kind(list_id)).is_pfocr_figure:
        files["pfocr_agreement"] = one(rules.compare_with_pfocr.output.table)
        files["logs"]["mapping"].append(one(rules.compare_with_pfocr.log[0]))
    return files


def list_report_inputs(wildcards):
    """The step outputs one list page shows; the PFOCR agreement only for PFOCR lists."""
    files = list_step_files(wildcards.list_id)
    keys = (
        *("source", "names", "mapping", "summary", "entrez", "pfocr_agreement"),
        *("cargo", "network_plot", "mirna_enrichment"),
    )
    inputs = {key: files[key] for key in keys if key in files}
    for key in ("enrichment", "enrichment_facts", "enrichment_plots"):
        inputs[key] = list(files[key].values())
    return inputs


def result_tables():
    """Every per-list table the index links to and the zip holds."""
    tables = []
    for list_id in LIST_IDS:
        files = list_step_files(list_id)
        keys = ("names", "mapping", "summary", "entrez", "pfocr_agreement")
        tables += [files[key] for key in keys if key in files]
        tables += [
            *files["enrichment"].values(),
            files["cargo"],
            files["mirna_enrichment"],
        ]
    if CARGO_LIST_IDS:
        tables += rules.merge_cargo_targets.output
    return tables


def result_extras():
    """Per-list plots and JSON files (input summary, run details): in the zip beside the tables."""
    extras = []
    for list_id in LIST_IDS:
        files = list_step_files(list_id)
        extras += [
            files["source"],
            *files["enrichment_facts"].values(),
            *files["enrichment_plots"].values(),
            files["network_plot"],
        ]
    return extras


def render_index_after_failure(run_log):
    """After a run in which a list failed, write the index from what exists: which list, and why."""
    from exocargo.report.index_page import some_list_failed, write_index_from_rule
    from snakemake.logging import logger

    index_rule = rules.render_index_report
    if not some_list_failed(index_rule.params.lists):
        return
    try:
        write_index_from_rule(
            index_rule.input,
            index_rule.params,
            index_rule.output,
            config=config,
            failed_run_log=run_log,
        )
    except Exception as error:  # the run failed already: say why the index is missing
        logger.warning(f"Could not write {index_rule.output.html}: {error}")
    else:
        logger.warning(f"{index_rule.output.html} shows which lists failed and why.")

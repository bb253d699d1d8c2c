## Self-contained HTML reports: one page per list, an index, a zip of the results


include: "report_common.smk"


rule render_run_config:
    output:
        config="results/report/config.yaml",
    log:
        "logs/report/config.log",
    localrule: True
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    params:
        config=config,
    script:
        "../scripts/render_run_config.py"


rule render_list_report:
    input:
        unpack(list_report_inputs),
        provenance=provenance_files(),
        config=rules.render_run_config.output.config,
    output:
        html=report(
            "results/report/{list_id}.html",
            caption="../report/list_report.rst",
            category="Reports",
            labels={"list": "{list_id}", "page": "list report"},
        ),
        workbook=report(
            "results/report/tables/{list_id}.xlsx",
            caption="../report/list_workbook.rst",
            category="Tables",
            labels={"list": "{list_id}", "table": "all tables (XLSX)"},
        ),
    log:
        "logs/report/{list_id}.log",
    benchmark:
        "logs/benchmarks/report/{list_id}.tsv"
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=2500,
        runtime=20,
    params:
        description=lambda wildcards: genelists.loc[wildcards.list_id, "description"],
        libraries=LIBRARIES,
        fdr_threshold=config["enrichment"]["fdr_threshold"],
        snakefile=workflow.main_snakefile,
    script:
        "../scripts/render_list_report.py"


rule render_index_report:
    input:
        reports=expand(rules.render_list_report.output.html, list_id=LIST_IDS),
        workbooks=expand(rules.render_list_report.output.workbook, list_id=LIST_IDS),
        tables=result_tables(),
        extras=result_extras(),
        comparison_tables=expand(
            rules.compare_enrichment.output.table, library=LIBRARIES
        ),
        comparison_plots=expand(rules.compare_enrichment.output.plot, library=LIBRARIES),
        provenance=provenance_files(),
        config=rules.render_run_config.output.config,
    output:
        html=report(
            "results/report/index.html",
            caption="../report/index_report.rst",
            category="Reports",
            labels={"list": "all lists", "page": "index"},
        ),
        bundle="results/report/exocargo_results.zip",
    log:
        "logs/report/index.log",
    benchmark:
        "logs/benchmarks/report/index.tsv"
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=2500,
        runtime=10,
    params:
        lists={list_id: list_step_files(list_id) for list_id in LIST_IDS},
        libraries=LIBRARIES,
        fdr_threshold=config["enrichment"]["fdr_threshold"],
        snakefile=workflow.main_snakefile,
    script:
        "../scripts/render_index_report.py"


onerror:
    render_index_after_failure(log)

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
        "../scripts/report/render_run_config.py"


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
        files=lambda wildcards: list_files(wildcards.list_id).record(),
        fdr_threshold=config["enrichment"]["fdr_threshold"],
        xlsx_max_rows=config["report"]["xlsx_max_rows"],
        xlsx_top_terms=config["report"]["xlsx_top_terms"],
        snakefile=workflow.main_snakefile,
    script:
        "../scripts/report/render_list_report.py"


rule render_index_report:
    input:
        unpack(
            lambda wildcards: {
                name: via_batch_tables(paths)
                for name, paths in run_files().inputs().items()
            }
        ),
    output:
        html=report(
            INDEX_HTML,
            caption="../report/index_report.rst",
            category="Reports",
            labels={"list": "all lists", "page": "index"},
        ),
        bundle=RESULTS_ZIP,
    log:
        "logs/report/index.log",
    benchmark:
        "logs/benchmarks/report/index.tsv"
    conda:
        "../envs/exocargo.yaml"
    threads: 2  # the zip deflates its large tables in parallel
    resources:
        mem_mb=2500,
        runtime=10,
    params:
        run=lambda wildcards: run_files().record(),
    script:
        "../scripts/report/render_index_report.py"


onerror:
    render_index_after_failure(log)

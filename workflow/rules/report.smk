## Self-contained HTML reports, one per list, plus an index


rule render_list_report:
    input:
        source=rules.extract_names.output.source,
        mapping=rules.map_gene_names.output.mapping,
        summary=rules.map_gene_names.output.summary,
        enrichment=expand(
            "results/enrichment/{{list_id}}.{library}.tsv", library=LIBRARIES
        ),
        cargo=rules.build_cargo_targets.output.table,
        provenance=provenance_files(),
    output:
        html="results/report/{list_id}.html",
    log:
        "logs/report/{list_id}.log",
    conda:
        "../envs/exocargo.yaml"
    resources:
        mem_mb=2000,
        runtime=10,
    params:
        libraries=LIBRARIES,
    script:
        "../scripts/render_list_report.py"


rule render_index_report:
    input:
        sources=expand("results/names/{list_id}.source.json", list_id=LIST_IDS),
        summaries=expand("results/mapping/{list_id}.summary.tsv", list_id=LIST_IDS),
    output:
        html="results/report/index.html",
    log:
        "logs/report/index.log",
    conda:
        "../envs/exocargo.yaml"
    resources:
        mem_mb=2000,
        runtime=10,
    script:
        "../scripts/render_index_report.py"

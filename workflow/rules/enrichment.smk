## Over-representation analysis of each list against each library


rule run_enrichment:
    input:
        mapping=rules.map_gene_names.output.mapping,
        library=lambda wildcards: library_entrez_gmt(wildcards.library),
        genes=gene_table(),
    output:
        table="results/enrichment/{list_id}.{library}.tsv",
    log:
        "logs/enrichment/{list_id}.{library}.log",
    benchmark:
        "logs/benchmarks/enrichment/{list_id}.{library}.tsv"
    conda:
        "../envs/exocargo.yaml"
    resources:
        mem_mb=2000,
        runtime=20,
    params:
        options=config["enrichment"],
        include_ambiguous=config["mapping"]["include_ambiguous"],
    script:
        "../scripts/run_enrichment.py"

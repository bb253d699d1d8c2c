## Map every extracted name to Entrez Gene IDs


rule map_gene_names:
    input:
        names=rules.extract_names.output.names,
        genes=gene_table(),
        hairpins=hairpin_table(),
    output:
        mapping="results/mapping/{list_id}.mapping.tsv",
        entrez="results/mapping/{list_id}.entrez.txt",
        summary="results/mapping/{list_id}.summary.tsv",
    log:
        "logs/mapping/{list_id}.log",
    benchmark:
        "logs/benchmarks/mapping/{list_id}.tsv"
    conda:
        "../envs/exocargo.yaml"
    resources:
        mem_mb=2000,
        runtime=20,
    params:
        include_ambiguous=config["mapping"]["include_ambiguous"],
    script:
        "../scripts/map_gene_names.py"

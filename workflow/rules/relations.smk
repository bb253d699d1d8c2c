## Stated relations: every regulator -> target statement of a text or figure caption


rule state_relations:
    input:
        sentences=rules.extract_names.output.sentences,
    output:
        relations="results/relations/{list_id}.relations.tsv",
    log:
        "logs/relations/{list_id}.log",
    benchmark:
        "logs/benchmarks/relations/{list_id}.tsv"
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    script:
        "../scripts/relations/state_relations.py"

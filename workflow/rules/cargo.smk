## Cargo -> target tables: miRNA/protein/lncRNA cargo joined to validated targets


rule build_cargo_targets:
    input:
        mapping=rules.map_gene_names.output.mapping,
        mti=mirtarbase_table(),
    output:
        table="results/cargo/{list_id}.cargo_targets.tsv",
    log:
        "logs/cargo/{list_id}.log",
    benchmark:
        "logs/benchmarks/cargo/{list_id}.tsv"
    conda:
        "../envs/exocargo.yaml"
    resources:
        mem_mb=3000,
        runtime=20,
    script:
        "../scripts/build_cargo_targets.py"

## Cargo -> target tables: exosomal cargo, its stated and validated targets, their pathways

# Lists whose cargo is analysed (a GMT holds gene sets, not cargo). A gmt list still gets
# header-only cargo files, so every list has the same outputs.
CARGO_LIST_IDS = [
    list_id for list_id in RUN_LIST_IDS if input_kind(list_kind(list_id)).has_cargo
]


rule prepare_mirtarbase_pairs:
    input:
        mti=mirtarbase_table(),
    output:
        pairs=mirtarbase_pairs(),
    log:
        "logs/cargo/prepare_mirtarbase_pairs.log",
    benchmark:
        "logs/benchmarks/cargo/prepare_mirtarbase_pairs.tsv"
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=1000,
        runtime=5,
    script:
        "../scripts/cargo/prepare_mirtarbase_pairs.py"


rule build_cargo_targets:
    input:
        names=rules.extract_names.output.names,
        source=rules.extract_names.output.source,
        sentences=rules.extract_names.output.sentences,
        pairs=rules.prepare_mirtarbase_pairs.output.pairs,
        hairpins=hairpin_table(),
        libraries=[library_entrez_gmt(library) for library in LIBRARIES],
        enrichment=expand(
            "results/enrichment/{{list_id}}.{library}.tsv", library=LIBRARIES
        ),
    output:
        table="results/cargo/{list_id}.cargo_targets.tsv",
        validated="results/cargo/{list_id}.validated_targets.tsv",
        network=report(
            "results/cargo/{list_id}.network.svg",
            caption="../report/cargo_network.rst",
            category="Cargo",
            labels={"list": "{list_id}", "figure": "cargo network"},
        ),
        mirna_enrichment="results/cargo/{list_id}.mirna_enrichment.tsv",
    log:
        "logs/cargo/{list_id}.log",
    benchmark:
        "logs/benchmarks/cargo/{list_id}.tsv"
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        kind=lambda wildcards: list_kind(wildcards.list_id),
        libraries=LIBRARIES,
        options={
            **config["cargo"],
            "fdr_threshold": config["enrichment"]["fdr_threshold"],
            "min_size": config["enrichment"]["min_size"],
            "max_size": config["enrichment"]["max_size"],
        },
    script:
        "../scripts/cargo/build_cargo_targets.py"


rule merge_cargo_targets:
    input:
        tables=lambda wildcards: via_batch_tables(cargo_tables()),
    output:
        table="results/cargo/cargo_targets.tsv",
        edges="results/cargo/cargo_edges.tsv",
    log:
        "logs/cargo/merge_cargo_targets.log",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    params:
        tables=lambda wildcards: cargo_tables(),
    script:
        "../scripts/cargo/merge_cargo_targets.py"

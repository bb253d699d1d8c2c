## Over-representation analysis: each list against each library, its plot, and all lists compared


rule run_enrichment:
    input:
        mapping=rules.map_gene_names.output.mapping,
        source=rules.extract_names.output.source,
        library=lambda wildcards: library_entrez_gmt(wildcards.library),
        # The JSON beside the Entrez GMT: translation or PFOCR build summary, library version.
        library_summary=lambda wildcards: library_entrez_gmt(
            wildcards.library
        ).replace(".entrez.gmt", ".translation.json"),
        genes=gene_table(),
        hairpins=hairpin_table(),
        background_file=(
            config["enrichment"]["background_file"]
            if config["enrichment"]["background"] == "file"
            else []
        ),
    output:
        table="results/enrichment/{list_id}.{library}.tsv",
        # the same table for the later steps: Parquet, read by column without parsing text
        columnar="results/enrichment/{list_id}.{library}.parquet",
        sidecar="results/enrichment/{list_id}.{library}.json",
    log:
        "logs/enrichment/{list_id}.{library}.log",
    benchmark:
        "logs/benchmarks/enrichment/{list_id}.{library}.tsv"
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        # only the keys that change the test: plot options do not rerun it
        options=ENRICHMENT_TEST_OPTIONS,
        include_ambiguous=config["mapping"]["include_ambiguous"],
    script:
        "../scripts/enrichment/run_enrichment.py"


# Both figures of one enrichment in one job: the table is read once, matplotlib loaded once.
rule plot_enrichment:
    input:
        table=rules.run_enrichment.output.columnar,
    output:
        plot=report(
            "results/enrichment/{list_id}.{library}.svg",
            caption="../report/enrichment_plot.rst",
            category="Enrichment",
            labels={"list": "{list_id}", "library": "{library}"},
        ),
        map=report(
            "results/enrichment/{list_id}.{library}.map.svg",
            caption="../report/enrichment_map.rst",
            category="Enrichment",
            labels={
                "list": "{list_id}",
                "library": "{library}",
                "figure": "enrichment map",
            },
        ),
    log:
        "logs/enrichment/{list_id}.{library}.plot.log",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=1500,
        runtime=10,
    params:
        fdr_threshold=config["enrichment"]["fdr_threshold"],
        top_terms=config["enrichment"]["top_terms"],
        style=config["enrichment"]["plot"],
    script:
        "../scripts/enrichment/plot_enrichment.py"


rule compare_enrichment:
    input:
        tables=lambda wildcards: via_batch_tables(comparison_sources(wildcards)),
    output:
        table="results/enrichment/comparison.{library}.tsv",
        columnar="results/enrichment/comparison.{library}.parquet",
        plot=report(
            "results/enrichment/comparison.{library}.svg",
            caption="../report/enrichment_comparison.rst",
            category="Enrichment",
            labels={"list": "all lists", "library": "{library}"},
        ),
    log:
        "logs/enrichment/comparison.{library}.log",
    benchmark:
        "logs/benchmarks/enrichment/comparison.{library}.tsv"
    # the list pages do not wait for it: it fills a free core while they are made
    priority: -1
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=3000,
        runtime=15,
    params:
        list_ids=RUN_LIST_IDS,
        tables=comparison_sources,
        fdr_threshold=config["enrichment"]["fdr_threshold"],
        top_terms=config["enrichment"]["top_terms"],
    script:
        "../scripts/enrichment/compare_enrichment.py"


## A library built from a folder of PFOCR figure records (source: pfocr_folder)


rule build_pfocr_library:
    input:
        folder=lambda wildcards: LIBRARY_SPECS[wildcards.library]["path"],
        genes=gene_table(),
        hairpins=hairpin_table(),
        famplex=famplex_tables(),
    output:
        gmt="results/libraries/{library}.entrez.gmt",
        summary="results/libraries/{library}.translation.json",
    log:
        "logs/libraries/{library}.log",
    benchmark:
        "logs/benchmarks/libraries/{library}.tsv"
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=3000,
        runtime=30,
    params:
        library=lambda wildcards: wildcards.library,
        famplex_dir=lambda wildcards, input: str(Path(input.famplex[0]).parent),
        expand_families=config["mapping"]["expand_families"],
        include_ambiguous=config["mapping"]["include_ambiguous"],
    script:
        "../scripts/enrichment/build_pfocr_library.py"

## Map every extracted name to Entrez Gene IDs


rule map_gene_names:
    input:
        names=rules.extract_names.output.names,
        source=rules.extract_names.output.source,
        genes=gene_table(),
        hairpins=hairpin_table(),
        famplex=famplex_tables(),
        pathways=figure_evidence_gmts,
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
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    params:
        famplex_dir=lambda wildcards, input: str(Path(input.famplex[0]).parent),
        backend=config["mapping"]["backend"],
        mygene_url=config["mapping"]["mygene_url"],
        expand_families=config["mapping"]["expand_families"],
        include_ambiguous=config["mapping"]["include_ambiguous"],
    script:
        "../scripts/mapping/map_gene_names.py"


## PFOCR figures: our mapping of the words against PFOCR's own genes


rule compare_with_pfocr:
    input:
        mapping=rules.map_gene_names.output.mapping,
        source=rules.extract_names.output.source,
    output:
        table="results/mapping/{list_id}.pfocr_agreement.tsv",
    log:
        "logs/mapping/{list_id}.pfocr_agreement.log",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    params:
        include_ambiguous=config["mapping"]["include_ambiguous"],
    script:
        "../scripts/mapping/compare_with_pfocr.py"


rule download_pfocr_figure:
    output:
        record=LAYOUT.pfocr_figure(),
        provenance=LAYOUT.pfocr_figure(suffix=".provenance.json"),
    log:
        "logs/resources/download_pfocr_figure.{figid}.log",
    wildcard_constraints:
        figid=r"PMC\d+__[A-Za-z0-9_.\-]+",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=1000,
        runtime=20,
    params:
        url=lambda wildcards: config["mapping"]["pfocr_figure_url"].format(
            figid=wildcards.figid
        ),
        online=config["online"],
        config_key="online",
    script:
        "../scripts/resources/fetch_url_resource.py"

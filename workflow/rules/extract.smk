## Extract names from each input (genes list, PFOCR record, document, GMT)


rule extract_names:
    input:
        document=list_path,
        # text inputs recognise gene, protein and family mentions through these tables
        genes=gene_table(),
        hairpins=hairpin_table(),
        famplex=famplex_tables().entities,
    output:
        names="results/names/{list_id}.names.tsv",
        source="results/names/{list_id}.source.json",
    log:
        "logs/names/{list_id}.log",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    params:
        kind=lambda wildcards: list_kind(wildcards.list_id),
    script:
        "../scripts/extract_names.py"

## Extract names from each input (genes list, PFOCR record, document, GMT)


rule extract_names:
    input:
        document=list_input_file,
        # prose (documents, figure captions) recognises gene, protein and family mentions through these
        genes=gene_table(),
        hairpins=hairpin_table(),
        famplex=famplex_tables().entities,
        pathways=paragraph_evidence_gmts,
    output:
        names="results/names/{list_id}.names.tsv",
        source="results/names/{list_id}.source.json",
        sentences="results/names/{list_id}.sentences.json",
        mentions="results/names/{list_id}.mentions.tsv",
    log:
        "logs/names/{list_id}.log",
    # Reading a user's file is cheap and is where their mistakes show: start it before any
    # resource job of equal standing, so a failing resource still leaves each list's names step
    # done (without this the order depends on how Snakemake's job set happens to iterate).
    priority: 10
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    params:
        kind=lambda wildcards: list_kind(wildcards.list_id),
        path=list_path,
    script:
        "../scripts/inputs/extract_names.py"


rule download_paper:
    output:
        article=LAYOUT.paper(),
        provenance=LAYOUT.paper(suffix=".provenance.json"),
    log:
        "logs/resources/download_paper.{paper_id}.log",
    wildcard_constraints:
        paper_id=r"PMID_\d+|PMC\d+",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    params:
        online=config["online"],
        eutils_url=config.get("papers", {}).get("eutils_url", ""),
    script:
        "../scripts/inputs/download_paper.py"

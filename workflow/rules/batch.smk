## Batch mode: a gmt input with more sets than enrichment: gmt_chunk_size is
## enriched in chunks of sets (one job per chunk and library), and the chunks are
## merged into the usual results/enrichment/{list}.{library}.tsv and .json.
## Other lists never match these rules (see exocargo/batch.py).

from exocargo.enrichment.batch import (
    chunk_files,
    chunk_paths,
)  # noqa: E402

# CHUNKS (common.smk): {list_id: chunks} of the gmt rows with more sets than gmt_chunk_size.
# Measured for 2000 sets on GO_Biological_Process_2023 (docs/benchmarks.md, "Scale"):
# 8 s with the exocargo engine; gseapy.enrich needs up to about 2 s per set on GO.
CHUNK_RUNTIME = 10 if config["enrichment"]["engine"] == "exocargo" else 120
# Matches no list when nothing is batched, so run_enrichment makes every table.
BATCHED_LIST_ID = "|".join(map(re.escape, CHUNKS)) or "(?!)"


rule split_mapping_chunk:
    input:
        mapping=rules.map_gene_names.output.mapping,
    output:
        mapping="results/batch/{list_id}.chunk{chunk}.mapping.tsv",
    log:
        "logs/batch/{list_id}.chunk{chunk}.split.log",
    wildcard_constraints:
        list_id=BATCHED_LIST_ID,
        chunk=r"\d+",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    params:
        chunks=lambda wildcards: CHUNKS[wildcards.list_id],
    script:
        "../scripts/enrichment/split_mapping_chunk.py"


# Same inputs, outputs, parameters and script as run_enrichment; only the mapping is one chunk.
rule run_enrichment_chunk:
    input:
        **{
            **rules.run_enrichment.input,
            "mapping": rules.split_mapping_chunk.output.mapping,
        },
    output:
        **chunk_paths(rules.run_enrichment.output),
    log:
        "logs/batch/{list_id}.chunk{chunk}.{library}.log",
    benchmark:
        "logs/benchmarks/batch_enrichment/{list_id}.chunk{chunk}.{library}.tsv"
    wildcard_constraints:
        list_id=BATCHED_LIST_ID,
        chunk=r"\d+",
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=1000,
        runtime=CHUNK_RUNTIME,
    params:
        **rules.run_enrichment.params,
    script:
        "../scripts/enrichment/run_enrichment.py"


rule merge_enrichment_chunks:
    input:
        unpack(
            lambda wildcards: chunk_files(
                rules.run_enrichment_chunk.output,
                CHUNKS[wildcards.list_id],
                list_id=wildcards.list_id,
                library=wildcards.library,
            )
        ),
    output:
        **rules.run_enrichment.output,
    log:
        "logs/batch/{list_id}.{library}.merge.log",
    wildcard_constraints:
        list_id=BATCHED_LIST_ID,
    conda:
        "../envs/exocargo.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    script:
        "../scripts/enrichment/merge_enrichment_chunks.py"


ruleorder: merge_enrichment_chunks > run_enrichment

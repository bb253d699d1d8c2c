# exocargo: gene, miRNA and cargo names -> Entrez IDs -> enrichment -> cargo tables -> HTML reports.
#
# Paths:
#   resources/<source>/<version>/...            pinned reference data + provenance.json
#   results/names/{list}.names.tsv              names extracted from each input
#   results/mapping/{list}.mapping.tsv          every name -> Entrez decision
#   results/enrichment/{list}.{library}.tsv     over-representation per library
#   results/batch/{list}.chunk{n}.*             chunks of a large gmt input, merged into the above
#   results/cargo/{list}.cargo_targets.tsv      cargo -> target -> pathway rows
#   results/report/{list}.html, index.html      self-contained reports
#   logs/row_batches/{step}.{batch}.log         batch jobs of a sheet with many rows (row_batches.smk)
#   logs/<step>/..., benchmarks/<step>/...      mirror the outputs


from snakemake.utils import min_version

min_version("9.0")


configfile: "config/config.yaml"


report: "workflow/report/workflow.rst"


include: "workflow/rules/common.smk"
include: "workflow/rules/resources.smk"
include: "workflow/rules/extract.smk"
include: "workflow/rules/mapping.smk"
include: "workflow/rules/enrichment.smk"
include: "workflow/rules/batch.smk"
include: "workflow/rules/relations.smk"
include: "workflow/rules/cargo.smk"
include: "workflow/rules/report.smk"
include: "workflow/rules/row_batches.smk"


rule all:
    input:
        lambda wildcards: via_batch_tables(get_final_output()),

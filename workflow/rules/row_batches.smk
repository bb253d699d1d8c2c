## Batch mode for many small sheet rows: each step once per batch of rows (exocargo.rowjobs).
##
## ROW_BATCHES (common.smk) holds the batched rows; the per-list rules never match them. For each
## batch and step, a rule named <step>_<batch> (e.g. map_gene_names_rows2) writes exactly the
## files, logs and numbers the per-list rule would write for each of its rows: it runs the same
## script, with each row's inputs, outputs and parameters worked out from that per-list rule.


include: "row_batches_common.smk"


# One block per step, in pipeline order, each naming the per-list rule whose work it does and
# that rule's script (a script path is read when the job runs, so it cannot come from the loop).

for batch, list_ids in ROW_BATCHES.items():
    rows = batch_rows("extract_names", batch, list_ids)
    if rows:

        rule:
            name:
                f"extract_names_{batch}"
            input:
                batch_inputs(rows),
            output:
                batch_outputs("extract_names", rows),
                batch=batch_table("extract_names", batch),
            log:
                batch_log("extract_names", batch),
            benchmark:
                batch_benchmark("extract_names", batch)
            priority: workflow.get_rule("extract_names").priority
            conda:
                "../envs/exocargo.yaml"
            threads: 1
            resources:
                mem_mb=3000,
                runtime=20 + len(rows),
            params:
                **batch_plan("extract_names", batch, rows),
            script:
                "../scripts/inputs/extract_names.py"

    rows = batch_rows("map_gene_names", batch, list_ids)
    if rows:

        rule:
            name:
                f"map_gene_names_{batch}"
            input:
                batch_inputs(rows),
            output:
                batch_outputs("map_gene_names", rows),
                batch=batch_table("map_gene_names", batch),
            log:
                batch_log("map_gene_names", batch),
            benchmark:
                batch_benchmark("map_gene_names", batch)
            priority: workflow.get_rule("map_gene_names").priority
            conda:
                "../envs/exocargo.yaml"
            threads: 1
            resources:
                mem_mb=3000,
                runtime=20 + len(rows),
            params:
                **batch_plan("map_gene_names", batch, rows),
            script:
                "../scripts/mapping/map_gene_names.py"

    rows = batch_rows("compare_with_pfocr", batch, list_ids)
    if rows:

        rule:
            name:
                f"compare_with_pfocr_{batch}"
            input:
                batch_inputs(rows),
            output:
                batch_outputs("compare_with_pfocr", rows),
                batch=batch_table("compare_with_pfocr", batch),
            log:
                batch_log("compare_with_pfocr", batch),
            benchmark:
                batch_benchmark("compare_with_pfocr", batch)
            priority: workflow.get_rule("compare_with_pfocr").priority
            conda:
                "../envs/exocargo.yaml"
            threads: 1
            resources:
                mem_mb=3000,
                runtime=20 + len(rows),
            params:
                **batch_plan("compare_with_pfocr", batch, rows),
            script:
                "../scripts/mapping/compare_with_pfocr.py"

    rows = batch_rows("run_enrichment", batch, list_ids)
    if rows:

        rule:
            name:
                f"run_enrichment_{batch}"
            input:
                batch_inputs(rows),
            output:
                batch_outputs("run_enrichment", rows),
                batch=batch_table("run_enrichment", batch),
            log:
                batch_log("run_enrichment", batch),
            benchmark:
                batch_benchmark("run_enrichment", batch)
            priority: workflow.get_rule("run_enrichment").priority
            conda:
                "../envs/exocargo.yaml"
            threads: 1
            resources:
                mem_mb=3000,
                runtime=20 + len(rows),
            params:
                **batch_plan("run_enrichment", batch, rows),
            script:
                "../scripts/enrichment/run_enrichment.py"

    rows = batch_rows("plot_enrichment", batch, list_ids)
    if rows:

        rule:
            name:
                f"plot_enrichment_{batch}"
            input:
                batch_inputs(rows),
            output:
                batch_outputs("plot_enrichment", rows),
                batch=batch_table("plot_enrichment", batch),
            log:
                batch_log("plot_enrichment", batch),
            benchmark:
                batch_benchmark("plot_enrichment", batch)
            priority: workflow.get_rule("plot_enrichment").priority
            conda:
                "../envs/exocargo.yaml"
            threads: 1
            resources:
                mem_mb=3000,
                runtime=20 + len(rows),
            params:
                **batch_plan("plot_enrichment", batch, rows),
            script:
                "../scripts/enrichment/plot_enrichment.py"

    rows = batch_rows("state_relations", batch, list_ids)
    if rows:

        rule:
            name:
                f"state_relations_{batch}"
            input:
                batch_inputs(rows),
            output:
                batch_outputs("state_relations", rows),
                batch=batch_table("state_relations", batch),
            log:
                batch_log("state_relations", batch),
            benchmark:
                batch_benchmark("state_relations", batch)
            priority: workflow.get_rule("state_relations").priority
            conda:
                "../envs/exocargo.yaml"
            threads: 1
            resources:
                mem_mb=3000,
                runtime=20 + len(rows),
            params:
                **batch_plan("state_relations", batch, rows),
            script:
                "../scripts/relations/state_relations.py"

    rows = batch_rows("build_cargo_targets", batch, list_ids)
    if rows:

        rule:
            name:
                f"build_cargo_targets_{batch}"
            input:
                batch_inputs(rows),
            output:
                batch_outputs("build_cargo_targets", rows),
                batch=batch_table("build_cargo_targets", batch),
            log:
                batch_log("build_cargo_targets", batch),
            benchmark:
                batch_benchmark("build_cargo_targets", batch)
            priority: workflow.get_rule("build_cargo_targets").priority
            conda:
                "../envs/exocargo.yaml"
            threads: 1
            resources:
                mem_mb=3000,
                runtime=20 + len(rows),
            params:
                **batch_plan("build_cargo_targets", batch, rows),
            script:
                "../scripts/cargo/build_cargo_targets.py"

    rows = batch_rows("render_list_report", batch, list_ids)
    if rows:

        rule:
            name:
                f"render_list_report_{batch}"
            input:
                batch_inputs(rows),
            output:
                batch_outputs("render_list_report", rows),
                batch=batch_table("render_list_report", batch),
            log:
                batch_log("render_list_report", batch),
            benchmark:
                batch_benchmark("render_list_report", batch)
            priority: workflow.get_rule("render_list_report").priority
            conda:
                "../envs/exocargo.yaml"
            threads: 1
            resources:
                mem_mb=3000,
                runtime=20 + len(rows),
            params:
                **batch_plan("render_list_report", batch, rows),
            script:
                "../scripts/report/render_list_report.py"

"""Bad inputs: each names the file (and line), and fails its own list or stops the run before any job.

The corpus is tests/bad_inputs/; very large files are generated in tmp_path.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import (
    BAD_INPUTS,
    DEMO_LISTS,
    GENES_TSV,
    REPO,
    make_workdir,
    require,
    result_files,
    run_workflow,
)

from exocargo.files import read_tsv
from exocargo.inputs.extract import STATUS_FAILED, STATUS_OK, extract_names
from exocargo.inputs.sheet import SheetError, config_problems, load_sheet
from exocargo.tables import NAMES_TABLE

SHEET_SCHEMA = REPO / "workflow" / "schemas" / "genelists.schema.yaml"
ONE_MILLION = 1_000_000
FAILED_LIST_RUN = (
    "exit 0; this list: status failed, header-only tables, reason on its page and in the index; "
    "all other lists complete"
)
HOSTILE_DESCRIPTION = "<script>alert('exocargo')</script>"

# case, corpus file, kind, message fragments (the e2e run looks for the first one in the reports, which
# break file names at underscores: the first fragment holds none)
FAILING_INPUTS = [
    ("empty file", "empty.txt", "genes", ["the file is empty (0 bytes)", "empty.txt"]),
    ("only comments", "only_comments.txt", "genes", ["only comment lines (4 lines", "only_comments.txt"]),
    ("binary file", "binary.txt", "genes", ["binary content (NUL byte at offset 0)", "binary.txt, line 1"]),
    (
        "non-UTF-8 file (Windows-1252)",
        "windows_1252.txt",
        "genes",
        ["not valid UTF-8 (byte 0xdf", "windows_1252.txt, line 3", "Windows-1252", "Save the file as UTF-8"],
    ),
    (
        "PFOCR record with broken YAML",
        "pfocr_broken_yaml.md",
        "pfocr",
        ["broken YAML front matter", "pfocr_broken_yaml.md, line 8"],
    ),
    ("PFOCR record without genes:", "pfocr_no_genes.md", "pfocr", ["the PFOCR record has no", "'genes:' list"]),
    (
        "PFOCR record with a YAML alias bomb",
        "pfocr_alias_bomb.md",
        "pfocr",
        ["more than 200,000 values through YAML aliases", "pfocr_alias_bomb.md: the YAML front matter is refused"],
    ),
    (
        "PFOCR record nested 5,000 levels deep",
        "pfocr_deep_nesting.md",
        "pfocr",
        ["nests collections too deeply", "pfocr_deep_nesting.md: the YAML front matter is refused"],
    ),
    (
        "HTML page given as a gene list",
        "html_page.txt",
        "genes",
        ["this is an HTML page, not a list of names", "set its kind to `text`"],
    ),
    ("PDF given as a gene list", "pdf_renamed.txt", "genes", ["this is a PDF file, not text", "kind `text`"]),
    ("PDF without pages, renamed .txt", "pdf_renamed.txt", "text", ["the PDF holds no pages", "pdf_renamed.txt"]),
    ("scanned PDF (no text layer)", "scanned.pdf", "text", ["the PDF has no text layer", "ocrmypdf"]),
    ("encrypted PDF", "encrypted.pdf", "text", ["the PDF is encrypted and needs a password", "encrypted.pdf"]),
    ("truncated PDF", "truncated.pdf", "text", ["the PDF is incomplete", "Download or save the PDF again"]),
]
# case, corpus file, kind, names expected in the names table (in order)
READABLE_INPUTS = [
    ("only unmappable names", "only_unmappable.txt", "genes", ["NOTAGENE1", "xyzzy", "flux capacitor", "QWERTY99"]),
    ("UTF-16 with BOM", "utf16_bom.txt", "genes", ["miR-21", "PTEN", "PDCD4"]),
    ("CRLF line ends", "crlf.txt", "genes", ["miR-21", "PTEN", "PDCD4"]),
    ("duplicated names", "duplicated_names.txt", "genes", ["PTEN", "miR-21", "AKT1"]),
    ("HTML page saved as .txt", "html_page.txt", "text", ["miR-21", "PTEN"]),
    (
        "GMT with $...$ in set names",
        "gmt_mathtext.gmt",
        "gmt",
        ["CD9", "CD63", "CD81", "TSG101", "PDCD6IP", "HSPA8", "PTEN", "AKT1", "PIK3CA", "MTOR", "TSC2"],
    ),
    ("Excel-mangled dates", "excel_dates.txt", "genes", ["1-Mar", "2-Sep", "1-Dec", "MARCH1", "SEPT9", "SEPTIN9"]),
    (
        "GMT with blank lines and a one-gene set",
        "gmt_blank_lines.gmt",
        "gmt",
        ["CD9", "CD63", "CD81", "TSG101", "PTEN"],
    ),
]
# The readable cases whose downstream results a user looks at (the others only change how a file is decoded).
IN_COMBINED_RUN = [
    spec
    for spec in READABLE_INPUTS
    if spec[1] in ("only_unmappable.txt", "excel_dates.txt", "gmt_mathtext.gmt", "gmt_blank_lines.gmt")
]
READABLE_OUTCOMES = {
    "only unmappable names": "works: every name is kept; mapping lists each as unmapped",
    "UTF-16 with BOM": "works: same names as the UTF-8 file",
    "CRLF line ends": "works: same names, no trailing carriage return",
    "duplicated names": "works: one row per name with its count and first line",
    "HTML page saved as .txt": "works: read as a paper from its content (the name does not matter)",
    "GMT with $...$ in set names": "works: set names drawn as written in every plot (no mathtext)",
    "Excel-mangled dates": "works: names kept exactly as written, for the mapper to repair",
    "GMT with blank lines and a one-gene set": "works: blank lines skipped, the one-gene set kept as its own query",
}


def corpus_label(file: str, kind: str) -> str:
    return f"`tests/bad_inputs/{file}` (kind {kind})"


# --------------------------------------------------------------------------- one file at a time


@pytest.mark.parametrize(("case", "file", "kind", "fragments"), FAILING_INPUTS, ids=[c[0] for c in FAILING_INPUTS])
def test_unreadable_input_fails_its_list_with_file_and_line(reliability, case, file, kind, fragments):
    names, source = extract_names(BAD_INPUTS / file, kind, "bad")
    assert source["status"] == STATUS_FAILED
    for fragment in fragments:
        assert fragment in source["reason"]
    assert names.empty and list(names.columns) == NAMES_TABLE.columns
    assert (source["names"], source["queries"]) == (0, 0)
    assert len(source["reason"]) < 1000, "a message quotes at most a short excerpt of the input"
    reliability.record(case, input=corpus_label(file, kind), outcome="fails this list alone", message=source["reason"])


@pytest.mark.parametrize(("case", "file", "kind", "expected"), READABLE_INPUTS, ids=[c[0] for c in READABLE_INPUTS])
def test_awkward_but_valid_input_keeps_every_name(reliability, case, file, kind, expected):
    names, source = extract_names(BAD_INPUTS / file, kind, "awkward")
    assert source["status"] == STATUS_OK and source["reason"] == ""
    assert list(names["name"]) == expected
    assert not names["name"].str.contains("\r").any()
    reliability.record(
        case,
        input=corpus_label(file, kind),
        outcome=READABLE_OUTCOMES[case],
        message=f"{len(names)} names in {source['queries']} list(s): {', '.join(expected)}",
    )
    if file not in {spec[1] for spec in IN_COMBINED_RUN}:
        reliability.record(case, run="not run: only decoding differs from a plain list")


def test_duplicated_names_count_and_keep_the_first_line():
    names, _ = extract_names(BAD_INPUTS / "duplicated_names.txt", "genes", "dups")
    rows = names.set_index("name")
    assert (rows.loc["PTEN", "count"], rows.loc["PTEN", "line"]) == (3, 1)
    assert (rows.loc["miR-21", "count"], rows.loc["miR-21", "line"]) == (2, 2)


def test_encodings_and_line_ends_give_the_same_lines():
    utf16, _ = extract_names(BAD_INPUTS / "utf16_bom.txt", "genes", "q")
    crlf, _ = extract_names(BAD_INPUTS / "crlf.txt", "genes", "q")
    assert list(utf16["line"]) == [1, 2, 3]
    assert list(crlf["line"]) == [2, 3, 4]


def test_gmt_one_gene_set_is_its_own_query():
    names, source = extract_names(BAD_INPUTS / "gmt_blank_lines.gmt", "gmt", "sets")
    assert source["queries"] == 2
    single = names[names["query"] == "SINGLE_GENE"]
    assert list(single["name"]) == ["PTEN"] and list(single["line"]) == [5]


def test_very_long_line_fails_with_its_line_number(reliability, tmp_path):
    path = tmp_path / "pasted_on_one_line.txt"
    path.write_text("# names pasted as one row\nPTEN\n" + ",".join(["TP53"] * 200_000) + "\nAKT1\n")
    names, source = extract_names(path, "genes", "long")
    assert source["status"] == STATUS_FAILED and names.empty
    assert "pasted_on_one_line.txt, line 3: the line is 999,999 characters long" in source["reason"]
    # A document is prose: one very long paragraph is fine there.
    prose = tmp_path / "one_paragraph.txt"
    prose.write_text(" ".join(["Exosomal miR-21 lowers PTEN in recipient cells."] * 20_000))
    mentions, text_source = extract_names(prose, "text", "prose")
    assert text_source["status"] == STATUS_OK and {"miR-21", "PTEN"} <= set(mentions["name"])
    reliability.record(
        "very long line",
        roots=(tmp_path,),
        input="generated: a gene list whose line 3 holds 200,000 names (999,999 characters); "
        "a document that is one 980,000-character paragraph (kind text)",
        outcome="gene list: fails this list alone; document: works",
        message=source["reason"],
    )


def test_one_million_names_are_all_read(reliability, tmp_path):
    path = tmp_path / "one_million.txt"
    path.write_text("".join(f"NAME{i:07d}\n" for i in range(ONE_MILLION)))
    names, source = extract_names(path, "genes", "million")
    assert source["status"] == STATUS_OK
    assert len(names) == ONE_MILLION and names["name"].is_unique
    assert (names["name"].iloc[-1], names["line"].iloc[-1]) == (f"NAME{ONE_MILLION - 1:07d}", ONE_MILLION)
    reliability.record(
        "1,000,000-name file",
        input="generated: 1,000,000 distinct names, one per line (12 MB); in the workflow run, "
        "1,000,000 lines cycling through every symbol of the gene table",
        outcome="works: every name read (speed: benchmarks/input_reading.py)",
        message=f"{source['names']:,} names",
    )


# --------------------------------------------------------------------------- sheet and config


def sheet_error(sheet: str) -> str:
    with pytest.raises(SheetError) as error:
        load_sheet(BAD_INPUTS / sheet, schema=SHEET_SCHEMA)
    return str(error.value)


def test_sheet_row_with_missing_file_stops_the_run(reliability):
    message = sheet_error("sheet_missing_file.tsv")
    assert "sheet_missing_file.tsv, line 3: file 'no_such_list.txt' not found" in message
    reliability.record(
        "sheet row pointing to a missing file",
        input="`tests/bad_inputs/sheet_missing_file.tsv`",
        outcome="stops before any job runs",
        message=message,
    )


def test_duplicated_list_id_stops_the_run(reliability):
    message = sheet_error("sheet_duplicate_list_id.tsv")
    lines = message.splitlines()
    assert "sheet_duplicate_list_id.tsv, line 4: list_id 'cargo' is already used on line 2" in lines[0]
    assert "line 5: list_id 'Cargo' is already used on line 2" in lines[1]
    assert len(lines) == 2
    reliability.record(
        "duplicated list_id",
        input="`tests/bad_inputs/sheet_duplicate_list_id.tsv` (cargo twice, and Cargo)",
        outcome="stops before any job runs",
        message=message,
    )


def test_list_ids_that_could_leave_results_stop_the_run(reliability):
    message = sheet_error("sheet_bad_list_ids.tsv")
    for line, list_id in enumerate(("../escape", "my list", "sub/dir", ".hidden"), start=2):
        assert f"sheet_bad_list_ids.tsv, line {line}: list_id {list_id!r} may contain only" in message
    assert "line 6: list_id 'index' is reserved" in message
    assert len(message.splitlines()) == 5
    reliability.record(
        "list_id with ../, spaces, slashes",
        input="`tests/bad_inputs/sheet_bad_list_ids.tsv` (`../escape`, `my list`, `sub/dir`, `.hidden`, `index`)",
        outcome="stops before any job runs; every row listed at once",
        message=message,
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "sheet.tsv: the sheet is empty"),
        (b"list_id\tpath\tkind\tdescription\n", "sheet.tsv: the sheet has a header but no rows"),
        (b"list_id\tpath\tnotes\ncargo\tlist.txt\tx\n", "sheet.tsv, line 2: Additional properties are not allowed"),
        (b"%PDF-1.4\n", "sheet.tsv: this is a PDF file"),
    ],
    ids=["empty", "header only", "unknown column", "PDF"],
)
def test_unusable_sheet_is_named(tmp_path, content, message):
    (tmp_path / "list.txt").write_text("PTEN\n")
    (tmp_path / "sheet.tsv").write_bytes(content)
    with pytest.raises(SheetError, match=re.escape(message)):
        load_sheet(tmp_path / "sheet.tsv", schema=SHEET_SCHEMA)


def test_sheet_saved_by_excel_as_utf16_with_crlf_loads(tmp_path):
    (tmp_path / "list.txt").write_text("PTEN\n")
    text = "list_id\tpath\tkind\tdescription\r\ncargo\tlist.txt\t\tcargo list\r\n"
    (tmp_path / "sheet.tsv").write_bytes(text.encode("utf-16"))
    sheet = load_sheet(tmp_path / "sheet.tsv", schema=SHEET_SCHEMA)
    assert list(sheet.index) == ["cargo"]
    assert (sheet.loc["cargo", "kind"], sheet.loc["cargo", "description"]) == ("genes", "cargo list")


def test_kind_is_detected_when_the_sniffed_head_cuts_a_character(tmp_path):
    body = ("Exosomal miR-21 lowers PTEN and so activates PI3K/AKT signalling in \u03b2-cells.\n" * 1000).encode()
    beta = body.rfind("\u03b2".encode(), 0, 65_533)
    padding = b"# " + b"x" * (65_535 - beta - 3) + b"\n"
    (tmp_path / "review.txt").write_bytes(padding + body)
    assert (padding + body)[65_535:65_537] == "\u03b2".encode()
    (tmp_path / "sheet.tsv").write_text("list_id\tpath\tkind\tdescription\nreview\treview.txt\t\t\n")
    assert load_sheet(tmp_path / "sheet.tsv", schema=SHEET_SCHEMA).loc["review", "kind"] == "text"


def demo_config() -> dict:
    return yaml.safe_load((REPO / "config" / "config.yaml").read_text())


def test_unknown_pinned_library_is_named_with_the_choices():
    config = demo_config()
    config["libraries"][0]["name"] = "KEGG_2022_Human"
    (problem,) = config_problems(config)
    assert "entry 1 (KEGG_2022_Human): 'KEGG_2022_Human' is not shipped in pyenrichr-1.0.2" in problem
    assert "KEGG_2021_Human" in problem


def test_online_sources_while_offline_are_named_with_their_keys():
    config = demo_config()
    config.update(online=False, gene_nomenclature="ncbi_gene_info", mirna_targets="mirtarbase_url")
    config["libraries"].append({"name": "Reactome_2022", "source": "enrichr"})
    config["mapping"]["backend"] = "mygene"
    problems = config_problems(config)
    assert len(problems) == 4
    assert "(Reactome_2022): source 'enrichr' downloads the library, but 'online' is false" in problems[0]
    assert any("'gene_nomenclature: ncbi_gene_info'" in p for p in problems)
    assert any("'mirna_targets: mirtarbase_url'" in p for p in problems)
    assert any("'mapping: backend: mygene'" in p for p in problems)
    assert config_problems(demo_config()) == []


def test_size_limits_that_exclude_every_term_and_an_empty_resources_dir_are_refused():
    config = demo_config()
    config["enrichment"].update(min_size=50, max_size=10)
    config["resources_dir"] = " "
    problems = config_problems(config)
    assert len(problems) == 2
    assert "min_size 50 is larger than max_size 10" in problems[0]
    assert "'resources_dir' is empty" in problems[1]


@pytest.mark.slow
def test_sheet_and_config_problems_stop_snakemake_before_any_job(reliability, tmp_path):
    fine = {"path": "config/demo/exosome_cargo.txt", "kind": "genes"}
    rows = [
        {"list_id": "cargo", **fine},
        {"list_id": "lost", "path": "no_such_list.txt", "kind": "genes"},
        {"list_id": "cargo", **fine},
        {"list_id": "../escape", **fine},
        {"list_id": "my list", **fine},
    ]
    work = make_workdir(tmp_path / "sheet", rows)
    sheet_run = run_workflow(work, check=False)
    assert sheet_run.returncode != 0
    for problem in (
        "config/genelists.tsv, line 3: file 'no_such_list.txt' not found",
        "config/genelists.tsv, line 4: list_id 'cargo' is already used on line 2",
        "config/genelists.tsv, line 5: list_id '../escape' may contain only",
        "config/genelists.tsv, line 6: list_id 'my list' may contain only",
    ):
        assert problem in sheet_run.stderr
    assert not (work / "results").exists() and not (work / "logs").exists()
    for case in ("sheet row pointing to a missing file", "duplicated list_id", "list_id with ../, spaces, slashes"):
        reliability.record(
            case,
            run="one sheet with all three problems: Snakemake exits 1 while building the job graph, listing "
            "every problem with its line; no results/ or logs/ folder is created",
        )

    config = demo_config()
    config["libraries"][0]["name"] = "KEGG_2022_Human"
    config["gene_nomenclature"] = "ncbi_gene_info"
    work = make_workdir(tmp_path / "config", config_text=yaml.safe_dump(config, sort_keys=False))
    config_run = run_workflow(work, check=False)
    assert config_run.returncode != 0
    assert "'KEGG_2022_Human' is not shipped in pyenrichr-1.0.2" in config_run.stderr
    assert "'gene_nomenclature: ncbi_gene_info' is downloaded from NCBI" in config_run.stderr
    assert not (work / "results").exists() and not (work / "logs").exists()
    (unknown,) = [line for line in config_run.stderr.splitlines() if "KEGG_2022_Human" in line]
    (offline,) = [line for line in config_run.stderr.splitlines() if "ncbi_gene_info" in line]
    run = "Snakemake exits 1 before any job (`ConfigError`, both problems listed); no results/ or logs/ folder"
    reliability.record(
        "config: unknown library name",
        input="config.yaml with `libraries: - name: KEGG_2022_Human, source: pyenrichr`",
        outcome="stops before any job runs",
        message=unknown,
        run=run,
    )
    reliability.record(
        "config: online source while offline",
        input="config.yaml with `online: false` and `gene_nomenclature: ncbi_gene_info` (also checked: "
        "enrichr libraries, mirtarbase_url, mygene backend)",
        outcome="stops before any job runs",
        message=offline,
        run=run,
    )


# --------------------------------------------------------------------------- all together in one run


def one_library_config() -> str:
    """The demo config with only KEGG: the combined run tests inputs, not libraries."""
    config = demo_config()
    config["libraries"] = [library for library in config["libraries"] if library["name"] == "KEGG_2021_Human"]
    return yaml.safe_dump(config, sort_keys=False)


def million_symbol_lines(path) -> int:
    """Write 1,000,000 lines cycling through every gene symbol; return the number of distinct names."""
    symbols = list(dict.fromkeys(read_tsv(require(GENES_TSV))["symbol"]))
    path.write_text("".join(f"{symbols[i % len(symbols)]}\n" for i in range(ONE_MILLION)))
    return min(len(symbols), ONE_MILLION)


def demo_table_before_cargo(path: Path) -> bool:
    """A names, mapping or KEGG enrichment table of a demo list (relative to results/)."""
    if path.name.split(".")[0] not in DEMO_LISTS:
        return False
    return path.parts[0] in ("names", "mapping") or (path.parts[0] == "enrichment" and ".KEGG_2021_Human." in path.name)


@pytest.mark.slow
def test_bad_lists_fail_alone_and_other_lists_keep_their_results(reliability, demo_offline_run, tmp_path):
    demo_sheet = (REPO / "config" / "genelists.tsv").read_text().splitlines()
    sheet = [dict(zip(("list_id", "path", "kind", "description"), line.split("\t"))) for line in demo_sheet[1:]]
    list_ids = {}
    for number, (case, file, kind, *_) in enumerate(FAILING_INPUTS + IN_COMBINED_RUN, start=1):
        list_ids[case] = f"case{number:02d}_{file.split('.')[0]}"
        sheet.append({"list_id": list_ids[case], "path": f"inputs/{file}", "kind": kind, "description": case})
    sheet[-1]["description"] = HOSTILE_DESCRIPTION
    sheet.append({"list_id": "one_million", "path": "inputs/one_million.txt", "kind": "genes"})
    sheet.append({"list_id": "long_line", "path": "inputs/long_line.txt", "kind": "genes"})
    work = make_workdir(tmp_path, sheet, config_text=one_library_config())
    shutil.copytree(BAD_INPUTS, work / "inputs")
    distinct = million_symbol_lines(work / "inputs" / "one_million.txt")
    (work / "inputs" / "long_line.txt").write_text("PTEN\n" + ",".join(["TP53"] * 200_000) + "\n")

    run_workflow(work, timeout=1500)

    def source(list_id: str) -> dict:
        return json.loads((work / "results" / "names" / f"{list_id}.source.json").read_text())

    index = (work / "results" / "report" / "index.html").read_text()
    for spec in FAILING_INPUTS + IN_COMBINED_RUN:
        case, list_id = spec[0], list_ids[spec[0]]
        record = source(list_id)
        if spec in FAILING_INPUTS:
            fragment = spec[3][0]
            assert record["status"] == STATUS_FAILED and fragment in record["reason"], list_id
            for table in ("names/{}.names.tsv", "mapping/{}.mapping.tsv", "enrichment/{}.KEGG_2021_Human.tsv"):
                assert len(read_tsv(work / "results" / table.format(list_id))) == 0
            page = (work / "results" / "report" / f"{list_id}.html").read_text()
            assert fragment in page, f"{list_id}: the list page does not show why it failed"
            assert fragment in index, f"{list_id}: the index does not show why it failed"
            reliability.record(case, run=FAILED_LIST_RUN)
        else:
            assert record["status"] == STATUS_OK, list_id
            assert list(read_tsv(work / "results" / "names" / f"{list_id}.names.tsv")["name"]) == spec[3]
            reliability.record(case, run="exit 0; analysed like any list")
    unmappable_id = list_ids["only unmappable names"]
    unmappable = read_tsv(work / "results" / "mapping" / f"{unmappable_id}.mapping.tsv")
    assert set(unmappable["match_type"]) == {"unmapped"} and set(unmappable["input_name"]) == set(READABLE_INPUTS[0][3])
    assert len(read_tsv(work / "results" / "enrichment" / f"{unmappable_id}.KEGG_2021_Human.tsv")) == 0
    reliability.record(
        "only unmappable names",
        run="exit 0; mapping table: 4 rows, all `unmapped`; enrichment table header-only",
    )
    long_line = source("long_line")
    assert long_line["status"] == STATUS_FAILED and "line 2: the line is 999,999 characters long" in long_line["reason"]
    assert "the line is 999,999 characters long" in (work / "results" / "report" / "long_line.html").read_text()
    reliability.record("very long line", run=FAILED_LIST_RUN)
    assert source("one_million")["names"] == distinct
    reliability.record(
        "1,000,000-name file",
        run=f"exit 0; {distinct:,} distinct names extracted, mapped, tested (one run with all the other cases)",
    )

    hostile_page = (work / "results" / "report" / f"{list_ids[IN_COMBINED_RUN[-1][0]]}.html").read_text()
    assert HOSTILE_DESCRIPTION not in hostile_page and HOSTILE_DESCRIPTION not in index
    assert "&lt;script&gt;alert(" in hostile_page and "&lt;script&gt;alert(" in index
    written = [p.relative_to(work) for p in work.rglob("*") if p.is_file()]
    outside = [p for p in written if p.parts[0] not in ("config", "inputs", "results", "logs", ".snakemake")]
    assert outside == []
    reliability.record(
        "HTML escaped",
        run="combined run: a list description `<script>alert('exocargo')</script>` appears only escaped on its "
        "page and in the index",
    )
    reliability.record(
        "outputs stay under results/",
        run="combined run: every output under results/ (logs under logs/), nothing written elsewhere",
    )

    # Cargo tables name pathways of every configured library, so only the steps before them are compared.
    reference = result_files(demo_offline_run.work)
    kept = result_files(work)
    compared = [name for name in reference if demo_table_before_cargo(Path(name))]
    assert all(name in kept for name in compared) and len(compared) >= 3 * len(DEMO_LISTS)
    assert [name for name in compared if kept[name] != reference[name]] == []
    reliability.record(
        "all bad lists in one run",
        input=f"one sheet: the 3 demo lists, the {len(FAILING_INPUTS)} failing and {len(IN_COMBINED_RUN)} awkward corpus files, "
        "a 1,000,000-line list (library KEGG_2021_Human only)",
        outcome="works: each bad list fails alone",
        message="each failing list carries its own message (rows above) in its source.json, its page and the index",
        run="exit 0; the names, mapping and KEGG enrichment tables of the demo lists are byte-identical to "
        "a run of the demo alone",
    )


def test_a_bad_kind_and_a_bad_list_id_are_each_named_once(tmp_path):
    """The sheet schema and the sheet checks both cover these columns; the reader sees one message per problem."""
    (tmp_path / "list.txt").write_text("PTEN\n")
    (tmp_path / "sheet.tsv").write_text("list_id\tpath\tkind\tdescription\n-bad\tlist.txt\tfoo\t\n")
    with pytest.raises(SheetError) as raised:
        load_sheet(tmp_path / "sheet.tsv", schema=SHEET_SCHEMA)
    message = str(raised.value)
    assert message.count("list_id '-bad'") == 1 and "does not match" not in message
    assert message.count("kind 'foo'") == 1 and "is not one of ['" not in message


def test_names_after_a_comma_semicolon_or_leading_tab_are_kept(tmp_path):
    """A pasted list ``CD9, CD63, CD81`` is three names, not CD9 alone; weights and notes are not names."""
    from exocargo.inputs.readers import read_gene_list

    path = tmp_path / "pasted.txt"
    path.write_text(
        "CD9, CD63, CD81\n\tTP53\nPTEN,1.5\tdown in tumours\nAKT1; MTOR\n7157,672\nKRAS, oncogene of note\n"
    )
    names = read_gene_list(path, "pasted")
    assert names["name"].tolist() == ["CD9", "CD63", "CD81", "TP53", "PTEN", "AKT1", "MTOR", "7157", "672", "KRAS"]
    assert names["line"].tolist() == [1, 1, 1, 2, 3, 4, 4, 5, 5, 6]

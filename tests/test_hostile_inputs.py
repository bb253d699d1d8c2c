"""Odd and hostile sheets, configs and records: each is refused in one line a person understands.

Each case is also a row of docs/reliability.md (through the ``reliability`` fixture).
"""

from __future__ import annotations

import os

import pytest
import yaml
from conftest import REPO

from exocargo.inputs.extract import STATUS_FAILED, extract_names
from exocargo.inputs.sheet import ConfigError, SheetError, check_config_schema, load_sheet

SHEET_SCHEMA = REPO / "workflow" / "schemas" / "genelists.schema.yaml"
CONFIG_SCHEMA = REPO / "workflow" / "schemas" / "config.schema.yaml"
HEADER = "list_id\tpath\tkind\tdescription\n"


def demo_config() -> dict:
    return yaml.safe_load((REPO / "config" / "config.yaml").read_text())


def sheet_error(path) -> str:
    with pytest.raises(SheetError) as error:
        load_sheet(path, schema=SHEET_SCHEMA)
    return str(error.value)


@pytest.fixture
def genes(tmp_path):
    path = tmp_path / "genes.txt"
    path.write_text("PTEN\nCD9\n")
    return path


def test_a_comma_separated_sheet_gets_one_message_saying_use_tabs(reliability, tmp_path, genes):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(f"list_id,path,kind,description\ncargo,{genes},genes,\n")
    message = sheet_error(sheet)
    assert message.count("\n") == 0 and "the sheet is comma-separated" in message and "tab-separated" in message
    reliability.record(
        "comma-separated sheet",
        input="a sheet with commas between its columns",
        outcome="stops before any job runs",
        message=message,
        roots=(tmp_path,),
    )


def test_a_row_with_an_extra_field_is_named_by_its_line(reliability, tmp_path, genes):
    sheet = tmp_path / "sheet.tsv"
    sheet.write_text(f"{HEADER}cargo\t{genes}\tgenes\tok\nnotes\t{genes}\tgenes\tsee\tthe lab book\n")
    message = sheet_error(sheet)
    assert "sheet.tsv, line 3: 5 tab-separated fields, but the header has 4" in message
    reliability.record(
        "sheet row with an extra field",
        input="a description holding a tab (5 fields under a 4-column header)",
        outcome="stops before any job runs",
        message=message,
        roots=(tmp_path,),
    )


def test_a_list_id_with_a_trailing_newline_is_refused(tmp_path, genes):
    sheet = tmp_path / "sheet.tsv"
    sheet.write_text(f'{HEADER}"cargo\n"\t{genes}\tgenes\t\n')
    assert "list_id 'cargo\\n' may contain only letters" in sheet_error(sheet)


def test_a_pipe_or_device_in_the_sheet_is_refused_without_reading_it(reliability, tmp_path):
    fifo = tmp_path / "names.fifo"
    os.mkfifo(fifo)
    sheet = tmp_path / "sheet.tsv"
    sheet.write_text(f"{HEADER}pipe\t{fifo}\tgenes\t\nzeros\t/dev/zero\t\t\n")
    message = sheet_error(sheet)  # returns at once: neither path is opened
    assert "line 2: " in message and "names.fifo' is not a regular file" in message
    assert "line 3: '/dev/zero' is not a regular file" in message
    reliability.record(
        "FIFO or device as a list",
        input="a named pipe and `/dev/zero` as sheet paths",
        outcome="stops before any job runs (nothing is read from them)",
        message=message,
        roots=(tmp_path,),
    )


def test_every_config_schema_problem_is_listed_at_once(reliability):
    config = demo_config()
    config["online"] = "maybe"
    config["enrichment"]["min_size"] = -3
    config["enrichment"]["fdr_threshold"] = "0.05"
    with pytest.raises(ConfigError) as error:
        check_config_schema(config, CONFIG_SCHEMA)
    lines = str(error.value).splitlines()
    assert lines[0].startswith("3 problem(s) in the config")
    assert any(line.startswith("config key 'online': 'maybe' is not of type 'boolean'") for line in lines)
    assert any(line.startswith("config key 'enrichment: min_size': -3") for line in lines)
    assert any(line.startswith("config key 'enrichment: fdr_threshold'") for line in lines)
    assert all(len(line) < 400 for line in lines), "no schema dump"
    check_config_schema(demo_config(), CONFIG_SCHEMA)  # the shipped config is clean
    reliability.record(
        "several config errors",
        input='`online: maybe`, `min_size: -3`, `fdr_threshold: "0.05"`',
        outcome="stops before any job runs, every problem listed",
        message=str(error.value),
    )


def test_a_pfocr_word_given_as_a_list_fails_its_list_saying_how_to_fix_it(reliability, tmp_path):
    record = tmp_path / "PMC1__figure.md"
    record.write_text("---\nfigid: PMC1__figure\ngenes:\n  - word: [PTEN, AKT1]\n---\n")
    _, source = extract_names(record, "pfocr", "figure")
    assert source["status"] == STATUS_FAILED
    assert "entry 1 of 'genes:' gives 'word:' as a list (['PTEN', 'AKT1'])" in source["reason"]
    reliability.record(
        "PFOCR word given as a list",
        input="`- word: [PTEN, AKT1]` in a figure record",
        outcome="fails this list alone",
        message=source["reason"],
        roots=(tmp_path,),
    )

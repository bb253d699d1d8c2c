"""The mygene backend against a local HTTP server that answers like MyGene.info.

The server speaks MyGene.info's documented batch query (POST ``/v3/query``,
form fields ``q``, ``scopes``, ``fields``, ``species``; a JSON list with one
record per hit and ``{"query": ..., "notfound": true}`` for a miss). No test
here touches the network.
"""

from __future__ import annotations

import csv
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pandas as pd
import pytest
from conftest import FAMPLEX_DIR, GENES_TSV, HAIRPINS_TSV, require

from exocargo.mapping.mygene_backend import MyGeneError, MyGeneMapper
from exocargo.mapping.table import load_mapper, map_names_table
from exocargo.tables import MAPPING_TABLE

# What our fake MyGene.info knows: query (any case) -> records, as the real service returns them.
RECORDS = {
    "TP53": [{"_id": "7157", "_score": 89.1, "entrezgene": "7157", "symbol": "TP53", "taxid": 9606}],
    "7157": [{"_id": "7157", "_score": 22.0, "entrezgene": 7157, "symbol": "TP53", "taxid": 9606}],
    "PD-L1": [{"_id": "29126", "_score": 17.3, "entrezgene": "29126", "symbol": "CD274", "alias": ["B7-H", "PD-L1"]}],
    "ENSG00000141510": [
        {"_id": "7157", "entrezgene": "7157", "symbol": "TP53", "ensembl": {"gene": "ENSG00000141510"}}
    ],
    "MLP": [
        {"_id": "8048", "entrezgene": "8048", "symbol": "CSRP3", "alias": ["CLP", "MLP"]},
        {"_id": "4583", "entrezgene": "4583", "symbol": "MUC2", "alias": ["MLP", "MUC-2"]},
    ],
}


class FakeMyGene(BaseHTTPRequestHandler):
    requests: list[dict] = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        length = int(self.headers["Content-Length"])
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        FakeMyGene.requests.append({"path": self.path, **form})
        out = []
        # The client sends q as comma-separated, double-quoted terms.
        for query in next(csv.reader([form["q"]])):
            records = RECORDS.get(query.upper()) or RECORDS.get(query)
            out += [{"query": query, **r} for r in records] if records else [{"query": query, "notfound": True}]
        body = json.dumps(out).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeMyGene)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v3"
    httpd.shutdown()


@pytest.fixture(scope="module")
def local():
    return load_mapper(require(GENES_TSV), require(HAIRPINS_TSV), require(FAMPLEX_DIR))


@pytest.fixture
def mapper(server, local):
    FakeMyGene.requests.clear()
    return MyGeneMapper(local, url=server, pause_seconds=0)


def names(*written: str) -> pd.DataFrame:
    return pd.DataFrame({"query": "list", "name": list(written)})


def test_one_batched_query_with_explicit_scopes_and_species(mapper):
    mapper.map_names(["TP53", "PD-L1", "7157", "ENSG00000141510", "NOTAGENE1"])
    assert len(FakeMyGene.requests) == 1
    sent = FakeMyGene.requests[0]
    assert sent["path"].rstrip("/") == "/v3/query"
    assert sent["scopes"] == "entrezgene,symbol,alias,ensembl.gene,uniprot"
    assert sent["species"] == "human"
    assert sorted(next(csv.reader([sent["q"]]))) == sorted(["TP53", "PD-L1", "7157", "ENSG00000141510", "NOTAGENE1"])


def test_match_types_come_from_the_fields_that_matched(mapper):
    mapping = map_names_table(names("TP53", "PD-L1", "7157", "ENSG00000141510"), mapper)
    assert list(mapping.columns) == MAPPING_TABLE.columns
    got = {n: (e, s, t) for n, e, s, t in mapping[["input_name", "entrez_id", "symbol", "match_type"]].values}
    assert got == {
        "TP53": ("7157", "TP53", "symbol"),
        "PD-L1": ("29126", "CD274", "alias"),
        "7157": ("7157", "TP53", "entrez"),
        "ENSG00000141510": ("7157", "TP53", "ensembl"),
    }


def test_several_genes_for_one_name_are_ambiguous(mapper):
    mapping = map_names_table(names("MLP"), mapper)
    assert set(mapping["match_type"]) == {"ambiguous"}
    assert set(mapping["symbol"]) == {"CSRP3", "MUC2"}


def test_mirnas_families_and_chemicals_stay_local_and_are_not_sent(mapper):
    mapping = map_names_table(names("miR-21", "PI3K", "ADP"), mapper, kind="pfocr")
    assert FakeMyGene.requests == []
    assert set(mapping.loc[mapping["input_name"] == "miR-21", "entrez_id"]) == {"406991"}
    assert set(mapping.loc[mapping["input_name"] == "PI3K", "match_type"]) == {"family"}
    assert mapping.loc[mapping["input_name"] == "ADP", "note"].item().startswith("chemical (not a gene)")


def test_a_name_mygene_does_not_know_keeps_the_local_answer_and_says_so(mapper):
    mapping = map_names_table(names("NOTAGENE1"), mapper)
    row = mapping.iloc[0]
    assert row["match_type"] == "unmapped" and row["note"].startswith("MyGene.info found nothing")


def test_an_unreachable_service_raises_a_clear_error(local):
    mapper = MyGeneMapper(local, url="http://127.0.0.1:9/v3", pause_seconds=0)
    with pytest.raises(MyGeneError, match="mapping: backend"):
        mapper.map_names(["TP53"])

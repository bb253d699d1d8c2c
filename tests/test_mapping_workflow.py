"""The mapping rules end to end in a scratch work directory (shared fetched resources)."""

from __future__ import annotations

import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import REPO, make_workdir, run_workflow

from exocargo.files import read_tsv

SEED_ID = "PMC6441234__12943_2019_980_Fig1_HTML"
SEED = REPO / "config" / "demo" / f"{SEED_ID}.md"


@pytest.mark.slow
def test_figure_and_gene_list_are_mapped_with_agreement_table(tmp_path):
    cargo = tmp_path / "cargo.txt"
    cargo.write_text("# cargo\nPD-L1\nmiR-21\n7157\nENSG00000146648\n2-Sep\nXQZ12345\nlet-7a\n", encoding="utf-8")
    work = make_workdir(
        tmp_path,
        [
            {"list_id": "seed", "path": str(SEED), "kind": "pfocr"},
            {"list_id": "cargo", "path": str(cargo), "kind": "genes"},
        ],
    )
    targets = [
        "results/mapping/seed.mapping.tsv",
        "results/mapping/seed.pfocr_agreement.tsv",
        "results/mapping/cargo.entrez.txt",
        "results/mapping/cargo.summary.tsv",
    ]
    run_workflow(work, *targets)

    seed = read_tsv(work / "results/mapping/seed.mapping.tsv")
    erk = seed[seed["input_name"] == "Erk1/2"]
    assert set(erk["entrez_id"]) == {"5594", "5595"} and set(erk["match_type"]) == {"family"}
    assert seed.loc[seed["input_name"] == "PD-L1", "entrez_id"].tolist() == ["29126"]

    agreement = read_tsv(work / "results/mapping/seed.pfocr_agreement.tsv")
    figure = agreement[agreement["scope"] == "figure (adjusted)"].iloc[0]
    assert float(figure["f1"]) == 1.0
    assert (agreement.loc[agreement["cause"] != "agree", "cause"] != "").all()

    entrez = (work / "results/mapping/cargo.entrez.txt").read_text().split()
    assert entrez == ["29126", "406991", "7157", "1956", "4735", "406881", "406882", "406883"]
    summary = read_tsv(work / "results/mapping/cargo.summary.tsv").set_index("match_type")
    assert summary.loc["mirna", "names"] == "2" and summary.loc["unmapped", "names"] == "1"


@pytest.mark.slow
def test_a_figure_id_is_downloaded_once_and_cached(tmp_path):
    """The download rule against a local server standing in for the PFOCR site."""
    served = tmp_path / "site"
    served.mkdir()
    (served / f"{SEED_ID}.md").write_bytes(SEED.read_bytes())
    handler = partial(SimpleHTTPRequestHandler, directory=str(served))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    resources = tmp_path / "resources"
    url = f"http://127.0.0.1:{httpd.server_address[1]}/{{figid}}.md"
    config_text = (REPO / "config" / "config.yaml").read_text(encoding="utf-8")
    config_text = re.sub(r"(?m)^  pfocr_figure_url: .*$", f'  pfocr_figure_url: "{url}"', config_text)
    work = make_workdir(tmp_path, config_text=config_text.replace("\nonline: false", "\nonline: true"))
    config = {"resources_dir": str(resources)}
    try:
        target = str(resources / "pfocr" / "figures" / f"{SEED_ID}.md")
        run_workflow(work, target, config=config)
        assert (resources / "pfocr" / "figures" / f"{SEED_ID}.md").read_bytes() == SEED.read_bytes()
        assert (resources / "pfocr" / "figures" / f"{SEED_ID}.provenance.json").exists()
        (served / f"{SEED_ID}.md").unlink()  # a second run must not need the site
        again = run_workflow(work, target, config=config)
        assert "Nothing to be done" in again.stdout + again.stderr
    finally:
        httpd.shutdown()

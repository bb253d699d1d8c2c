"""Papers as people have them: PDF, HTML pages, PMC/JATS XML, BioC, PubMed XML and ids in the sheet."""

from __future__ import annotations

import hashlib
import html
import json
import re
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import (
    CHROMIUM_FLAGS,
    FAMPLEX_DIR,
    GENES_TSV,
    HAIRPINS_TSV,
    REPO,
    RESOURCES,
    install_chromium,
    make_workdir,
    require,
    run_workflow,
    seed,
)

import exocargo
from exocargo.documents import document_format, read_document
from exocargo.files import read_tsv
from exocargo.inputs.extract import STATUS_FAILED, STATUS_OK, extract
from exocargo.inputs.sheet import load_sheet
from exocargo.text.mentions import MentionFinder
from exocargo.text.relations import find_relations

DOCUMENTS = REPO / "tests" / "documents"
PMC_ARTICLE = DOCUMENTS / "pone.0046493.nxml"
PUBMED_RECORD = DOCUMENTS / "pubmed-29768149.xml"
PUBLISHER_PAGE = DOCUMENTS / "nature_news_d41586-019-02790-3.html"
SHEET_SCHEMA = REPO / "workflow" / "schemas" / "genelists.schema.yaml"
RECORDED_SHA256 = {
    PMC_ARTICLE: "93f584390fd88f6031ec71b1d108b5ddf77dfce2190dcb686d0136f5f812cd8d",
    PUBMED_RECORD: "3a2fe76981aa2dfb39d087b10b519e3a8ffb1791c76d58cbd7f7c53ee9e4e9bf",
    PUBLISHER_PAGE: "6f5ee1affb33feb86682f7385ee2154f322dc5f1e44aa1cfc2283294eb45787f",
}
# A reference entry naming a miRNA and a gene that the article body never names.
REFERENCE_ENTRY = "Smith J, Lee K. miR-4997 targets KRT75 in exosomes. Mol Cancer 2019;18:12."

JATS_ARTICLE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.2 20190208//EN" "JATS-archivearticle1.dtd">
<article article-type="research-article"><front><article-meta>
<title-group><article-title>Exosomal miR-21 in ovarian cancer</article-title></title-group>
<abstract><p>Exosomal miR-21 confers paclitaxel resistance in ovarian cancer.</p></abstract>
</article-meta></front>
<body>
<sec><title>Introduction</title><p>Exosomes carry microRNAs between cells <xref ref-type="bibr" rid="r1">[1]</xref>.</p></sec>
<sec><title>Results</title>
<sec><title>miR-21 targets PTEN</title>
<p>Exosomal miR-21 directly targets PTEN and activates AKT signalling in recipient cells.</p>
<fig id="f1"><label>Figure 1</label><caption><p>Exosomal miR-155 suppresses SOCS1 in macrophages.</p></caption></fig>
</sec></sec>
</body>
<back><ref-list><ref id="r1"><mixed-citation>Jones A. miR-9 targets CDH1. Nature 2010;1:1-2.</mixed-citation></ref></ref-list>
<ack><p>Funded by grant BRCA2-R01.</p></ack></back>
</article>
"""

BIOC_XML = """<?xml version="1.0" encoding="UTF-8"?>
<collection><source>PMC</source><document><id>1</id>
<passage><infon key="section_type">TITLE</infon><infon key="type">front</infon><offset>0</offset><text>Exosomal miR-21</text></passage>
<passage><infon key="section_type">RESULTS</infon><infon key="type">paragraph</infon><offset>20</offset>
<text>Exosomal miR-21 directly targets PTEN in recipient cells.</text></passage>
<passage><infon key="section_type">FIG</infon><infon key="type">fig_caption</infon><offset>90</offset>
<text>Exosomal miR-155 suppresses SOCS1.</text></passage>
<passage><infon key="section_type">REF</infon><infon key="type">ref</infon><offset>130</offset>
<text>miR-9 targets CDH1. Nature 2010.</text></passage>
</document></collection>
"""


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder.from_files(require(GENES_TSV), require(HAIRPINS_TSV), require(FAMPLEX_DIR))


def mentions(extraction) -> set[str]:
    return set(extraction.names["name"])


def test_fixture_documents_are_the_recorded_files():
    for path, digest in RECORDED_SHA256.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, path


def test_the_format_comes_from_the_content_not_the_name(tmp_path):
    files = {
        "paper.txt": (PMC_ARTICLE.read_bytes(), "jats"),
        "page.txt": (PUBLISHER_PAGE.read_bytes(), "html"),
        "record.dat": (PUBMED_RECORD.read_bytes(), "pubmed"),
        "bioc.xml": (BIOC_XML.encode(), "bioc"),
        "bioc.txt": (json.dumps({"documents": [{"passages": [{"text": "miR-21"}]}]}).encode(), "bioc-json"),
        "scan.txt": ((REPO / "tests" / "bad_inputs" / "scanned.pdf").read_bytes(), "pdf"),
        "notes.md": (b"# Results\n\nmiR-21 targets PTEN.\n", "markdown"),
        "notes.txt": (b"Results\n\nmiR-21 targets PTEN.\n", "text"),
    }
    for name, (data, expected) in files.items():
        assert document_format(data[:8192], name) == expected, name
        (tmp_path / name).write_bytes(data)
    sheet = tmp_path / "sheet.tsv"
    structured = [name for name, (_, fmt) in files.items() if fmt not in ("markdown", "text")]
    rows = [f"{Path(name).stem}_{i}\t{tmp_path / name}\t\t" for i, name in enumerate(structured)]
    sheet.write_text("list_id\tpath\tkind\tdescription\n" + "\n".join(rows) + "\n")
    kinds = load_sheet(sheet, schema=SHEET_SCHEMA)["kind"]
    assert set(kinds) == {"text"}, "every paper format is read as kind text, whatever its name"


def test_a_markdown_papers_front_matter_gives_its_prose_not_its_ids(tmp_path, finder):
    note = (
        "---\ntitle: Exosomal miR-21 and PTEN in gastric cancer\nfigid: PMC1__Fig1_HTML\nlink: /figure/Fig1/\n"
        "caption: Polarized macrophages transfer miR-21, which\n  activates AKT by down-regulating PTEN.\n"
        "reftext: Liu Han, et al. Mol Cancer. 2019;18:59.\nkeywords:\n- KRAS\n---\n\n# Results\n\nTSG101 marks exosomes.\n"
    )
    path = tmp_path / "note.md"
    path.write_text(note, encoding="utf-8")
    mentions = extract(path, "text", "note", finder=finder).mentions()
    assert set(mentions["normalized"]) >= {"hsa-miR-21", "PTEN", "TSG101"}
    assert not {"IL4I1", "DUOXA1", "KRAS"} & set(mentions["normalized"])  # Fig1, Mol (Cancer), a keyword
    for row in mentions.itertuples():
        assert note[row.start : row.end] == row.text
    # Prose between two rules is no front matter: it is read.
    path.write_text("---\nTSG101 and CD63 mark exosomes in every study we read.\n---\n", encoding="utf-8")
    assert {"TSG101", "CD63"} <= set(extract(path, "text", "rules", finder=finder).mentions()["normalized"])


def test_a_pmc_article_xml_is_read_by_sections_without_its_reference_list():
    document = read_document(PMC_ARTICLE)
    names = document.section_names()
    for section in ("title", "abstract", "introduction", "methods", "results", "discussion", "figure legend", "table"):
        assert section in names
    text = document.text
    assert "Drug-resistant tuberculosis: an insurmountable epidemic?" not in text  # a cited work's title
    assert "[1]" not in text and "[2], [3]" not in text  # citation markers are not prose
    assert document.sections[0].paragraphs[0].startswith("MmPPOX Inhibits Mycobacterium tuberculosis")


def test_relations_from_pmc_xml_carry_their_section(tmp_path, finder):
    path = tmp_path / "article.nxml"
    path.write_text(JATS_ARTICLE)
    extraction = extract(path, "text", "jats", finder=finder)
    assert extraction.source["status"] == STATUS_OK
    assert extraction.source["document"]["format"] == "jats"
    names = extraction.names.set_index("name")
    assert names.loc["PTEN", "section"] == "results"  # "miR-21 targets PTEN" is a subsection of Results
    assert names.loc["SOCS1", "section"] == "figure legend"
    assert {"miR-9", "CDH1", "BRCA2"}.isdisjoint(names.index)  # reference list and acknowledgements
    pairs = {(r.cargo, r.target, r.section) for r in find_relations(extraction.sentences)}
    assert ("hsa-miR-21", "PTEN", "results") in pairs
    assert ("hsa-miR-155", "SOCS1", "figure legend") in pairs
    table = exocargo.find_relations(path=path)
    assert set(table.loc[table["target_symbol"] == "PTEN", "section"]) == {"results"}


def test_bioc_xml_and_json_keep_sections_and_skip_references(tmp_path, finder):
    xml = tmp_path / "paper.bioc.xml"
    xml.write_text(BIOC_XML)
    passages = [
        {"infons": {"section_type": "RESULTS", "type": "paragraph"}, "text": "Exosomal miR-21 directly targets PTEN."},
        {"infons": {"section_type": "REF", "type": "ref"}, "text": "miR-9 targets CDH1. Nature 2010."},
    ]
    as_json = tmp_path / "paper.json"
    as_json.write_text(json.dumps({"PubTator3": [{"id": "1", "passages": passages}]}))
    for path in (xml, as_json):
        extraction = extract(path, "text", "bioc", finder=finder)
        names = extraction.names.set_index("name")
        assert names.loc["PTEN", "section"] == "results", path
        assert "CDH1" not in names.index, path
    assert read_document(xml).section_names() == ["title", "results", "figure legend"]


def test_a_saved_publisher_page_gives_the_article_without_the_page_around_it():
    document = read_document(PUBLISHER_PAGE)
    assert document.sections[0].name == "title"
    assert document.sections[0].paragraphs == ["Gigantic Chinese telescope opens to astronomers worldwide"]
    assert "Eye in the sky" in document.section_names()  # the article's own subheading
    text = document.text
    assert "Tianyan" in text and "4,400 individual aluminium panels" in text
    for furniture in ("Close banner", "Share on Twitter", "Nature Briefing", "Search for this author", "cookies"):
        assert furniture not in text, furniture


def test_a_paper_id_offline_fails_its_list_alone(tmp_path):
    genes = tmp_path / "genes.txt"
    genes.write_text("PTEN\nCD9\n")
    sheet = tmp_path / "sheet.tsv"
    sheet.write_text(f"list_id\tpath\tkind\tdescription\nabstract\tPMID:29768149\t\t\ngenes\t{genes}\tgenes\t\n")
    rows = load_sheet(sheet, schema=SHEET_SCHEMA, paper_dir=tmp_path / "papers", online=False)
    assert rows.loc["abstract", "kind"] == "text" and rows.loc["abstract", "path"] == "PMID:29768149"
    failed = extract(rows.loc["abstract", "path"], "text", "abstract")
    assert failed.source["status"] == STATUS_FAILED
    assert "'online' is false" in failed.source["reason"] and "PMID:29768149" in failed.source["reason"]
    assert extract(rows.loc["genes", "path"], "genes", "genes").source["status"] == STATUS_OK
    online = load_sheet(sheet, schema=SHEET_SCHEMA, paper_dir=tmp_path / "papers", online=True)
    assert online.loc["abstract", "path"] == str(tmp_path / "papers" / "PMID_29768149.xml")


def test_pdf_lines_are_joined_as_the_words_were_written():
    from exocargo.documents.pdf import _join_lines

    assert _join_lines(["Exosomes are se-", "creted by most cells"], set()) == "Exosomes are secreted by most cells"
    assert _join_lines(["Exosomal miR-", "21 targets PTEN"], set()) == "Exosomal miR-21 targets PTEN"
    assert _join_lines(["long non-", "coding RNA"], {"non-coding"}) == "long non-coding RNA"
    assert _join_lines(["TGF-", "β signalling ﬁnds"], set()) == "TGF-β signalling finds"


def test_a_pubmed_record_gives_title_and_abstract():
    document = read_document(PUBMED_RECORD)
    assert document.format == "pubmed" and document.section_names() == ["title", "abstract"]
    assert document.sections[0].paragraphs == ["Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma."]
    assert document.sections[1].paragraphs[0].startswith("Background: In patients with mild asthma")


def pubmed_record_of_pmc_article() -> bytes:
    """The PubMed record of the PMC test article (PMID 23029536): PubMed's XML layout, taken from the
    real record of PMID 29768149, holding that article's own title and abstract."""
    from lxml import etree

    article = read_document(PMC_ARTICLE)
    root = etree.fromstring(PUBMED_RECORD.read_bytes())
    citation = root.find("PubmedArticle/MedlineCitation")
    citation.find("PMID").text = "23029536"
    citation.find("Article/ArticleTitle").text = article.sections[0].paragraphs[0]
    abstract = citation.find("Article/Abstract")
    for child in list(abstract):
        abstract.remove(child)
    for paragraph in article.sections[1].paragraphs:
        etree.SubElement(abstract, "AbstractText").text = paragraph
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


class FakeEutils(BaseHTTPRequestHandler):
    """E-utilities' efetch for the test article, by PMC id (JATS) and by PMID (PubMed XML);
    anything else is a 400 as NCBI answers."""

    requests: list[dict] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        query = parse_qs(urlparse(self.path).query)
        FakeEutils.requests.append(query)
        served = {("pmc", "3460867"): PMC_ARTICLE.read_bytes(), ("pubmed", "23029536"): pubmed_record_of_pmc_article()}
        key = (query.get("db", [""])[0], query.get("id", [""])[0])
        if urlparse(self.path).path == "/efetch.fcgi" and key in served:
            body, status = served[key], 200
        else:
            body, status = b"<eFetchResult><ERROR>UID not found</ERROR></eFetchResult>", 400
        self.send_response(status)
        self.send_header("Content-Type", "text/xml")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.slow
def test_pmc_and_pmid_rows_are_fetched_once_with_eutils_and_read_by_sections(tmp_path):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeEutils)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/efetch.fcgi"
    config_text = (REPO / "config" / "config.yaml").read_text(encoding="utf-8")
    config_text = re.sub(r"(?m)^  eutils_url: .*$", f'  eutils_url: "{url}"', config_text)
    config_text = config_text.replace("\nonline: false", "\nonline: true")
    rows = [{"list_id": "full_text", "path": "PMC3460867"}, {"list_id": "abstract", "path": "PMID:23029536"}]
    work = make_workdir(tmp_path, rows, config_text)
    cached = {
        "full_text": RESOURCES / "papers" / "PMC3460867.xml",
        "abstract": RESOURCES / "papers" / "PMID_23029536.xml",
    }
    targets = [f"results/names/{list_id}.names.tsv" for list_id in cached]
    for path in cached.values():
        path.unlink(missing_ok=True)
    FakeEutils.requests.clear()
    try:
        run_workflow(work, *targets)
        assert cached["full_text"].read_bytes() == PMC_ARTICLE.read_bytes()
        provenance = json.loads(cached["full_text"].with_suffix(".provenance.json").read_text())
        assert provenance["origin"] == f"{url}?db=pmc&id=3460867&retmode=xml"
        assert provenance["files"]["article"]["sha256"] == RECORDED_SHA256[PMC_ARTICLE]
        full_text = read_tsv(work / targets[0]).set_index("name")
        assert full_text.loc["HSL", "section"] == "abstract"
        assert {"introduction", "results", "figure legend"} <= set(full_text["section"])
        abstract = read_tsv(work / targets[1]).set_index("name")
        assert abstract.loc["HSL", "section"] == "abstract" and set(abstract["section"]) <= {"title", "abstract"}
        assert set(abstract.index) < set(full_text.index)  # the abstract names a part of what the paper names
        assert len(FakeEutils.requests) == 2
        for target in targets:
            (work / target).unlink()
        run_workflow(work, *targets)
        assert len(FakeEutils.requests) == 2, "a fetched paper is read from the cache"
    finally:
        httpd.shutdown()
        for path in cached.values():
            path.unlink(missing_ok=True)
            path.with_suffix(".provenance.json").unlink(missing_ok=True)


def article_page(text: str) -> str:
    """The seed article as a saved web page: its paragraphs, headings, page furniture and a reference list."""
    body = text.split("\nReferences\n")[0]
    blocks = [block.strip() for block in re.split(r"\n\s*\n", body) if block.strip()]
    common = {"Abstract", "Background", "Introduction", "Results", "Discussion", "Conclusion", "Conclusions"}

    def is_heading(block: str) -> bool:
        return len(block) < 70 and not block.endswith(".") and (len(block.split()) > 1 or block in common)

    parts = [f"<h2>{html.escape(b)}</h2>" if is_heading(b) else f"<p>{html.escape(b)}</p>" for b in blocks]
    furniture = '<nav class="hide-print"><a href="/">Journal home</a> <a href="/c">miR-4998 collection</a></nav>'
    banner = '<div class="cookie-banner hide-print">We use cookies. Accept the BRCA2 cookie?</div>'
    return (
        "<!DOCTYPE html><html><head><title>Article</title><script>var tracked = 'miR-4999';</script>"
        "<style>@media print { .hide-print { display: none } }</style></head>"
        f"<body>{furniture}{banner}<main><article>{''.join(parts)}"
        f"<section><h2>References</h2><ol><li>{html.escape(REFERENCE_ENTRY)}</li></ol></section>"
        '</article></main><footer class="hide-print">Contact the editors about miR-4996</footer></body></html>'
    )


@pytest.mark.slow
def test_the_same_article_as_text_html_and_printed_pdf_gives_the_same_mentions(tmp_path, finder):
    text_file = seed("001")
    page = tmp_path / "article.html"
    page.write_text(article_page(text_file.read_text()))
    pdf = tmp_path / "article.pdf"
    command = [str(install_chromium()), *CHROMIUM_FLAGS, f"--print-to-pdf={pdf}", page.as_uri()]
    printed = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert pdf.exists(), printed.stderr[-2000:]

    printed_text = read_document(pdf).text
    # Chromium prints the date, the page title, the file URL and "2/18" on every page: none is prose.
    assert "file:///" not in printed_text and not re.search(r"\b\d{1,2}/\d{1,2}/\d{2}, \d", printed_text)

    from_text = extract(text_file, "text", "txt", finder=finder)
    assert from_text.source["status"] == STATUS_OK and len(from_text.names) > 100
    for path, fmt in ((page, "html"), (pdf, "pdf")):
        extraction = extract(path, "text", fmt, finder=finder)
        assert extraction.source["document"]["format"] == fmt
        found = mentions(from_text) & mentions(extraction)
        assert len(found) >= 0.95 * len(mentions(from_text)), (fmt, sorted(mentions(from_text) - found))
        assert {"miR-4997", "KRT75", "miR-4996", "miR-4998", "miR-4999"}.isdisjoint(mentions(extraction)), fmt
        # The review's own headings name the sections its mentions come from.
        assert {"Exosome biogenesis", "Exosome-mediated induction of EMT"} <= set(extraction.names["section"]), fmt

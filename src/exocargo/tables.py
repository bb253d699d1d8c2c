"""Every table the workflow writes, described once: its file, its columns, their types and meaning.

The writers build their frames from ``TABLE.columns``, the readers check them
with :meth:`Table.check`, the report and the tests take column names from here,
and ``docs/tables.md`` is rendered from these definitions
(``python -m exocargo.tables docs/tables.md``; a test checks that it is current).

All tables are tab-separated UTF-8 text with a header line; every column is
read back as text (:func:`exocargo.files.read_tsv`), so ``type`` says how to
read a value, not how pandas stores it. Lists inside one cell use ``;``.

Example
-------
>>> MAPPING_TABLE.columns[:3]
['query', 'input_name', 'entrez_id']
>>> MAPPING_TABLE.column("match_type").type
'text'
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

TYPES = ("text", "integer", "number", "boolean", "list")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    meaning: str


@dataclass(frozen=True)
class Table:
    """One output table: where it is written and what each column holds."""

    name: str
    path: str
    description: str
    fields: tuple[Column, ...]

    @property
    def columns(self) -> list[str]:
        return [field.name for field in self.fields]

    def column(self, name: str) -> Column:
        for field in self.fields:
            if field.name == name:
                return field
        raise KeyError(f"{self.name} has no column {name!r}")

    def typed(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` (read as text) with its integer and number columns as numbers."""
        kinds = {"integer": int, "number": float}
        return frame.astype({c.name: kinds[c.type] for c in self.fields if c.type in kinds and c.name in frame})

    def empty(self) -> pd.DataFrame:
        """A header-only frame: what a step writes when it found nothing."""
        return pd.DataFrame(columns=self.columns)

    def check(self, frame: pd.DataFrame, where: str | Path = "") -> pd.DataFrame:
        """``frame`` itself when its columns are this table's, in order; a clear error otherwise."""
        if list(frame.columns) != self.columns:
            missing = [c for c in self.columns if c not in frame.columns]
            extra = [c for c in frame.columns if c not in self.columns]
            place = f"{where}: " if where else ""
            raise ValueError(
                f"{place}not a {self.name} table (missing columns {missing}, unexpected {extra}); "
                f"it was written by another version of exocargo: delete it and rerun the step"
            )
        return frame


def _table(name: str, path: str, description: str, *fields: tuple[str, str, str]) -> Table:
    for field in fields:
        if field[1] not in TYPES:
            raise ValueError(f"{name}.{field[0]}: unknown type {field[1]}")
    return Table(name, path, description, tuple(Column(*field) for field in fields))


QUERY = ("query", "text", "The query the row belongs to: the list id, or the set name of a GMT input.")

NAMES_TABLE = _table(
    "names",
    "results/names/{list_id}.names.tsv",
    "One row per distinct name of one query, as the input gives it.",
    QUERY,
    ("name", "text", "The name as written (a gene list entry, a figure word, a text mention)."),
    ("type", "text", "What the reader took it for: gene, protein, mirna, lncrna, circrna, family, drug, cancer, word."),
    ("normalized", "text", "The name in the form the mapper is given (miRNA names in miRBase style)."),
    ("count", "integer", "How often the name occurs in the input."),
    ("line", "integer", "Line (lists, figures) or sentence index (texts) of its first occurrence."),
    ("first_sentence", "text", "Texts only: the sentence it first occurs in."),
    ("section", "text", "Texts only: the section of that sentence (abstract, results, figure legend, ...)."),
)

MAPPING_TABLE = _table(
    "mapping",
    "results/mapping/{list_id}.mapping.tsv",
    "Every name's Entrez decision: one row per name-gene pair; a name that maps to no gene has one row "
    "with an empty entrez_id and the reason in note.",
    QUERY,
    ("input_name", "text", "The name as it was read (the names table's name)."),
    ("entrez_id", "text", "NCBI Entrez Gene ID; empty when unmapped."),
    ("symbol", "text", "The gene's approved HGNC symbol."),
    (
        "match_type",
        "text",
        "How the name was matched: entrez, symbol, previous, alias, ensembl, uniprot, family, mirna, "
        "ambiguous (several genes, none chosen) or unmapped.",
    ),
    ("note", "text", "Why: the reading, family or alias that decided, or why nothing matched."),
)

MAPPING_SUMMARY_TABLE = _table(
    "mapping summary",
    "results/mapping/{list_id}.summary.tsv",
    "Names and genes per match type.",
    ("match_type", "text", "A match type of the mapping table."),
    ("names", "integer", "Distinct input names with that match type."),
    ("genes", "integer", "Distinct Entrez IDs they gave."),
)

ENRICHMENT_TABLE = _table(
    "enrichment",
    "results/enrichment/{list_id}.{library}.tsv",
    "Over-representation of each query in each term of one library (one-sided hypergeometric test), "
    "sorted by p-value within each query.",
    QUERY,
    ("term", "text", "The library's term (pathway, GO term, figure)."),
    ("overlap", "text", "overlap_size/term_size, as Enrichr writes it."),
    ("overlap_size", "integer", "Query names in the term (counting by genes: query genes), a family word once."),
    ("term_size", "integer", "Term genes in the background."),
    ("query_size", "integer", "Query names with a gene in the background (counting by genes: query genes)."),
    ("background_size", "integer", "Genes in the background."),
    (
        "p_value",
        "number",
        "P(overlap >= overlap_size): hypergeometric, with each family word drawn as its size (docs/enrichment.md).",
    ),
    ("adjusted_p_value", "number", "Benjamini-Hochberg FDR over the query's terms."),
    ("odds_ratio", "number", "Odds ratio of the 2x2 table (Enrichr's definition)."),
    ("combined_score", "number", "Enrichr's combined score: -ln(p) x odds ratio."),
    ("genes", "list", "HGNC symbols of the overlapping genes."),
    ("entrez_ids", "list", "Entrez IDs of the overlapping genes."),
    ("names", "list", "The query's names whose genes are in the term (a family word once)."),
    (
        "term_group",
        "text",
        "For a significant term: the best term of its group of terms resting on the same hit genes "
        "(enrichment: group_min_jaccard); empty otherwise.",
    ),
)

COMPARISON_TABLE = _table(
    "comparison",
    "results/enrichment/comparison.{library}.tsv",
    "The enrichment tables of all lists side by side, with one FDR over every list's terms.",
    ("list_id", "text", "The list the row comes from."),
    *((c.name, c.type, c.meaning) for c in ENRICHMENT_TABLE.fields),
    ("joint_adjusted_p_value", "number", "Benjamini-Hochberg FDR over all lists' terms of this library."),
)

MIRNA_ENRICHMENT_TABLE = _table(
    "miRNA enrichment",
    "results/cargo/{list_id}.mirna_enrichment.tsv",
    "Pathways over-represented among the miRTarBase targets of a list's miRNAs, with an empirical p-value "
    "from random miRNA sets of matched target counts (targets of miRNAs are not a random gene set).",
    ("library", "text", "The library of the term."),
    ("term", "text", "The term."),
    ("overlap_size", "integer", "Target genes in the term."),
    ("term_size", "integer", "Term genes in the background."),
    ("target_count", "integer", "Distinct targets of the list's miRNAs in the background."),
    ("background_size", "integer", "Genes in the background."),
    ("p_value", "number", "Hypergeometric p-value (treats targets as a random gene set)."),
    ("adjusted_p_value", "number", "Benjamini-Hochberg FDR of p_value."),
    ("empirical_p_value", "number", "Share of random miRNA sets scoring at least as high (with +1 correction)."),
    ("empirical_adjusted_p_value", "number", "Benjamini-Hochberg FDR of empirical_p_value."),
    ("permutations", "integer", "Random miRNA sets drawn."),
    ("seed", "integer", "Random seed of the draws (results are reproducible)."),
    ("mirnas", "list", "The list's miRNAs with a target in the term."),
    ("genes", "list", "Target genes in the term."),
)

CARGO_TABLE = _table(
    "cargo targets",
    "results/cargo/{list_id}.cargo_targets.tsv",
    "Cargo -> target -> pathway rows. For a text or figure: the cargo relations it states, each with its "
    "miRTarBase validation (the database-only targets are in results/cargo/{list_id}.validated_targets.tsv); "
    "for a gene or miRNA list: the miRTarBase targets of each miRNA cargo.",
    ("cargo", "text", "The cargo molecule (miRBase name for miRNAs, HGNC symbol for genes and lncRNAs)."),
    ("cargo_type", "text", "mirna, gene, lncrna, circrna or protein."),
    ("cargo_entrez", "list", "Entrez IDs of the cargo (the MIR loci of a miRNA)."),
    ("target_symbol", "text", "The target as a symbol (or family, pathway name)."),
    ("target_entrez", "list", "Entrez IDs of the target."),
    ("effect", "text", "down, up, inhibits, activates, targets or empty when unstated."),
    ("source", "text", "text, mirtarbase or text+mirtarbase (stated and validated)."),
    ("evidence", "text", "The sentence (text rows) or the experiments and PMIDs (miRTarBase rows)."),
    ("evidence_strength", "text", "stated in text, or miRTarBase's strong / weak functional support."),
    ("donor", "text", "Cell or tissue the vesicles come from, when stated."),
    ("recipient", "text", "Cell or tissue that receives them, when stated."),
    ("drug", "text", "A drug named in the sentence."),
    ("cancer", "text", "A cancer named in the sentence."),
    ("outcome", "text", "An outcome named in the sentence (e.g. metastasis, resistance)."),
    ("pathways", "list", "Up to three significant library terms holding the target, with their FDR."),
    ("document", "text", "The input file the row comes from."),
    ("target_type", "text", "gene, family or pathway."),
    ("stated_pathway", "text", "A pathway the sentence names for the target."),
    ("sentence", "integer", "Sentence index of the evidence in the document (text rows)."),
    ("section", "text", "The document's section of that sentence (abstract, results, figure legend, ...)."),
    ("mirtarbase_mirna", "list", "miRTarBase's miRNA names that matched."),
    (
        "mirtarbase_support",
        "text",
        "miRTarBase support of the pair, or 'not in miRTarBase' with the newest paper the database holds.",
    ),
    ("mirtarbase_pmids", "list", "PubMed IDs miRTarBase cites for the pair."),
    ("citation", "list", "The citation markers of the evidence sentence, as written (text rows)."),
    ("cited", "list", "DOI or PMID of each cited work, where the text's own reference list gives one."),
)

CARGO_EDGES_TABLE = _table(
    "cargo network edges",
    "results/cargo/{list_id}.cargo_edges.tsv",
    "A Cytoscape edge list of the cargo table: cargo -> target (the effect), target -> its first pathway.",
    ("source", "text", "Source node."),
    ("interaction", "text", "Edge type: the effect, or in_pathway."),
    ("target", "text", "Target node."),
    ("source_type", "text", "Node type of source."),
    ("target_type", "text", "Node type of target."),
    ("evidence_source", "text", "text, mirtarbase, text+mirtarbase or library."),
    ("evidence_strength", "text", "As in the cargo table."),
    ("effect", "text", "As in the cargo table."),
    ("drug", "text", "As in the cargo table."),
    ("cancer", "text", "As in the cargo table."),
    ("outcome", "text", "As in the cargo table."),
    ("document", "text", "As in the cargo table."),
    ("evidence", "text", "As in the cargo table."),
)

PFOCR_AGREEMENT_TABLE = _table(
    "PFOCR agreement",
    "results/mapping/{list_id}.pfocr_agreement.tsv",
    "PFOCR figures only: our genes against PFOCR's own for each word, and for the whole figure.",
    ("scope", "text", "word, or figure for the whole-figure row."),
    ("word", "text", "The figure word."),
    ("our_match_type", "text", "Our match type for the word."),
    ("pfocr_source", "text", "How PFOCR matched it (its lexicon source)."),
    ("our_genes", "list", "Our genes for the word."),
    ("pfocr_genes", "list", "PFOCR's genes for the word."),
    ("only_ours", "list", "Genes we give and PFOCR does not."),
    ("only_pfocr", "list", "Genes PFOCR gives and we do not."),
    ("precision", "number", "Share of our genes PFOCR also gives."),
    ("recall", "number", "Share of PFOCR's genes we also give."),
    ("f1", "number", "Harmonic mean of precision and recall."),
    ("cause", "text", "Why the two differ, when known."),
    ("we_are_more_correct", "boolean", "True where the difference is PFOCR's known error (alias or chemical)."),
)

GENES_TABLE = _table(
    "gene table",
    "resources/genes/{nomenclature}/genes.tsv",
    "The human gene table every mapping reads, built once from the pinned nomenclature.",
    ("entrez_id", "text", "NCBI Entrez Gene ID."),
    ("symbol", "text", "Approved symbol."),
    ("name", "text", "Approved full name."),
    ("locus_type", "text", "HGNC locus type (gene with protein product, RNA, micro, ...)."),
    ("aliases", "list", "Alias symbols, |-separated."),
    ("previous", "list", "Previous symbols, |-separated."),
    ("ensembl", "text", "Ensembl gene ID."),
    ("uniprot", "list", "UniProt accessions, |-separated."),
    ("hgnc_id", "text", "HGNC ID."),
    (
        "other_names",
        "list",
        "Other names papers write for the gene, |-separated: MeSH headings and entry terms of a descriptor "
        "mapped to this gene alone, class names left out (exocargo.text.protein_names).",
    ),
)

MIRBASE_HAIRPINS_TABLE = _table(
    "miRBase hairpins",
    "resources/genes/{nomenclature}/mirbase_hairpins.tsv",
    "miRBase hairpin names to their MIR gene loci.",
    ("hairpin", "text", "miRBase hairpin name (hsa-mir-21)."),
    ("entrez_id", "text", "Entrez ID of the MIR gene."),
    ("symbol", "text", "HGNC symbol of the MIR gene (MIR21)."),
)

MIRTARBASE_PAIRS_TABLE = _table(
    "miRTarBase pairs",
    "resources/mirtarbase/{version}/hsa_MTI.pairs.tsv",
    "miRTarBase's human MTI rows, one per miRNA-target pair with the strongest support.",
    ("mirna", "text", "miRTarBase's miRNA name."),
    ("target_symbol", "text", "Target gene symbol."),
    ("target_entrez", "text", "Target Entrez ID."),
    ("strength", "text", "strong (functional MTI) or weak."),
    ("experiments", "list", "The experiments miRTarBase lists."),
    ("pmids", "list", "PubMed IDs."),
)

RELATIONS_TABLE = _table(
    "stated relations",
    "results/relations/{list_id}.relations.tsv",
    "One row per (sentence, regulator, target) statement a text makes, about vesicles or not "
    "(exocargo.text.statements says how sentences are read; exocargo.find_relations(text) gives the same rows).",
    ("regulator", "text", "The regulator, normalised (miRBase name, HGNC symbol, lncRNA symbol, FamPlex family)."),
    ("regulator_type", "text", "mirna, gene, protein, family, lncrna or circrna."),
    ("regulator_as_written", "text", "The regulator as the sentence writes it."),
    (
        "regulator_entrez",
        "list",
        "Entrez IDs of the regulator (empty for a miRNA: its MIR loci are in the cargo table).",
    ),
    ("target_as_written", "text", "The target as the sentence writes it."),
    ("target_symbol", "text", "The target's HGNC symbol, miRBase name or FamPlex family; empty for a pathway."),
    ("target_entrez", "list", "Entrez IDs of the target (several for a family)."),
    ("target_type", "text", "gene, family, mirna, lncrna, circrna or pathway."),
    ("effect", "text", "down, up, inhibits, activates, targets or unspecified (regulates, modulates, affects)."),
    (
        "via",
        "text",
        "The intermediate when the target is reached through another name (X down-regulates A, "
        "which activates B: X -> B via A); empty for a direct statement.",
    ),  # fmt: skip
    ("ev_context", "boolean", "The sentence or its paragraph places the regulator in or on vesicles (cargo)."),
    ("negated", "boolean", "The statement is negated (did not affect, no effect on)."),
    ("hedged", "boolean", "The sentence hedges (may, suggests, predicted, putative)."),
    ("sentence", "integer", "Sentence index in the text."),
    ("section", "text", "The text's section of that sentence (abstract, results, figure legend, ...)."),
    ("evidence", "text", "The sentence, whitespace collapsed."),
    ("citation", "list", "The citation markers the sentence gives, as written ([61]; (Smith et al., 2019))."),
    ("cited", "list", "DOI or PMID of each cited work, where the text's own reference list gives one."),
)

MENTIONS_TABLE = _table(
    "mentions",
    "results/names/{list_id}.mentions.tsv",
    "One row per occurrence of a name in a text or figure caption; the names table is the per-name summary.",
    (
        "start",
        "integer",
        "Offset of the mention's first character in the document text as read (for a plain-text "
        "file its decoded content; for PDF, HTML and XML the text exocargo.read_paper gives); -1 when the "
        "written form was rewritten while reading (a LaTeX letter).",
    ),  # fmt: skip
    ("end", "integer", "Offset just after its last character (-1 as for start)."),
    ("text", "text", "The mention as written."),
    ("type", "text", "gene, protein, mirna, lncrna, circrna, family, drug or cancer."),
    ("normalized", "text", "Symbol, miRBase name, family, drug or cancer name."),
    ("entrez_id", "text", "The one Entrez ID of a gene mention; empty for a family or an ambiguous name."),
    (
        "note",
        "text",
        "For a family or an ambiguous name, its candidate Entrez IDs; for a name its paragraph's other genes "
        "decided, which genes and gene set decided it.",
    ),  # fmt: skip
    ("sentence", "integer", "Sentence index in the text."),
    ("section", "text", "The text's section of that sentence."),
)

SHEET_TABLE = _table(
    "gene-list sheet",
    "config/genelists.tsv",
    "The input sheet: one row per input file (see config/README.md).",
    ("list_id", "text", "Unique id of the list; names every output."),
    ("path", "text", "The input file, or a PFOCR figure id."),
    ("kind", "text", "genes, pfocr, text or gmt; empty = detected from the content."),
    ("description", "text", "Free text shown in the reports."),
)

ROW_BATCH_TABLE = _table(
    "row batch",
    "results/row_batches/{step}.{batch}.tsv",
    "What one batch job of a step wrote (sheets of many rows, `batching` in the config): one row per "
    "file. Later batch jobs depend on this table instead of on each file, and rerun when it changes.",
    ("row", "text", "The row: its list_id (and library, for per-library steps)."),
    ("file", "text", "A file the step wrote for that row."),
    ("sha256", "text", "The file's SHA-256."),
)

ALL_TABLES = (
    NAMES_TABLE,
    MAPPING_TABLE,
    MAPPING_SUMMARY_TABLE,
    ENRICHMENT_TABLE,
    COMPARISON_TABLE,
    MIRNA_ENRICHMENT_TABLE,
    CARGO_TABLE,
    CARGO_EDGES_TABLE,
    PFOCR_AGREEMENT_TABLE,
    GENES_TABLE,
    MIRBASE_HAIRPINS_TABLE,
    MIRTARBASE_PAIRS_TABLE,
    RELATIONS_TABLE,
    MENTIONS_TABLE,
    ROW_BATCH_TABLE,
)


def markdown(tables: tuple[Table, ...] = ALL_TABLES) -> str:
    """The column reference of ``docs/tables.md``."""
    out = [
        "# Output tables",
        "",
        "Written from `exocargo/tables.py` by `make docs` (`python -m exocargo.tables docs/tables.md`);",
        "edit the definitions there, not this file. Every table is tab-separated UTF-8 with a header;",
        "`list` cells hold `;`-separated values (`|` in the gene table).",
        "",
    ]
    for table in tables:
        out += [f"## {table.name}", "", f"`{table.path}`: {table.description}", ""]
        out += ["| column | type | meaning |", "|---|---|---|"]
        out += [f"| `{c.name}` | {c.type} | {c.meaning} |" for c in table.fields]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    if target is None:
        print(markdown())
    else:
        target.write_text(markdown())

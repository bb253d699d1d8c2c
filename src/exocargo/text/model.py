"""What the text reader finds: a :class:`Mention` (where, as written, type, normalised name) and a
:class:`Sentence` with its mentions, section and citations, as the extract step writes them and the
relations and cargo steps read them back."""

from __future__ import annotations

from dataclasses import asdict, dataclass

MENTION_TYPES = ("gene", "protein", "mirna", "lncrna", "circrna", "family", "drug", "cancer")
# Joins the miRNAs one mention stands for ("miR-221/222" -> "hsa-miR-221/hsa-miR-222"): a form the mapper reads.
MIRNA_SEPARATOR = "/"


@dataclass(frozen=True)
class Mention:
    """One mention in a sentence: where, as written, its type and normalised name."""

    start: int
    end: int
    text: str
    type: str
    normalized: str
    entrez: tuple[str, ...] = ()
    note: str = ""  # how an ambiguous name was decided, when the text decided it


@dataclass
class Sentence:
    index: int  # 1-based position in the document
    paragraph: int
    text: str
    mentions: list[Mention]
    section: str = ""  # the paper's section (exocargo.documents.model), "" for a figure's caption
    citations: tuple[str, ...] = ()  # citation markers as written ("[61]", "(Smith et al., 2019)")
    cited: tuple[str, ...] = ()  # DOIs / PMIDs of the cited works found in the document's reference list

    def record(self) -> dict:
        """The sentence as JSON-ready data: the extract step writes it, the cargo step reads it back."""
        return {**asdict(self), "mentions": [{**asdict(m), "entrez": list(m.entrez)} for m in self.mentions]}

    @classmethod
    def from_record(cls, record: dict) -> Sentence:
        mentions = [Mention(**{**m, "entrez": tuple(m["entrez"])}) for m in record["mentions"]]
        return cls(
            record["index"], record["paragraph"], record["text"], mentions, record.get("section", ""),
            tuple(record.get("citations", ())), tuple(record.get("cited", ())),
        )  # fmt: skip

"""Text mining: sentences, gene/protein/miRNA/lncRNA mentions, and the relations a text states."""

from exocargo.text.mentions import MentionFinder, mine_text
from exocargo.text.model import Mention, Sentence
from exocargo.text.offsets import names_table
from exocargo.text.relations import Relation, find_relations
from exocargo.text.sentences import body_text, split_sentences

__all__ = [
    "MentionFinder",
    "Mention",
    "Sentence",
    "mine_text",
    "names_table",
    "body_text",
    "split_sentences",
    "Relation",
    "find_relations",
]

"""Text mining: sentences, gene/protein/miRNA/lncRNA mentions, and the relations a text states."""

from exocargo.text.mentions import Mention, MentionFinder, Sentence, body_text, mine_text, names_table, split_sentences
from exocargo.text.relations import Relation, find_relations

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

"""Names shortened in a coordination: ``MMP-2 and -9`` names MMP-9, ``CDK4 and 6`` names CDK6.

Papers list members of a numbered series by writing the stem once: ``IL-6 and -8``, ``ERK1 and 2``,
``SMAD2, 3 and 4``, ``TGF-β1 and -β2``, ``IL-1α and -β``. Each later item repeats the shape of the first
name's ending (digits, a Greek letter and digits, or a Greek letter alone) and takes the first name's
stem. Only items close in number to the first (within :data:`NEAREST`) count, and not an item followed
by a unit or a count noun (``IL-6 and 8 h``, ``CD44 and 3 patients``): there the number is a quantity.
The caller decides whether the first name and each rebuilt name are genes.

>>> [(name, text, first) for _, _, text, name, first in elided_names("MMP-2 and -9 were raised")]
[('MMP-9', '-9', 'MMP-2')]
>>> [name for *_, name, _ in elided_names("CDK4 and 6 inhibitors, SMAD2, 3 and 4, TGF-β1 and -β2")]
['CDK6', 'SMAD3', 'SMAD4', 'TGF-β2']
>>> [name for *_, name, _ in elided_names("IL-1α and -β")]
['IL-1β']
>>> [(text, name) for _, _, text, name, _ in elided_names("TGF-β receptor I and II")]
[('II', 'TGF-β receptor II'), ('II', 'receptor II')]
>>> elided_names("IL-6 and 8 h later; CD44 and 3 other markers")
[]
"""

from __future__ import annotations

import re

GREEK = r"(?:α|β|γ|δ|ε|κ|alpha|beta|gamma|delta|epsilon|kappa)"
# A first name: a stem (letters, then letters or digits, maybe a hyphen) and its numbered or Greek ending.
FIRST = re.compile(rf"(?<![\w-])(?P<stem>[A-Za-z][A-Za-z]*(?:\d+[A-Za-z]+)?-?)(?P<ending>{GREEK}?\d{{1,3}}[A-Za-z]?)$")
ITEM = re.compile(
    rf"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+)(?P<dash>-)?(?P<item>{GREEK}?\d{{1,3}}[A-Za-z]?|{GREEK})(?![\w-])"
)
# The first name's stem when its ending is a Greek letter after digits or a hyphen: "IL-1" of "IL-1α".
GREEK_ENDING = re.compile(rf"(?P<stem>[A-Za-z].*[\d-])(?P<ending>{GREEK})$")
# After a number, a unit or a count noun makes it a quantity.
QUANTITY_AFTER = re.compile(
    r"\s*(?:%|[µμunpmk]?[MgLlm]\b|h\b|hr|hours?|min|minutes?|s\b|sec|seconds?|days?|weeks?|months?|years?|"
    r"fold|times|patients|cases|samples|subjects|individuals|mice|rats|cells|other|more|of\b|new|novel|different)",
    re.IGNORECASE,
)
NEAREST = 20  # IL-1 and 18, IL-10 and 22: series members cited together are close in number
# Where a coordination may go on: "IL-6 and -8", "SMAD2, 3", "IL-1α and -β".
SEPARATOR = re.compile(r"(?=(?:\s*,\s*|\s+(?:and|or|&)\s+)-?(?:[α-κ]|[a-z]+)?\d|\s+(?:and|or)\s+-)")
# "TGF-β receptor I and II", "synapsin I, II and III": Roman numerals after a name of one or two words.
NUMERAL = r"(?:I{1,3}|IV)"
ROMAN_SERIES = re.compile(
    rf"(?<=\s)(?P<first>{NUMERAL})(?P<rest>(?:(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+){NUMERAL}(?![\w-]))+)"
)
ROMAN_ITEM = re.compile(rf"(?<![\w-]){NUMERAL}(?![\w-])")
STEM_WORDS = re.compile(r"(?:(?P<two>[\w-]+\s+)?(?P<one>[\w-]+\s+))$")
TOKEN_BEFORE = re.compile(r"[A-Za-z][\w-]*$")


def _shape(ending: str) -> str:
    """``greek`` + ``digits`` of an ending: "β1" -> "gd", "6" -> "d", "α" -> "g"."""
    greek = "g" if re.match(GREEK, ending) else ""
    return greek + ("d" if re.search(r"\d", ending) else "")


def _number(ending: str) -> int | None:
    digits = re.search(r"\d+", ending)
    return int(digits.group(0)) if digits else None


def elided_names(sentence: str) -> list[tuple[int, int, str, str, str]]:
    """``(start, end, text as written, rebuilt name, first name)`` of each shortened item of a coordination."""
    found: list[tuple[int, int, str, str, str]] = []
    for separator in SEPARATOR.finditer(sentence):
        head = TOKEN_BEFORE.search(sentence, 0, separator.start())
        if head is None or (found and head.start() < found[-1][1]):
            continue
        # "IL-1α": the stem keeps its number, the items are Greek letters.
        first = GREEK_ENDING.match(head.group(0)) or FIRST.search(head.group(0))
        if first is None:
            continue
        stem, ending = first.group("stem"), first.group("ending")
        shape, number = _shape(ending), _number(ending)
        items, at = [], separator.start()
        while match := ITEM.match(sentence, at):
            item = match.group("item")
            if _shape(item) != shape or (number is not None and abs((_number(item) or 0) - number) > NEAREST):
                break
            items.append((match.start("dash") if match.group("dash") else match.start("item"), match.end(), item))
            at = match.end()
        if not items or QUANTITY_AFTER.match(sentence, at):
            continue
        # "IL-6 and -8": a hyphen before the item repeats the stem's own hyphen.
        found += [(start, end, sentence[start:end], stem + item, head.group(0)) for start, end, item in items]
    return found + _roman_series(sentence)


def _roman_series(sentence: str) -> list[tuple[int, int, str, str, str]]:
    """``TGF-β receptor I and II``: the later numerals, each with the name's one- and two-word stems."""
    found = []
    for series in ROMAN_SERIES.finditer(sentence):
        words = STEM_WORDS.search(sentence, 0, series.start())
        if words is None or QUANTITY_AFTER.match(sentence, series.end()):
            continue
        stems = ((words.group("two") or "") + words.group("one"), words.group("one"))
        for item in ROMAN_ITEM.finditer(sentence, series.start("rest"), series.end()):
            found += [
                (item.start(), item.end(), item.group(0), stem + item.group(0), stem + series["first"])
                for stem in stems
            ]
    return found

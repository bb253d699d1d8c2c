"""The one table of Greek letters that gene and protein names use, and how papers spell them.

``TNF-α``, ``TNF-alpha`` and (LaTeX) ``TNF-$\\alpha$`` are one name; mapping, text mining and
the cargo tables all read the letters through this table.

>>> spell_greek("NF-κB")
'NF-kappaB'
"""

from __future__ import annotations

import re
from functools import lru_cache

# Every Greek letter HGNC's approved names spell out ("protein kinase C zeta", "casein kinase 1 epsilon",
# "DNA polymerase theta", "estrogen related receptor gamma"); the short ones that are also English or
# symbol parts (nu, xi, pi, rho, chi, phi, psi) are left out: "RhoA" is no rho A.
LETTER_NAMES = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta", "η": "eta", "θ": "theta",
    "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "σ": "sigma", "τ": "tau", "ω": "omega",
}  # fmt: skip
NAME_LETTERS = {name: letter for letter, name in LETTER_NAMES.items()}
# Glyphs OCR and fonts put in place of a Greek letter (German sharp s for beta).
LOOKALIKES = {"ß": "β"}
LETTER_NAME_PATTERN = "|".join(sorted(NAME_LETTERS, key=len, reverse=True))


@lru_cache(maxsize=1 << 17)  # called for every token of every document: tokens repeat
def spell_greek(text: str) -> str:
    """Greek letters (and their look-alikes) spelled out in Latin letters."""
    if text.isascii():  # no Greek letter or look-alike is ASCII: most names are returned as they are
        return text
    return "".join(LETTER_NAMES.get(LOOKALIKES.get(char, char), char) for char in text)


def squash_name(text: str) -> str:
    """A name reduced to lower-case letters and digits, Greek letters spelled: for matching written forms."""
    return re.sub(r"[^a-z0-9]", "", spell_greek(text).lower())

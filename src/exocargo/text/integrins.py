"""Integrin heterodimers written by their two chains: ``αvβ5`` is ITGAV with ITGB5.

Papers name an integrin by its alpha and beta chains (``αvβ3``, ``integrin α6β4``, ``alpha v
beta 3``, ``αIIbβ3``); HGNC names the chains ITGA* and ITGB*. Latin ``a``/``b`` count only right
after the word *integrin* (``integrin avb3``). Numbered alpha chains (``α4β2``) count only in a
sentence that names integrins: ``α4β2`` is also a nicotinic and ``α1β2`` a GABA-A receptor.

>>> [(text, a, b) for _, _, text, a, b in integrin_dimers("Integrin αvβ5 and α4β2 nicotinic receptors")]
[('Integrin αvβ5', 'ITGAV', 'ITGB5'), ('α4β2', 'ITGA4', 'ITGB2')]
>>> integrin_dimers("Nicotinic α4β2 receptors bind nicotine.")
[]
"""

from __future__ import annotations

import re

INTEGRIN_DIMER = re.compile(
    r"(?<![\w-])(?:(?P<word>integrins?)\s+)?(?:α|alpha[\s-]?|(?(word)a|(?!)))(?P<alpha>v|IIb|\d{1,2}[A-Za-z]?|[LMXED])"
    r"[\s-]?(?:β|beta[\s-]?|(?(word)b|(?!)))(?P<beta>\d)(?![\w])",
    re.IGNORECASE,
)


def integrin_dimers(sentence: str) -> list[tuple[int, int, str, str, str]]:
    """``(start, end, text, alpha chain symbol, beta chain symbol)`` of each heterodimer in a sentence."""
    names_integrins = "integrin" in sentence.lower()
    found = []
    for match in INTEGRIN_DIMER.finditer(sentence):
        alpha = match.group("alpha").upper()
        if alpha[0].isdigit() and not names_integrins:
            continue
        alpha = "2B" if alpha == "IIB" else alpha
        found.append((match.start(), match.end(), match.group(0), f"ITGA{alpha}", f"ITGB{match.group('beta')}"))
    return found

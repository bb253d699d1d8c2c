"""microRNA names: every written form to miRBase-style names and MIR genes.

Papers write one miRNA many ways: ``miR-21``, ``miR-21-5p``, ``hsa-miR-21-5p``,
``microRNA-21``, ``mir-21``, ``let-7a``, ``miR-221/222`` (two miRNAs),
``miR-181a/b`` (two), ``miR-200 family`` (five), ``miR-17-92 cluster`` or
``miR-17~92`` (six).
:func:`parse_mirnas` turns such a string into :class:`MirnaName` objects, and
:func:`hairpins_for` finds the precursor hairpins (hence the MIR genes) each
one comes from, using the miRBase hairpin table (``mirbase_hairpins.tsv``).

Example
-------
>>> [m.mature_name for m in parse_mirnas("miR-221/222")]
['hsa-miR-221', 'hsa-miR-222']
>>> parse_mirnas("hsa-let-7a-5p")[0].mature_name
'hsa-let-7a-5p'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from string import ascii_lowercase

# Members of miRNA families and clusters that do not share the family's number.
# Source: miRBase 22.1 family MIPF0000019 (mir-8: miR-200a/b/c, miR-141, miR-429)
# and the miR-17~92 cluster (MIR17HG; Ota et al. 2004, doi:10.1111/j.1349-7006.2004.tb03204.x).
EXTRA_FAMILY_MEMBERS: dict[str, list[str]] = {
    "200": ["hsa-miR-200a", "hsa-miR-200b", "hsa-miR-200c", "hsa-miR-141", "hsa-miR-429"],
    "17-92": ["hsa-miR-17", "hsa-miR-18a", "hsa-miR-19a", "hsa-miR-20a", "hsa-miR-19b", "hsa-miR-92a"],
}

# "pre-miR-21" and "pri-miR-21" name the precursors of miR-21: "pre" and "pri" are no species prefixes.
_PRECURSOR = r"(?:pr[ei]-)"
_SPECIES = r"(?P<species>(?!pr[ei]-)[a-z]{3})-"
_STEM = r"(?P<stem>micro-?RNA|miRNA|miR|mir|let)"
_BODY = r"(?P<number>\d+)(?P<letter>[a-z])?(?!\d)(?:-(?P<locus>\d)(?![\dp]))?(?:-(?P<arm>[35]p)|(?P<star>\*))?"
# "/222", "/-222", "/miR-222", "/b" and "/222-3p" continue a slash list.
_MORE = r"(?:\s?/\s?(?:-|miR-|mir-)?(?:\d+[a-z]?(?!\d)(?:-[35]p)?|[a-z](?![a-z])))*"
_GROUP = r"(?P<group>[\s-](?:family|cluster|cluster\s+members))?"

# "microRNAs--miR-17-5, miR-20a--which": two hyphens are a dash, not part of a name.
MIRNA_MENTION = re.compile(
    rf"(?:(?<![\w-])|(?<=--)){_PRECURSOR}?(?:{_SPECIES})?{_STEM}[- ]?(?:(?P<cluster>\d+~\d+|\d+-\d+(?=\s+cluster))(?:\s+cluster)?|{_BODY}{_MORE}{_GROUP})",
    re.IGNORECASE,
)
_ONE = re.compile(rf"^(?:{_SPECIES})?{_STEM}[- ]?{_BODY}$", re.IGNORECASE)


@dataclass(frozen=True)
class MirnaName:
    """One miRNA: ``let``/``miR``, number, letter, locus (hairpin copy) and arm."""

    stem: str  # "miR" or "let"
    number: str
    letter: str = ""
    locus: str = ""
    arm: str = ""
    species: str = "hsa"
    via: str = ""  # how it was reached: "", "slash list", "family", "cluster"

    @property
    def base(self) -> str:
        return f"{self.species}-{self.stem}-{self.number}{self.letter}"

    @property
    def mature_name(self) -> str:
        """miRBase-style name: ``hsa-miR-21-5p``, or ``hsa-miR-21`` when the arm is not given."""
        name = self.base
        if self.locus:
            name += f"-{self.locus}"
        return f"{name}-{self.arm}" if self.arm else name

    @property
    def is_human(self) -> bool:
        return self.species == "hsa"


def _stem_of(raw: str) -> str:
    return "let" if raw.lower() == "let" else "miR"


def _from_match(match: re.Match) -> MirnaName:
    arm = (match.group("arm") or "").lower()
    return MirnaName(
        stem=_stem_of(match.group("stem")),
        number=match.group("number"),
        letter=(match.group("letter") or "").lower(),
        locus=match.group("locus") or "",
        arm=arm,
        species=(match.group("species") or "hsa").lower(),
    )


def parse_mirnas(text: str) -> list[MirnaName]:
    """All miRNAs a name stands for; empty when it is not a miRNA name.

    The whole string must be one mention (use :data:`MIRNA_MENTION` to find
    mentions inside prose). Slash lists expand to each member; ``family``
    expands to every miRNA with that number (and the extra members listed in
    :data:`EXTRA_FAMILY_MEMBERS`); ``cluster`` expands to its members.
    """
    text = text.strip()
    match = MIRNA_MENTION.fullmatch(text)
    if not match:
        return []
    species = (match.group("species") or "hsa").lower()
    if match.group("cluster"):
        key = re.sub(r"[~]", "-", match.group("cluster"))
        members = EXTRA_FAMILY_MEMBERS.get(key, [])
        return [_replace_via(parse_one(m), "cluster") for m in members]
    first = _from_match(match)
    names = [first]
    body_end = max(match.end(g) for g in ("number", "letter", "locus", "arm", "star") if match.group(g))
    for part in re.findall(
        r"/\s?(?:-|miR-|mir-)?(\d+[a-z]?(?:-[35]p)?|[a-z])(?![a-z\d])", text[body_end:], re.IGNORECASE
    ):
        if part.isalpha():
            names.append(MirnaName(first.stem, first.number, part.lower(), arm=first.arm, species=species))
        else:
            sub = re.match(r"(\d+)([a-z]?)(?:-([35]p))?", part, re.IGNORECASE)
            arm = (sub.group(3) or "").lower()
            names.append(MirnaName(first.stem, sub.group(1), sub.group(2).lower(), arm=arm, species=species))
    if len(names) > 1:
        names = [_replace_via(n, "slash list") for n in names]
    if match.group("group") and "family" in match.group("group").lower():
        extra = [parse_one(m) for m in EXTRA_FAMILY_MEMBERS.get(first.number, [])]
        family = MirnaName(first.stem, first.number, species=species, via="family")
        return [family] + [_replace_via(m, "family") for m in extra if m.number != first.number]
    if match.group("group"):  # "cluster members" with a single number: the cluster host
        key = first.number
        return [_replace_via(parse_one(m), "cluster") for m in EXTRA_FAMILY_MEMBERS.get(key, [])] or names
    return list(dict.fromkeys(names))


def _replace_via(name: MirnaName, via: str) -> MirnaName:
    return MirnaName(name.stem, name.number, name.letter, name.locus, name.arm, name.species, via)


def parse_one(name: str) -> MirnaName:
    """Parse a single canonical name such as ``hsa-miR-200a`` (no lists)."""
    match = _ONE.match(name)
    if not match:
        raise ValueError(f"not a single miRNA name: {name!r}")
    return _from_match(match)


def find_mentions(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, mention)`` of every miRNA mention in prose."""
    return [(m.start(), m.end(), m.group(0).rstrip()) for m in MIRNA_MENTION.finditer(text)]


def hairpins_for(name: MirnaName, hairpins: dict[str, list[str]]) -> tuple[list[str], str]:
    """Precursor hairpins a miRNA can come from, and a note saying how they were chosen.

    ``hairpins`` maps lower-case miRBase hairpin names (``hsa-mir-21``) to
    Entrez IDs. ``let-7a`` comes from three hairpins (``hsa-let-7a-1..3``);
    a name without a letter whose plain hairpin does not exist (``miR-199``)
    stands for every lettered paralog, and the note says so.
    """
    if not name.is_human:
        return [], f"{name.species} is not a human miRBase prefix"
    stem = "let" if name.stem == "let" else "mir"
    base = f"hsa-{stem}-{name.number}{name.letter}"
    if name.locus:
        exact = f"{base}-{name.locus}"
        if exact in hairpins:
            return [exact], ""
        if name.locus not in "35" or not _loci(base, hairpins):
            return [], f"no hairpin {exact} in miRBase"
    found = _loci(base, hairpins)
    if found and name.locus:  # "miR-17-5": no hairpin copy 5, so the arm written without its "p" (5p)
        return found, f"no hairpin {base}-{name.locus}: read -{name.locus} as the {name.locus}p arm"
    if found:
        note = f"{len(found)} hairpin loci" if len(found) > 1 else ""
        return found, note
    if not name.letter:
        found = sorted(h for letter in ascii_lowercase for h in _loci(base + letter, hairpins))
        if found:
            return found, f"no letter given: all {len(found)} paralog hairpins of {base}"
    return [], f"no hairpin {base} in miRBase"


def _loci(base: str, hairpins: Mapping[str, list[str]]) -> list[str]:
    """``base`` and its numbered copies (``hsa-let-7a-1``...) present in ``hairpins``, sorted.

    Looked up by name rather than by scanning, so that mapping many miRNAs stays fast.
    """
    return sorted(h for h in (base, *(f"{base}-{copy}" for copy in range(10))) if h in hairpins)

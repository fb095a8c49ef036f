"""Parse a free-text creator credit ("attributed to X", "A (artist); B (publisher)") into links.

Catalogue credits mix names, roles and attribution qualifiers in one string. The parser
splits them so that the agent is always the person or body itself and the uncertainty
("manner of", "after") stays on the link, where it belongs.
"""

import re
from dataclasses import dataclass

DEFAULT_ROLE = "creator"

# Credits that name nobody.
_NOBODY = {"anonymous", "unknown", "unknown artist", "anonymous artist", "unidentified artist"}

# Qualifiers written before the name: "attributed to Rembrandt".
_PREFIX_QUALIFIERS = (
    "attributed to",
    "manner of",
    "workshop of",
    "studio of",
    "circle of",
    "follower of",
    "followers of",
    "school of",
    "style of",
    "copy after",
    "after",
)

# Qualifiers written after the name, in parentheses: "Rubens (after)".
_SUFFIX_QUALIFIERS = {
    "after",
    "attributed",
    "workshop",
    "studio",
    "circle",
    "school",
    "follower",
    "copy",
    "?",
}

_SUFFIX_PHRASES = {
    "attributed": "attributed to",
    "workshop": "workshop of",
    "studio": "studio of",
    "circle": "circle of",
    "school": "school of",
    "follower": "follower of",
    "copy": "copy after",
    "?": "possibly by",
}

# Notes on the record, written after the name: "Govert Flinck (attribution as given by
# source)". They are for curators; the public sees the qualifier they imply, if any.
_RECORD_NOTES = {
    "attribution as given by source": "attributed to",
    "as named by source": "",
}

# Roles written after the name, in parentheses: "James Ridgway (publisher)".
_ROLES = {
    "artist": "artist",
    "author": "author",
    "painter": "painter",
    "sculptor": "sculptor",
    "engraver": "engraver",
    "etcher": "etcher",
    "lithographer": "lithographer",
    "draughtsman": "draughtsman",
    "illustrator": "illustrator",
    "photographer": "photographer",
    "printer": "printer",
    "publisher": "publisher",
    "editor": "editor",
    "designer": "designer",
    "architect": "architect",
    "maker": "maker",
    "manufacturer": "manufacturer",
    "issuer": "issuer",
    # "Louis Dubeux (publication)": credited through the book the plate comes from.
    "publication": "author of publication",
}

# Words that mark a corporate body, which is never split on " and ".
_BODY_WORDS = {
    "bank",
    "banking",
    "brothers",
    "co",
    "co.",
    "company",
    "corporation",
    "department",
    "fonds",
    "gallery",
    "institute",
    "library",
    "museum",
    "photo",
    "press",
    "society",
    "sons",
    "studio",
    "university",
    "workshop",
}
_PARTICLES = {"da", "de", "del", "della", "der", "den", "di", "du", "la", "le", "ter", "van", "von"}
_TRAILING_PARENS = re.compile(r"^(?P<rest>.*\S)\s*\((?P<inner>[^()]*)\)$")


@dataclass(frozen=True)
class CreatorCredit:
    """One agent named in a credit, with its role and attribution qualifier."""

    name: str
    role: str = DEFAULT_ROLE
    qualifier: str = ""
    # A cataloguing note about this credit ("attribution as given by source"): curators only.
    note: str = ""


def parse_creators(credit: str | None) -> list[CreatorCredit]:
    """Split a creator string into credits; "Anonymous", empty or None give none."""
    if credit is None:
        return []
    credits: list[CreatorCredit] = []
    for part in credit.split(";"):
        part = _squash(part)
        if not part or part.lower() in _NOBODY:
            continue
        for found in _parse_part(part):
            if found not in credits and found.name.lower() not in _NOBODY:
                credits.append(found)
    return credits


def credit_phrase(credits: list[CreatorCredit]) -> str:
    """How an alt text names the makers: "by A and B", "attributed to A", "after A"."""
    phrases = [_phrase(c) for c in credits]
    if all(p.startswith("by ") for p in phrases):
        return "by " + " and ".join(c.name for c in credits) if credits else ""
    return "; ".join(phrases)


def _phrase(credit: CreatorCredit) -> str:
    qualifier = credit.qualifier
    if qualifier in _PREFIX_QUALIFIERS:
        return f"{qualifier} {credit.name}"
    if qualifier in _SUFFIX_PHRASES:
        return f"{_SUFFIX_PHRASES[qualifier]} {credit.name}"
    return f"by {credit.name}"


def _parse_part(part: str) -> list[CreatorCredit]:
    role, qualifier, note = DEFAULT_ROLE, "", ""
    lowered = part.lower()
    for prefix in _PREFIX_QUALIFIERS:
        if lowered.startswith(prefix + " "):
            qualifier, part = prefix, part[len(prefix) + 1 :].strip()
            break
    # Peel recognised parentheses off the end; an unrecognised one is part of the name
    # ("Dornac (Paul Marsan)").
    while match := _TRAILING_PARENS.match(part):
        inner = _squash(match["inner"]).lower()
        if inner in _ROLES and role == DEFAULT_ROLE:
            role = _ROLES[inner]
        elif inner in _SUFFIX_QUALIFIERS and not qualifier:
            qualifier = inner
        elif inner in _RECORD_NOTES and not note:
            note = inner
            qualifier = qualifier or _RECORD_NOTES[inner]
        else:
            break
        part = match["rest"].strip()
    return [
        CreatorCredit(name=name, role=role, qualifier=qualifier, note=note)
        for name in _split_and(part)
    ]


def _split_and(name: str) -> list[str]:
    """Split "James Stuart and Nicholas Revett"; keep "Workers', Peasants' and Soldiers' Bank"."""
    halves = name.split(" and ")
    if len(halves) == 2 and all(_looks_like_personal_name(h) for h in halves):
        return [halves[0].strip(), halves[1].strip()]
    return [name]


def _looks_like_personal_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5 or any(ch in text for ch in ",'’&()/0123456789"):
        return False
    for word in words:
        if word.lower() in _BODY_WORDS:
            return False
        if not (word[0].isupper() or word.lower() in _PARTICLES):
            return False
    return True


def _squash(text: str) -> str:
    return " ".join(text.split())

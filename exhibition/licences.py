"""The licences Vitrine knows, by SPDX-like identifier, and the public credit line.

An imported record must name one of these; an unknown id is a bad record, because a
museum must never publish an object under terms it cannot state.

A record's ``attribution`` and ``source`` are what the cataloguer received: they mix the
credit a reuser must give with notes on how the record was made ("as collected by the
source repository", "not recorded in the source"). Those notes are for curators. The
public sees one credit line, "Public domain · Image: Wikimedia Commons", built here and
nowhere else: licence, then the credit with the cataloguing notes taken out.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop


@dataclass(frozen=True)
class Licence:
    id: str
    name: str
    url: str
    requires_attribution: bool
    # What a credit line says, e.g. "Public domain" or "CC BY 4.0".
    short_name: str

    @property
    def display_name(self) -> str:
        """The name in the visitor's language; ``name`` stays English for machine files."""
        return gettext(self.name)


_LICENCES = [
    Licence(
        "PDM-1.0",
        gettext_noop("Public Domain Mark 1.0"),
        "https://creativecommons.org/publicdomain/mark/1.0/",
        False,
        "Public domain",
    ),
    Licence(
        "CC0-1.0",
        gettext_noop("CC0 1.0 Universal"),
        "https://creativecommons.org/publicdomain/zero/1.0/",
        False,
        "Public domain (CC0)",
    ),
    Licence(
        "CC-BY-4.0",
        gettext_noop("Creative Commons Attribution 4.0"),
        "https://creativecommons.org/licenses/by/4.0/",
        True,
        "CC BY 4.0",
    ),
    Licence(
        "CC-BY-3.0",
        gettext_noop("Creative Commons Attribution 3.0"),
        "https://creativecommons.org/licenses/by/3.0/",
        True,
        "CC BY 3.0",
    ),
    Licence(
        "CC-BY-2.0",
        gettext_noop("Creative Commons Attribution 2.0"),
        "https://creativecommons.org/licenses/by/2.0/",
        True,
        "CC BY 2.0",
    ),
    Licence(
        "CC-BY-SA-4.0",
        gettext_noop("Creative Commons Attribution-ShareAlike 4.0"),
        "https://creativecommons.org/licenses/by-sa/4.0/",
        True,
        "CC BY-SA 4.0",
    ),
    Licence(
        "CC-BY-SA-3.0",
        gettext_noop("Creative Commons Attribution-ShareAlike 3.0"),
        "https://creativecommons.org/licenses/by-sa/3.0/",
        True,
        "CC BY-SA 3.0",
    ),
    Licence(
        "CC-BY-NC-4.0",
        gettext_noop("Creative Commons Attribution-NonCommercial 4.0"),
        "https://creativecommons.org/licenses/by-nc/4.0/",
        True,
        "CC BY-NC 4.0",
    ),
    Licence(
        "CC-BY-NC-SA-4.0",
        gettext_noop("Creative Commons Attribution-NonCommercial-ShareAlike 4.0"),
        "https://creativecommons.org/licenses/by-nc-sa/4.0/",
        True,
        "CC BY-NC-SA 4.0",
    ),
    Licence(
        "CC-BY-ND-4.0",
        gettext_noop("Creative Commons Attribution-NoDerivatives 4.0"),
        "https://creativecommons.org/licenses/by-nd/4.0/",
        True,
        "CC BY-ND 4.0",
    ),
    Licence(
        "CC-BY-NC-ND-4.0",
        gettext_noop("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0"),
        "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        True,
        "CC BY-NC-ND 4.0",
    ),
    Licence(
        "InC", "In Copyright", "https://rightsstatements.org/vocab/InC/1.0/", True, "In copyright"
    ),
    Licence(
        "InC-EDU",
        gettext_noop("In Copyright - Educational Use Permitted"),
        "https://rightsstatements.org/vocab/InC-EDU/1.0/",
        True,
        "In copyright (educational use permitted)",
    ),
    Licence(
        "NoC-US",
        gettext_noop("No Copyright - United States"),
        "https://rightsstatements.org/vocab/NoC-US/1.0/",
        False,
        "No copyright in the United States",
    ),
    Licence(
        "CNE",
        gettext_noop("Copyright Not Evaluated"),
        "https://rightsstatements.org/vocab/CNE/1.0/",
        True,
        "Copyright not evaluated",
    ),
]

LICENCES: dict[str, Licence] = {licence.id: licence for licence in _LICENCES}
LICENCE_CHOICES: list[tuple[str, str]] = [(lic.id, f"{lic.id} — {lic.name}") for lic in _LICENCES]


def get_licence(licence_id: str) -> Licence | None:
    return LICENCES.get(licence_id)


CREDIT_SEPARATOR = " · "

# A clause that says how the record was made rather than whom to credit.
_NOTE_CLAUSE = re.compile(
    r"\bsource\b|\brepository\b|\bfilename\b|\bnot recorded\b|^distributed with\b",
    re.IGNORECASE,
)
# A clause that only restates the rights the licence already states.
_RIGHTS_CLAUSE = re.compile(
    r"^(?:(?:photograph|image|work)\s+)?(?:presumed\s+)?public[- ]domain"
    r"(?:\s+(?:work|book|image))?$"
    r"|no known (?:copyright )?restrictions|no new copyright|faithful photographic reproduction",
    re.IGNORECASE,
)
# "… as collected by the source repository": the credit stands, the note goes.
_NOTE_TAIL = re.compile(r"\s+as (?:collected|given|named|found) (?:by|in) the source\b.*$", re.I)
_PARENTHESES = re.compile(r"\s*\(([^()]*)\)")
# Clauses end at ";" or at a full stop before a capital, but not after an initial ("J. M.").
_CLAUSE_BREAK = re.compile(r";\s*|(?<=[a-z0-9)\]])\.\s+(?=[A-Z©])")


def credit_without_notes(text: str) -> str:
    """The credit in an attribution or credit line, with cataloguing notes removed.

    "Public-domain work; faithful photographic reproduction (no new copyright claimed).
    Image via Wikimedia Commons as collected by the source repository." gives
    "Image: Wikimedia Commons". Idempotent, so it can be applied to a stored credit line.
    """
    kept: list[str] = []
    for clause in _CLAUSE_BREAK.split(" ".join(text.split())):
        clause = _PARENTHESES.sub(_keep_credit_parentheses, clause)
        clause = _NOTE_TAIL.sub("", clause).strip().rstrip(".").strip()
        if not clause or _NOTE_CLAUSE.search(clause) or _RIGHTS_CLAUSE.search(clause):
            continue
        clause = re.sub(r"^Image via\s+", "Image: ", clause)
        if clause not in kept:
            kept.append(clause)
    return "; ".join(kept)


def _keep_credit_parentheses(match: re.Match[str]) -> str:
    inner = match.group(1)
    if _NOTE_CLAUSE.search(inner) or _RIGHTS_CLAUSE.search(inner.strip()):
        return ""
    return match.group(0)


def public_credit_line(*, licence_id: str, credit_line: str, attribution: str) -> str:
    """What every public surface shows: "Public domain · Image: Wikimedia Commons".

    The curator's credit line when there is one, else the attribution (which a licence
    such as CC BY requires to be shown), in both cases without cataloguing notes.
    """
    licence = get_licence(licence_id)
    credit = credit_without_notes(credit_line or attribution)
    label = licence.short_name if licence else licence_id
    # "Photo: Example Museum, CC BY 4.0" already states its licence.
    if label.casefold() in credit.casefold():
        return credit
    return CREDIT_SEPARATOR.join(part for part in (label, credit) if part)

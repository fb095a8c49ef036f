"""The licences Vitrine knows, by SPDX-like identifier.

An imported record must name one of these; an unknown id is a bad record, because a
museum must never publish an object under terms it cannot state.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Licence:
    id: str
    name: str
    url: str
    requires_attribution: bool


_LICENCES = [
    Licence(
        "PDM-1.0",
        "Public Domain Mark 1.0",
        "https://creativecommons.org/publicdomain/mark/1.0/",
        False,
    ),
    Licence(
        "CC0-1.0",
        "CC0 1.0 Universal",
        "https://creativecommons.org/publicdomain/zero/1.0/",
        False,
    ),
    Licence(
        "CC-BY-4.0",
        "Creative Commons Attribution 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
        True,
    ),
    Licence(
        "CC-BY-3.0",
        "Creative Commons Attribution 3.0",
        "https://creativecommons.org/licenses/by/3.0/",
        True,
    ),
    Licence(
        "CC-BY-2.0",
        "Creative Commons Attribution 2.0",
        "https://creativecommons.org/licenses/by/2.0/",
        True,
    ),
    Licence(
        "CC-BY-SA-4.0",
        "Creative Commons Attribution-ShareAlike 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/",
        True,
    ),
    Licence(
        "CC-BY-SA-3.0",
        "Creative Commons Attribution-ShareAlike 3.0",
        "https://creativecommons.org/licenses/by-sa/3.0/",
        True,
    ),
    Licence(
        "CC-BY-NC-4.0",
        "Creative Commons Attribution-NonCommercial 4.0",
        "https://creativecommons.org/licenses/by-nc/4.0/",
        True,
    ),
    Licence(
        "CC-BY-NC-SA-4.0",
        "Creative Commons Attribution-NonCommercial-ShareAlike 4.0",
        "https://creativecommons.org/licenses/by-nc-sa/4.0/",
        True,
    ),
    Licence(
        "CC-BY-ND-4.0",
        "Creative Commons Attribution-NoDerivatives 4.0",
        "https://creativecommons.org/licenses/by-nd/4.0/",
        True,
    ),
    Licence(
        "CC-BY-NC-ND-4.0",
        "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0",
        "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        True,
    ),
    Licence("InC", "In Copyright", "https://rightsstatements.org/vocab/InC/1.0/", True),
    Licence(
        "InC-EDU",
        "In Copyright - Educational Use Permitted",
        "https://rightsstatements.org/vocab/InC-EDU/1.0/",
        True,
    ),
    Licence(
        "NoC-US",
        "No Copyright - United States",
        "https://rightsstatements.org/vocab/NoC-US/1.0/",
        False,
    ),
    Licence(
        "CNE",
        "Copyright Not Evaluated",
        "https://rightsstatements.org/vocab/CNE/1.0/",
        True,
    ),
]

LICENCES: dict[str, Licence] = {licence.id: licence for licence in _LICENCES}
LICENCE_CHOICES: list[tuple[str, str]] = [(lic.id, f"{lic.id} — {lic.name}") for lic in _LICENCES]


def get_licence(licence_id: str) -> Licence | None:
    return LICENCES.get(licence_id)

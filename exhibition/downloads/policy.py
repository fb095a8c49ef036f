"""Which licences let the museum hand a visitor a copy to keep and pass on.

A download is a redistribution: the licence must allow anyone to share the work. Resizing
and writing metadata into the file could count as an adaptation, so "no derivatives"
terms are refused with the rights statements that reserve or leave rights unknown.
Non-commercial licences allow sharing, and the file states the restriction.
"""

from django.utils.translation import gettext_lazy

from exhibition.licences import Licence, get_licence

DOWNLOADABLE_LICENCES = frozenset(
    {
        "PDM-1.0",
        "CC0-1.0",
        "CC-BY-4.0",
        "CC-BY-3.0",
        "CC-BY-2.0",
        "CC-BY-SA-4.0",
        "CC-BY-SA-3.0",
        "CC-BY-NC-4.0",
        "CC-BY-NC-SA-4.0",
    }
)

_NO_DERIVATIVES = gettext_lazy(
    "Its licence does not allow changed copies, and a download is resized and labelled."
)
_RESERVED = gettext_lazy(
    "Its rights are reserved or not known, so the museum cannot give you a copy to keep."
)
_US_ONLY = gettext_lazy(
    "It is free of copyright in the United States only, so the museum cannot give you "
    "a copy to keep wherever you are."
)
_REASONS = {
    "CC-BY-ND-4.0": _NO_DERIVATIVES,
    "CC-BY-NC-ND-4.0": _NO_DERIVATIVES,
    "NoC-US": _US_ONLY,
}


def downloadable_licence(licence_id: str) -> Licence | None:
    """The licence when it allows downloads, else None."""
    return get_licence(licence_id) if licence_id in DOWNLOADABLE_LICENCES else None


def refusal_reason(licence_id: str) -> str:
    """Why an object under this licence cannot be downloaded, in the visitor's language."""
    return str(_REASONS.get(licence_id, _RESERVED))

"""What a downloaded file says about itself: the work, its creator, licence and credit.

Written in English, as machine-read metadata is (the licence's own name, not the
visitor's translation), and bounded, since JPEG markers hold at most 64 KB.
"""

from dataclasses import dataclass

from exhibition.licences import Licence
from exhibition.models import CollectionObject

# Long enough for any title or credit a record holds; short enough for one JPEG marker.
MAX_FIELD_CHARS = 2000


def _bounded(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_FIELD_CHARS else text[: MAX_FIELD_CHARS - 1] + "…"


@dataclass(frozen=True)
class RightsNotice:
    title: str
    creators: tuple[str, ...]
    licence_name: str
    licence_url: str
    # Public domain works carry no rights to mark (xmpRights:Marked False).
    rights_reserved: bool
    credit_line: str
    source_url: str
    # "AI reconstruction — not the original …" for restorations; empty for originals.
    disclaimer: str = ""

    @property
    def rights(self) -> str:
        """One sentence a reuser can copy: credit line, then the licence and its address."""
        credit = self.credit_line.rstrip(". ")
        return _bounded(f"{credit}. Licence: {self.licence_name} ({self.licence_url})")

    def as_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "creators": list(self.creators),
            "licence": self.licence_name,
            "licence_url": self.licence_url,
            "credit_line": self.credit_line,
            "source": self.source_url,
            **({"disclaimer": self.disclaimer} if self.disclaimer else {}),
        }


def rights_notice(
    obj: CollectionObject, *, licence: Licence, source_url: str, disclaimer: str = ""
) -> RightsNotice:
    creators = tuple(_bounded(link.agent.name) for link in obj.creator_links.all())
    return RightsNotice(
        title=_bounded(obj.title),
        creators=creators,
        licence_name=licence.name,
        licence_url=licence.url,
        rights_reserved=licence.requires_attribution,
        credit_line=_bounded(obj.public_credit_line),
        source_url=_bounded(source_url),
        disclaimer=_bounded(disclaimer),
    )

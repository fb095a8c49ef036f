"""The record's facts a description may state, read once from the object.

Plain data: the composer is a pure function of these and the image measurement, so it is
tested without a database. Each fact's name is its source in a statement ("record:title").
"""

from dataclasses import dataclass, field

from descriptions.drafting.lexicon_fr import QUALIFIERS
from exhibition.models import CollectionObject

# Roles that "by" says on its own; any other role is named ("by X, engraver").
PLAIN_ROLES = frozenset({"", "artist", "creator", "maker", "painter", "author"})


@dataclass(frozen=True)
class RecordFacts:
    title: str
    object_type: str
    makers: list[str] = field(default_factory=list)
    date: str = ""
    medium: str = ""
    dimensions: str = ""
    culture: str = ""
    place: str = ""
    tags: list[str] = field(default_factory=list)
    description: str = ""
    has_model: bool = False
    geometry_only: bool = False
    # The language the record's prose (title, description) is written in, when known: a
    # draft in another language does not quote it ("" for unknown).
    language: str = ""

    def texts(self) -> list[str]:
        """Every field's text: what identity words the description may repeat."""
        return [
            self.title,
            self.object_type,
            *self.makers,
            self.date,
            self.medium,
            self.dimensions,
            self.culture,
            self.place,
            *self.tags,
            self.description,
        ]


def maker_phrase(name: str, role: str, qualifier: str, language: str = "") -> str:
    """'attributed to Rembrandt' / 'Louis Dubeux, author of publication'; in French the
    usual qualifiers are the label's own ("attribué à Rembrandt")."""
    if qualifier and language.split("-")[0] == "fr":
        qualifier = QUALIFIERS.get(qualifier.strip().lower(), qualifier)
    said = f"{qualifier} {name}".strip() if qualifier else name
    return said if role.strip().lower() in PLAIN_ROLES else f"{said}, {role.strip()}"


def record_facts(collection_object: CollectionObject, language: str = "") -> RecordFacts:
    """The record's facts; with ``language``, its title and description in that language
    where the record has a translation, else the original's (``language`` then says which
    language the description is written in)."""
    obj = collection_object
    text = obj.text_in(language) if language else None
    links = obj.creator_links.select_related("agent").order_by("order", "pk")
    models = list(obj.models3d.order_by("order", "pk").values_list("geometry_only", flat=True))
    return RecordFacts(
        title=(text.title if text else obj.title).strip(),
        object_type=obj.object_type.strip(),
        makers=[
            maker_phrase(link.agent.name, link.role, link.qualifier, language) for link in links
        ],
        date=obj.date_display.strip(),
        medium=obj.medium.strip(),
        dimensions=obj.dimensions.strip(),
        culture=obj.culture.strip(),
        place=obj.place.name if obj.place_id is not None and obj.place is not None else "",
        tags=list(obj.tags.order_by("name").values_list("name", flat=True)),
        description=(text.description if text else obj.description).strip(),
        has_model=bool(models),
        geometry_only=bool(models) and models[0],
        language=text.description_language if text else obj.language,
    )

"""The public records the guide may answer from, read once per collection version.

A ``GuideRecord`` holds each field a visitor might ask about exactly as the public page
shows it, so that every answer sentence can quote its span. Only public objects are read
(``exhibition.selectors``): restricted and draft records do not exist for the guide.
The catalogue is rebuilt in this process when the collection version moves on.
"""

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch

from exhibition.licences import get_licence
from exhibition.media_links import object_thumbnail
from exhibition.models import CollectionObject, ObjectCreator
from exhibition.page_cache import collection_version
from exhibition.selectors import public_objects
from guide.answering.text import split_sentences, stem, words

# Credit qualifiers under which a work still counts as the agent's own ("other Rembrandts").
OWN_WORK_QUALIFIERS = frozenset({"", "attributed to"})
# Objects read (with their prefetched links) per round trip while the catalogue is built: a
# queryset iterated whole holds every model instance until the loop ends, several times the
# catalogue itself (~150 MB more resident per worker at 10,000 objects).
BUILD_CHUNK = 2_000


@dataclass(frozen=True)
class Credit:
    agent_slug: str
    name: str
    role: str
    qualifier: str

    @property
    def display(self) -> str:
        name = f"{self.qualifier} {self.name}" if self.qualifier else self.name
        return name if self.role == "creator" else f"{name} ({self.role})"


@dataclass(frozen=True)
class AgentRecord:
    slug: str
    name: str
    dates: str
    biography: str


@dataclass(frozen=True)
class RecordSpan:
    """A searchable piece of a record: its field, its exact text, and that text folded."""

    field: str
    text: str
    folded: str  # " ".join(words(text))
    stems: frozenset[str]


@dataclass(frozen=True)
class GuideRecord:
    pk: int
    slug: str
    title: str
    url: str
    object_type: str
    credits: tuple[Credit, ...]
    date: str
    culture: str
    place: str
    medium: str
    dimensions: str
    description: str
    tags: tuple[str, ...]
    licence_name: str
    licence_short: str
    credit_line: str
    is_damaged: bool
    image_size: tuple[int, int] | None
    has_model: bool
    thumbnail: tuple[str, str] | None  # url, alt text
    sentences: tuple[str, ...] = field(default=())
    # Title, culture, place, description sentences and tags, in that order.
    spans: tuple[RecordSpan, ...] = field(default=())

    @property
    def maker(self) -> str:
        """The makers as the object page names them: "attributed to Rembrandt van Rijn"."""
        return "; ".join(credit.display for credit in self.credits)

    def field_text(self, name: str) -> str:
        return str(getattr(self, name, "") or "")


@dataclass(frozen=True)
class Catalogue:
    version: int
    records: dict[str, GuideRecord]
    agents: dict[str, AgentRecord]
    tag_words: dict[str, frozenset[str]]  # each tag in use, as its folded words

    def works_by(self, agent_slug: str, *, own_only: bool = True) -> list[GuideRecord]:
        return [
            record
            for record in self.records.values()
            if any(
                c.agent_slug == agent_slug and (not own_only or c.qualifier in OWN_WORK_QUALIFIERS)
                for c in record.credits
            )
        ]


_lock = threading.Lock()
_current: Catalogue | None = None


def catalogue() -> Catalogue:
    """The public records as of the current collection version (built at most once each)."""
    global _current
    version = collection_version()
    found = _current
    if found is not None and found.version == version:
        return found
    with _lock:
        if _current is None or _current.version != version:
            _current = _build(version)
        return _current


def forget_catalogue() -> None:
    """Drop the cached records (tests that change records inside one version)."""
    global _current
    with _lock:
        _current = None


def _build(version: int) -> Catalogue:
    objects = (
        public_objects()
        .select_related("place")
        .prefetch_related(
            Prefetch("creator_links", queryset=ObjectCreator.objects.select_related("agent")),
            "tags",
            "images",
            "models3d",
        )
    )
    records: dict[str, GuideRecord] = {}
    agents: dict[str, AgentRecord] = {}
    for obj in objects.iterator(chunk_size=BUILD_CHUNK):
        records[obj.slug] = _record(obj)
        for link in obj.creator_links.all():
            agent = link.agent
            agents[agent.slug] = AgentRecord(agent.slug, agent.name, agent.dates, agent.biography)
    tags = {tag for record in records.values() for tag in record.tags}
    tag_words = {tag: frozenset(words(tag)) for tag in tags}
    return Catalogue(version, records, agents, tag_words)


def _record(obj: CollectionObject) -> GuideRecord:
    licence = get_licence(obj.licence)
    images = list(obj.images.all())
    sentences = split_sentences(obj.description)
    tags = [tag.name for tag in obj.tags.all()]
    first_image = images[0] if images else None
    return GuideRecord(
        pk=obj.pk,
        slug=obj.slug,
        title=obj.title,
        url=obj.get_absolute_url(),
        object_type=obj.object_type,
        credits=tuple(_credits(obj.creator_links.all())),
        date=obj.date_display,
        culture=obj.culture,
        place=obj.place.name if obj.place else "",
        medium=obj.medium,
        dimensions=obj.dimensions,
        description=obj.description,
        tags=tuple(tags),
        licence_name=licence.name if licence else obj.licence,
        licence_short=licence.short_name if licence else obj.licence,
        credit_line=obj.public_credit_line,
        is_damaged=obj.is_damaged,
        image_size=(first_image.width, first_image.height) if first_image else None,
        has_model=bool(list(obj.models3d.all())),
        thumbnail=_thumbnail(obj),
        sentences=tuple(sentences),
        spans=_spans(obj, sentences, tags),
    )


def _credits(links: Iterable[ObjectCreator]) -> list[Credit]:
    return [Credit(link.agent.slug, link.agent.name, link.role, link.qualifier) for link in links]


def _spans(obj: CollectionObject, sentences: list[str], tags: list[str]) -> tuple[RecordSpan, ...]:
    place = obj.place.name if obj.place else ""
    pieces = [("title", obj.title), ("culture", obj.culture), ("place", place)]
    pieces += [("description", sentence) for sentence in sentences]
    pieces += [("tags", tag) for tag in tags]
    spans = []
    for name, text in pieces:
        if text:
            folded = words(text)
            spans.append(RecordSpan(name, text, " ".join(folded), frozenset(map(stem, folded))))
    return tuple(spans)


def _thumbnail(obj: CollectionObject) -> tuple[str, str] | None:
    thumbnail = object_thumbnail(obj)
    if thumbnail is None:
        return None
    return thumbnail.url, thumbnail.alt or obj.title

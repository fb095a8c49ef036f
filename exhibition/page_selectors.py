"""Reads that only the public pages need, built on the shared selectors.

Everything here starts from ``exhibition.selectors`` so restricted and draft material can
never appear on a page through a helper that forgot to filter.
"""

from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)

from exhibition.browse import annotated_public_objects
from exhibition.media_links import Thumbnail, image_thumbnail, model_poster
from exhibition.models import (
    CollectionObject,
    Exhibition,
    ExhibitionSection,
    ObjectCreator,
    ObjectImage,
    SectionObject,
    Visibility,
)
from exhibition.selectors import (
    public_exhibition_sections,
    public_exhibitions,
    public_objects,
    public_objects_with_media,
)

FEATURED_LIMIT = 8
RELATED_LIMIT = 6


def featured_exhibitions() -> QuerySet[Exhibition]:
    return public_exhibitions().filter(featured=True)


def featured_objects(*, limit: int = FEATURED_LIMIT) -> list[CollectionObject]:
    """Objects a curator featured; without any, a stable selection of pictured objects."""
    featured = list(
        public_objects_with_media().filter(featured=True).order_by("title", "pk")[:limit]
    )
    if featured:
        return featured
    has_image = ObjectImage.objects.filter(collection_object=OuterRef("pk"))
    return list(
        public_objects_with_media().filter(Exists(has_image)).order_by("title", "pk")[:limit]
    )


def related_objects(
    collection_object: CollectionObject, *, limit: int = RELATED_LIMIT
) -> list[CollectionObject]:
    """A few public objects by the same agents, then same place, century, then type.

    One query ranks every candidate by its closest relation, so the page pays the same
    whatever the object's links.
    """
    ranks: list[When] = []
    agent_ids = [link.agent_id for link in collection_object.creator_links.all()]
    if agent_ids:
        same_agent = ObjectCreator.objects.filter(
            collection_object=OuterRef("pk"), agent_id__in=agent_ids
        )
        ranks.append(When(Exists(same_agent), then=Value(0)))
    if collection_object.place_id is not None:
        ranks.append(When(place_id=collection_object.place_id, then=Value(1)))
    if collection_object.century is not None:
        # `century_value` is browse.py's annotation, so "same century" means what browse means.
        ranks.append(When(century_value=collection_object.century, then=Value(2)))
    ranks.append(When(object_type=collection_object.object_type, then=Value(3)))
    return list(
        annotated_public_objects()
        .exclude(pk=collection_object.pk)
        .annotate(relatedness=Case(*ranks, default=None, output_field=IntegerField()))
        .filter(relatedness__isnull=False)
        .order_by("relatedness", "title", "pk")[:limit]
    )


@dataclass(frozen=True)
class Picture:
    """An image as a story shows it large: a default source and the sizes to pick from."""

    src: str
    srcset: str
    width: int
    height: int
    alt: str
    # A 3D model's rendered poster: a figure on a plain ground, shown whole, never cropped.
    poster: bool = False


@dataclass(frozen=True)
class StoryItem:
    """One object in an exhibition section: shown large, with a deep-zoom image if any."""

    entry: SectionObject
    picture: Picture | None
    zoom_image: ObjectImage | None

    @property
    def collection_object(self) -> CollectionObject:
        return self.entry.collection_object

    @property
    def caption(self) -> str:
        return self.entry.public_caption


@dataclass(frozen=True)
class SectionWithObjects:
    section: ExhibitionSection
    items: list[StoryItem]


# Widths offered to the browser for a story picture; it picks by layout and screen.
STORY_WIDTHS = (480, 960, 1600)


def _picture(image: ObjectImage) -> Picture:
    candidates: dict[str, Thumbnail] = {}
    for width in STORY_WIDTHS:
        thumb = image_thumbnail(image, width=width)
        candidates.setdefault(thumb.url, thumb)
    ordered = sorted(candidates.values(), key=lambda thumb: thumb.width)
    default = next((t for t in ordered if t.width >= STORY_WIDTHS[1]), ordered[-1])
    return Picture(
        src=default.url,
        srcset=", ".join(f"{t.url} {t.width}w" for t in ordered if t.width),
        width=default.width,
        height=default.height,
        alt=image.alt_text or image.collection_object.title,
    )


def story_picture(collection_object: CollectionObject) -> Picture | None:
    """A large picture of the object (first image, else its 3D model's poster); none
    when a content note asks visitors to choose to see the media first."""
    if collection_object.content_note:
        return None
    images = [image for image in collection_object.images.all() if image.width]
    if images:
        return _picture(images[0])
    for model in collection_object.models3d.all():
        poster = model_poster(model)
        if poster is not None:
            alt = model.alt_text or collection_object.title
            return Picture(src=poster.url, srcset="", width=0, height=0, alt=alt, poster=True)
    return None


def _story_item(entry: SectionObject) -> StoryItem:
    obj = entry.collection_object
    images = [image for image in obj.images.all() if image.width]
    zoom_image = images[0] if images and not obj.content_note else None
    return StoryItem(entry=entry, picture=story_picture(obj), zoom_image=zoom_image)


def exhibition_story(exhibition: Exhibition) -> list[SectionWithObjects]:
    """The exhibition's sections in order, each with its public objects as story items."""
    return [
        SectionWithObjects(section=part.section, items=[_story_item(e) for e in part.entries])
        for part in public_exhibition_sections(exhibition=exhibition)
    ]


def exhibitions_with_covers(
    exhibitions: QuerySet[Exhibition],
) -> list[tuple[Exhibition, CollectionObject | None]]:
    """Each exhibition with its cover: the cover object if public, else its first public
    object, in a fixed number of queries however many exhibitions there are."""
    exhibitions_list = list(exhibitions)
    cover_ids: dict[int, int] = {}
    for exhibition in exhibitions_list:
        cover = exhibition.cover_object
        if cover is not None and cover.is_public:
            cover_ids[exhibition.pk] = cover.pk
    without_cover = [e.pk for e in exhibitions_list if e.pk not in cover_ids]
    if without_cover:
        first_items = (
            SectionObject.objects.filter(
                section__exhibition__in=without_cover,
                collection_object__visibility=Visibility.PUBLIC,
            )
            .order_by("section__exhibition", "section__order", "section__pk", "order", "pk")
            .values_list("section__exhibition", "collection_object")
        )
        for exhibition_id, object_id in first_items:
            cover_ids.setdefault(exhibition_id, object_id)
    covers = public_objects_with_media().in_bulk(list(set(cover_ids.values())))
    return [(e, covers.get(cover_ids.get(e.pk, 0))) for e in exhibitions_list]


@dataclass(frozen=True)
class ExhibitionListing:
    """An exhibition as the list and the home page show it: cover picture and size."""

    exhibition: Exhibition
    cover: CollectionObject | None
    picture: Picture | None
    part_count: int
    object_count: int


def exhibition_listings(exhibitions: QuerySet[Exhibition]) -> list[ExhibitionListing]:
    """Each exhibition with its cover picture and how many parts and public objects it has."""
    public_items = Q(sections__section_objects__collection_object__visibility=Visibility.PUBLIC)
    counted = exhibitions.annotate(
        part_count=Count("sections", distinct=True),
        object_count=Count(
            "sections__section_objects__collection_object", filter=public_items, distinct=True
        ),
    ).order_by("order", "title", "pk")
    return [
        ExhibitionListing(
            exhibition=exhibition,
            cover=cover,
            picture=story_picture(cover) if cover is not None else None,
            # Annotations the type checker cannot see on the model.
            part_count=getattr(exhibition, "part_count", 0),
            object_count=getattr(exhibition, "object_count", 0),
        )
        for exhibition, cover in exhibitions_with_covers(counted)
    ]


def exhibition_cover(exhibition: Exhibition) -> CollectionObject | None:
    """The exhibition's cover as the list shows it (its first public object if the
    cover object is not public), with its media."""
    [(_, cover)] = exhibitions_with_covers(Exhibition.objects.filter(pk=exhibition.pk))
    return cover


def licence_listing() -> QuerySet[CollectionObject]:
    """Every public object with what its public credit line is built from, by licence."""
    return (
        public_objects()
        .only("slug", "title", "licence", "attribution", "credit_line")
        .order_by("licence", "title", "pk")
    )


def licence_counts() -> dict[str, int]:
    rows = public_objects().order_by().values("licence").annotate(n=Count("pk"))
    return {row["licence"]: row["n"] for row in rows}

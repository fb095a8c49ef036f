"""Reads that only the public pages need, built on the shared selectors.

Everything here starts from ``exhibition.selectors`` so restricted and draft material can
never appear on a page through a helper that forgot to filter.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet

from exhibition.browse import annotated_public_objects
from exhibition.models import (
    Agent,
    CollectionObject,
    Exhibition,
    ExhibitionSection,
    ObjectCreator,
    ObjectImage,
    Place,
    SectionObject,
)
from exhibition.selectors import (
    exhibition_section_objects,
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
    """A few public objects by the same agents, then from the same place, then century."""
    candidates = public_objects_with_media().exclude(pk=collection_object.pk)
    agent_ids = [link.agent_id for link in collection_object.creator_links.all()]
    picked: list[CollectionObject] = []
    lookups: list[QuerySet[CollectionObject]] = []
    if agent_ids:
        lookups.append(candidates.filter(creator_links__agent_id__in=agent_ids).distinct())
    if collection_object.place_id is not None:
        lookups.append(candidates.filter(place_id=collection_object.place_id))
    if collection_object.century is not None:
        lookups.append(
            annotated_public_objects()
            .exclude(pk=collection_object.pk)
            # An annotation of browse.py, which django-stubs cannot see.
            .filter(century_value=collection_object.century)  # type: ignore[misc]
        )
    for queryset in lookups:
        if len(picked) >= limit:
            break
        seen = [obj.pk for obj in picked]
        picked.extend(queryset.exclude(pk__in=seen).order_by("title", "pk")[: limit - len(picked)])
    return picked


# Agent and Place name their reverse relation to objects `objects`, which hides the usual
# manager of that name, hence `_default_manager`.


def public_agent(slug: str) -> Agent | None:
    """The agent with this slug, if at least one public object is linked to it."""
    return (
        Agent._default_manager.filter(
            slug=slug, object_links__collection_object__in=public_objects()
        )
        .distinct()
        .first()
    )


def public_place(slug: str) -> Place | None:
    """The place with this slug, if at least one public object comes from it."""
    return Place._default_manager.filter(slug=slug, objects__in=public_objects()).distinct().first()


@dataclass(frozen=True)
class SectionWithObjects:
    section: ExhibitionSection
    items: list[SectionObject]


def exhibition_sections(exhibition: Exhibition) -> list[SectionWithObjects]:
    """The exhibition's sections in order, each with its public objects in order."""
    items_by_section: dict[int, list[SectionObject]] = defaultdict(list)
    items = exhibition_section_objects(exhibition=exhibition).prefetch_related(
        Prefetch(
            "collection_object__creator_links",
            queryset=ObjectCreator.objects.select_related("agent"),
        )
    )
    for item in items:
        items_by_section[item.section_id].append(item)
    return [
        SectionWithObjects(section=section, items=items_by_section[section.pk])
        for section in exhibition.sections.order_by("order", "pk")
    ]


def exhibition_cover(exhibition: Exhibition) -> CollectionObject | None:
    """The cover object if it is public, else the exhibition's first public object."""
    cover = exhibition.cover_object
    if cover is not None and cover.is_public:
        return public_objects_with_media().filter(pk=cover.pk).first()
    first = exhibition_section_objects(exhibition=exhibition).first()
    if first is None:
        return None
    return public_objects_with_media().filter(pk=first.collection_object_id).first()


def licence_listing() -> QuerySet[CollectionObject]:
    """Every public object with what the licences page shows, grouped by licence."""
    return (
        public_objects()
        .only("slug", "title", "licence", "attribution", "source", "credit_line")
        .order_by("licence", "title", "pk")
    )


def licence_counts() -> dict[str, int]:
    rows = public_objects().order_by().values("licence").annotate(n=Count("pk"))
    return {row["licence"]: row["n"] for row in rows}

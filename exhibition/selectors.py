"""Reads of the collection that the public site, the API and IIIF share.

Every public read goes through here, so restricted and draft material can never leak
through one door that forgot to filter.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from exhibition.models import (
    Agent,
    CollectionObject,
    Exhibition,
    ExhibitionSection,
    ObjectCreator,
    ObjectImage,
    Place,
    Restoration,
    ReviewStatus,
    SectionObject,
    Visibility,
)
from exhibition.whole_numbers import natural_int


def public_objects() -> QuerySet[CollectionObject]:
    return CollectionObject.objects.filter(visibility=Visibility.PUBLIC)


def public_object_ids(*, slugs: Iterable[str]) -> dict[str, int]:
    """The ids of the public objects among these slugs (restricted and draft look absent)."""
    return dict(public_objects().filter(slug__in=list(slugs)).values_list("slug", "pk"))


def listing_prefetches() -> tuple[Prefetch | str, ...]:  # type: ignore[type-arg]
    """What a listing (a card, an API item) shows beside an object's own row."""
    return (
        Prefetch("creator_links", queryset=ObjectCreator.objects.select_related("agent")),
        "images",
        "models3d",
        # Titles in the page's language (at most one row per site language).
        "translations",
    )


def public_objects_with_media() -> QuerySet[CollectionObject]:
    """Public objects with what a listing card needs, fetched in a fixed number of queries."""
    return public_objects().prefetch_related(*listing_prefetches())


def get_public_object(slug: str) -> CollectionObject:
    """The public object with this slug, or Http404 (restricted and draft look absent)."""
    return get_object_or_404(
        public_objects()
        .select_related("place")
        .prefetch_related(
            Prefetch("creator_links", queryset=ObjectCreator.objects.select_related("agent")),
            "tags",
            "images",
            "models3d__hotspots",
            "translations",
        ),
        slug=slug,
    )


def public_restorations(*, collection_object: CollectionObject) -> QuerySet[Restoration]:
    """Approved restorations only: an unreviewed reconstruction is never shown publicly."""
    return (
        Restoration.objects.filter(
            source_image__collection_object=collection_object,
            source_image__collection_object__visibility=Visibility.PUBLIC,
            machine_output__status=ReviewStatus.APPROVED,
        )
        .select_related("machine_output", "machine_output__reviewed_by", "source_image")
        .prefetch_related("machine_output__events")
    )


def get_public_restoration(*, pk: int) -> Restoration:
    """An approved restoration of a public object, or Http404 (pending, rejected or hidden
    ones look absent, to guessed URLs too)."""
    return get_object_or_404(
        Restoration.objects.select_related("source_image__collection_object"),
        pk=pk,
        source_image__collection_object__visibility=Visibility.PUBLIC,
        machine_output__status=ReviewStatus.APPROVED,
    )


def public_images(*, collection_object: CollectionObject) -> QuerySet[ObjectImage]:
    return ObjectImage.objects.filter(
        collection_object=collection_object,
        collection_object__visibility=Visibility.PUBLIC,
    )


def get_public_image(*, identifier: str) -> ObjectImage:
    """The image with this IIIF identifier ('<slug>-<order>') of a public object, or 404."""
    slug, _, raw_order = identifier.rpartition("-")
    order = natural_int(raw_order)
    if not slug or order is None:
        raise Http404("No such image.")
    return get_object_or_404(
        ObjectImage.objects.select_related("collection_object"),
        collection_object__slug=slug,
        collection_object__visibility=Visibility.PUBLIC,
        order=order,
    )


def public_exhibitions() -> QuerySet[Exhibition]:
    return Exhibition.objects.filter(visibility=Visibility.PUBLIC).select_related("cover_object")


def get_public_exhibition(slug: str) -> Exhibition:
    return get_object_or_404(public_exhibitions(), slug=slug)


def exhibition_section_objects(*, exhibition: Exhibition) -> QuerySet[SectionObject]:
    """The public objects of an exhibition's sections, in order; hidden ones drop out."""
    return (
        SectionObject.objects.filter(
            section__exhibition=exhibition,
            collection_object__visibility=Visibility.PUBLIC,
        )
        .select_related("section", "collection_object")
        .prefetch_related(
            # Captions are shown without the byline beside them, so the makers come too.
            Prefetch(
                "collection_object__creator_links",
                queryset=ObjectCreator.objects.select_related("agent"),
            ),
            "collection_object__images",
            "collection_object__models3d",
            "collection_object__translations",
        )
        .order_by("section__order", "section__pk", "order", "pk")
    )


@dataclass(frozen=True)
class PublicSection:
    """A section of an exhibition with its public objects, in the curators' order."""

    section: ExhibitionSection
    entries: list[SectionObject]


def public_exhibition_sections(*, exhibition: Exhibition) -> list[PublicSection]:
    """Every section of the exhibition in order, each with its public objects in order."""
    entries_by_section: dict[int, list[SectionObject]] = defaultdict(list)
    for entry in exhibition_section_objects(exhibition=exhibition):
        entries_by_section[entry.section_id].append(entry)
    return [
        PublicSection(section=section, entries=entries_by_section[section.pk])
        for section in ExhibitionSection.objects.filter(exhibition=exhibition).order_by(
            "order", "pk"
        )
    ]


# An agent or place none of whose objects is public is left out of every public read, so
# nothing about restricted or draft material (not even that a maker has some) is learnt.
_PUBLIC_VIA_LINKS = Q(object_links__collection_object__visibility=Visibility.PUBLIC)
_PUBLIC_VIA_OBJECTS = Q(collection_objects__visibility=Visibility.PUBLIC)


def public_agents() -> QuerySet[Agent]:
    """Agents with at least one public object, each with ``object_count`` of them."""
    return (
        Agent.objects.annotate(
            object_count=Count(
                "object_links__collection_object", filter=_PUBLIC_VIA_LINKS, distinct=True
            )
        )
        .filter(object_count__gt=0)
        .order_by("name", "pk")
    )


def get_public_agent(slug: str) -> Agent:
    try:
        return public_agents().get(slug=slug)
    except Agent.DoesNotExist:
        raise Http404(f"No agent '{slug}' with public objects.") from None


def public_places() -> QuerySet[Place]:
    """Places with at least one public object, each with ``object_count`` of them."""
    return (
        Place.objects.annotate(
            object_count=Count("collection_objects", filter=_PUBLIC_VIA_OBJECTS, distinct=True)
        )
        .filter(object_count__gt=0)
        .order_by("name", "pk")
    )


def get_public_place(slug: str) -> Place:
    try:
        return public_places().get(slug=slug)
    except Place.DoesNotExist:
        raise Http404(f"No place '{slug}' with public objects.") from None

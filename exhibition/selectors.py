"""Reads of the collection that the public site, the API and IIIF share.

Every public read goes through here, so restricted and draft material can never leak
through one door that forgot to filter.
"""

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from exhibition.models import (
    CollectionObject,
    Exhibition,
    ObjectCreator,
    ObjectImage,
    Restoration,
    ReviewStatus,
    SectionObject,
    Visibility,
)
from exhibition.whole_numbers import natural_int


def public_objects() -> QuerySet[CollectionObject]:
    return CollectionObject.objects.filter(visibility=Visibility.PUBLIC)


def public_objects_with_media() -> QuerySet[CollectionObject]:
    """Public objects with what a listing card needs, fetched in a fixed number of queries."""
    return public_objects().prefetch_related(
        Prefetch("creator_links", queryset=ObjectCreator.objects.select_related("agent")),
        "images",
        "models3d",
    )


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
        )
        .order_by("section__order", "section__pk", "order", "pk")
    )

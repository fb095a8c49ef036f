"""IIIF Presentation 3 Collections: the whole collection, paged, and each exhibition.

Presentation 3 has no paging of its own: a large Collection is split into Collections
that it lists (spec §5.1). The top Collection lists pages of at most ``PAGE_SIZE``
manifests and the Collection of exhibitions. Only public objects with a manifest are
listed, through exhibition's public selectors.
"""

from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse

from exhibition import selectors
from exhibition.iiif.images import AbsoluteUrl, thumbnail_resource
from exhibition.iiif.language import lang
from exhibition.iiif.manifests import PRESENTATION_CONTEXT
from exhibition.iiif.models3d import poster_resource, poster_size
from exhibition.models import CollectionObject, Exhibition

PAGE_SIZE = 1000


def manifest_objects() -> QuerySet[CollectionObject]:
    """Public objects that have a manifest (an image, or a model with a poster), by key."""
    with_media = Q(images__width__gt=0, images__height__gt=0) | Q(
        models3d__isnull=False, models3d__poster__gt=""
    )
    return (
        selectors.public_objects()
        .filter(with_media)
        .distinct()
        .order_by("pk")
        .prefetch_related("images", "models3d")
    )


def page_count(total: int) -> int:
    return (total + PAGE_SIZE - 1) // PAGE_SIZE


def _thumbnail(absolute: AbsoluteUrl, obj: CollectionObject) -> list[dict[str, Any]]:
    for image in obj.images.all():
        if image.width and image.height:
            return [thumbnail_resource(absolute, image)]
    for model in obj.models3d.all():
        if size := poster_size(model):
            return [poster_resource(absolute, model, size)]
    return []


def manifest_reference(absolute: AbsoluteUrl, obj: CollectionObject) -> dict[str, Any]:
    reference: dict[str, Any] = {
        "id": absolute(reverse("iiif:manifest", kwargs={"slug": obj.slug})),
        "type": "Manifest",
        "label": lang(obj.title),
    }
    if thumbnail := _thumbnail(absolute, obj):
        reference["thumbnail"] = thumbnail
    return reference


def _collection(collection_id: str, label: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "@context": PRESENTATION_CONTEXT,
        "id": collection_id,
        "type": "Collection",
        "label": lang(label),
        "items": items,
    }


def _reference(collection_id: str, label: str) -> dict[str, Any]:
    return {"id": collection_id, "type": "Collection", "label": lang(label)}


def _page_label(number: int, total: int) -> str:
    first = (number - 1) * PAGE_SIZE + 1
    return f"Objects {first}–{min(number * PAGE_SIZE, total)} of {total}"


def top_collection(absolute: AbsoluteUrl, *, site_name: str) -> dict[str, Any]:
    total = manifest_objects().count()
    items = [
        _reference(absolute(reverse("iiif:collection-page", args=[n])), _page_label(n, total))
        for n in range(1, page_count(total) + 1)
    ]
    items.append(_reference(absolute(reverse("iiif:collection-exhibitions")), "Exhibitions"))
    collection = _collection(absolute(reverse("iiif:collection")), site_name, items)
    collection["summary"] = lang(f"Every public object of {site_name} with a IIIF manifest.")
    return collection


def page_collection(absolute: AbsoluteUrl, number: int) -> dict[str, Any] | None:
    """Page ``number`` (from 1), or None when there is no such page."""
    total = manifest_objects().count()
    if not 1 <= number <= page_count(total):
        return None
    start = (number - 1) * PAGE_SIZE
    objects = manifest_objects()[start : start + PAGE_SIZE]
    collection = _collection(
        absolute(reverse("iiif:collection-page", args=[number])),
        _page_label(number, total),
        [manifest_reference(absolute, obj) for obj in objects],
    )
    collection["partOf"] = [{"id": absolute(reverse("iiif:collection")), "type": "Collection"}]
    return collection


def exhibitions_collection(absolute: AbsoluteUrl) -> dict[str, Any]:
    items = [
        _reference(absolute(reverse("iiif:collection-exhibition", args=[e.slug])), e.title)
        for e in selectors.public_exhibitions().order_by("order", "title")
    ]
    collection = _collection(absolute(reverse("iiif:collection-exhibitions")), "Exhibitions", items)
    collection["partOf"] = [{"id": absolute(reverse("iiif:collection")), "type": "Collection"}]
    return collection


def exhibition_collection(absolute: AbsoluteUrl, exhibition: Exhibition) -> dict[str, Any]:
    """The exhibition's public objects with a manifest, in the exhibition's order."""
    shown = [
        s.collection_object for s in selectors.exhibition_section_objects(exhibition=exhibition)
    ]
    with_manifest = set(
        manifest_objects().filter(pk__in={obj.pk for obj in shown}).values_list("pk", flat=True)
    )
    # An object shown in two sections is listed once; a bound keeps one response small.
    ordered = list({obj.pk: obj for obj in shown if obj.pk in with_manifest}.values())
    items = [manifest_reference(absolute, obj) for obj in ordered[:PAGE_SIZE]]
    collection = _collection(
        absolute(reverse("iiif:collection-exhibition", args=[exhibition.slug])),
        exhibition.title,
        items,
    )
    if exhibition.summary:
        collection["summary"] = lang(exhibition.summary)
    collection["homepage"] = [
        {
            "id": absolute(exhibition.get_absolute_url()),
            "type": "Text",
            "label": lang(exhibition.title),
            "format": "text/html",
        }
    ]
    collection["partOf"] = [
        {"id": absolute(reverse("iiif:collection-exhibitions")), "type": "Collection"}
    ]
    return collection

"""The objects API's list items, kept per object version (``per_object_cache``).

Serialising an item costs the object's makers, images, models and translations and most
of a list response's time; the same objects come up page after page. An item holds
absolute links, so it is kept per site address (and language) as well.
"""

from collections.abc import Sequence
from typing import Any

from django.db.models import prefetch_related_objects
from django.utils import translation
from rest_framework.request import Request
from rest_framework.serializers import BaseSerializer

from exhibition.models import CollectionObject
from exhibition.per_object_cache import held_per_object
from exhibition.selectors import listing_prefetches


def listed_items(
    objects: Sequence[CollectionObject],
    request: Request,
    serializer_class: type[BaseSerializer],  # type: ignore[type-arg]
) -> list[dict[str, Any]]:
    """Each object's list item, in order; related rows are read only for missing items."""

    def serialise(missing: list[CollectionObject]) -> list[dict[str, Any]]:
        prefetch_related_objects(missing, *listing_prefetches())
        context = {"request": request}
        return [dict(serializer_class(obj, context=context).data) for obj in missing]

    site = request.build_absolute_uri("/")
    variant = f"{serializer_class.__name__}:{site}:{translation.get_language()}"
    return held_per_object(objects, kind="api-object-item", variant=variant, build=serialise)

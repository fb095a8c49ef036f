"""What a listing shows of each object, kept in the cache per object version.

A listing (browse cards, the objects API's items) shows the same few fields of an object
wherever and whenever it lists it, yet building them costs the object's related rows
(makers, images, models, translations) and rendering or serialising. Each piece is
therefore kept, and only the objects whose piece is missing are built.

A key holds what a piece depends on, as an object page's parts do
(``object_fragments``): the collection version (every write to an object, its images,
models, makers, translations and restorations moves it on), the object's ``updated_at``
read with its row, and the caller's ``variant`` (language, heading level, site address).
Pieces are built from the objects alone (no user or token), so one visitor's is every
visitor's; which objects are listed at all is decided by the query that found them.
"""

from collections.abc import Callable, Sequence
from typing import TypeVar

from django.core.cache import cache

from exhibition.models import CollectionObject
from exhibition.object_fragments import FRAGMENT_SECONDS
from exhibition.page_cache import collection_version

Piece = TypeVar("Piece")


def _key(kind: str, version: int, obj: CollectionObject, variant: str) -> str:
    stamp = obj.updated_at.timestamp() if obj.updated_at else 0
    return f"vitrine:{kind}:{version}:{obj.pk}:{stamp:.6f}:{variant}"


def held_per_object(
    objects: Sequence[CollectionObject],
    *,
    kind: str,
    variant: str,
    build: Callable[[list[CollectionObject]], list[Piece]],
) -> list[Piece]:
    """Each object's piece, in order: from the cache, else ``build`` (one call, in order,
    for all the missing objects) and kept."""
    version = collection_version()
    keys = [_key(kind, version, obj, variant) for obj in objects]
    pieces: dict[str, Piece] = cache.get_many(keys)
    missing = [(obj, key) for obj, key in zip(objects, keys, strict=True) if key not in pieces]
    if missing:
        built = build([obj for obj, _key in missing])
        fresh = {key: piece for (_obj, key), piece in zip(missing, built, strict=True)}
        cache.set_many(fresh, FRAGMENT_SECONDS)
        pieces.update(fresh)
    return [pieces[key] for key in keys]

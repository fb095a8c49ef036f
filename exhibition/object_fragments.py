"""Rendered parts of an object page, cached per object version and language.

The whole-page cache (``page_cache``) answers repeat anonymous visits to one URL. A page
it does not hold — the first visit to one of a million objects, the same object under
another query string, a signed-in curator — is rendered again, and that render (a few
dozen queries, the panels, JSON-LD, alt texts, licences) is the long-tail cost. The
object's parts are therefore kept here too, so such a request pays for one query and the
page's frame.

A key holds everything a part depends on:

- the collection version: every write to the collection (object, images, restorations
  and their review, notes, descriptions and their review, search indexes) moves it on,
  and the panels of *other* objects ("More like this", related objects) change only
  with it;
- the object's ``updated_at``, read afresh with the row on every request: an edit of the
  object shows at once even where this process still trusts its copy of the version;
- the language, and the scheme and host (JSON-LD and the canonical link are absolute).

Visibility is decided before any part is looked up: a restricted or draft object is a
404 from its own row, never a cached part. Parts are rendered from a context with no
user, request or CSRF token in it (see ``templatetags/object_fragments.py``), so nothing
that belongs to one visitor can be cached for all.
"""

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import translation

from exhibition.models import CollectionObject
from exhibition.page_cache import PAGE_SECONDS, collection_version

# A safety net only, as for whole pages: versions, not expiry, keep parts current.
FRAGMENT_SECONDS = PAGE_SECONDS
KEY_PREFIX = "vitrine:object-fragments"

ContextBuilder = Callable[[], dict[str, Any]]


def fragment_key(request: HttpRequest, obj: CollectionObject) -> str:
    """The cache key of this object's parts as this request would render them."""
    origin = f"{request.scheme}://{request.get_host()}"
    stamp = obj.updated_at.timestamp() if obj.updated_at else 0
    digest = hashlib.sha256(f"{translation.get_language()} {origin}".encode()).hexdigest()[:32]
    return f"{KEY_PREFIX}:{collection_version()}:{obj.pk}:{stamp:.6f}:{digest}"


class ObjectFragments:
    """One page's parts: read from the cache in one call, rendered where missing, and
    written back in one call once the page is done (``save``).

    ``build_context`` makes the full context the parts are rendered from; it runs at
    most once, and only when a part has to be rendered.
    """

    def __init__(
        self,
        *,
        key: str,
        build_context: ContextBuilder,
        use_cache: bool = True,
    ) -> None:
        self.key = key
        self._build_context = build_context
        self._use_cache = use_cache
        self._context: dict[str, Any] | None = None
        held = cache.get(key) if use_cache else None
        self._parts: dict[str, str] = dict(held) if isinstance(held, dict) else {}
        self._rendered: set[str] = set()

    def get(self, name: str) -> str | None:
        return self._parts.get(name)

    def put(self, name: str, html: str) -> None:
        self._parts[name] = html
        self._rendered.add(name)

    def context(self) -> dict[str, Any]:
        if self._context is None:
            self._context = self._build_context()
        return self._context

    @property
    def rendered(self) -> frozenset[str]:
        """The parts this request rendered rather than read from the cache."""
        return frozenset(self._rendered)

    def save(self) -> None:
        if self._rendered and self._use_cache:
            cache.set(self.key, self._parts, FRAGMENT_SECONDS)


def object_fragments(
    request: HttpRequest, obj: CollectionObject, *, build_context: ContextBuilder
) -> ObjectFragments:
    """The parts of ``obj``'s page for this request.

    Signed-in users (curators checking an edit) get parts rendered afresh, as they get a
    fresh page, and what is rendered for them is not kept: the panels' contexts are
    built with their request, and nothing built from a curator's request may reach
    visitors.
    """
    return ObjectFragments(
        key=fragment_key(request, obj),
        build_context=build_context,
        use_cache=not request.user.is_authenticated,
    )

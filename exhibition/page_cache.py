"""Whole-page caching for visitors, invalidated by a collection version.

Public pages are the same for every anonymous visitor until something in the collection
changes, so they are cached whole. Every key carries the current *collection version*;
any write to the exhibition app's tables (admin edit, import, review, tiles) moves the
version on, and every cached page is thereby stale at once — a record made restricted
disappears from the next response, not after a timeout.
"""

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from exhibition.models import CollectionVersion

VERSION_KEY = "vitrine:collection-version"
# How long a process trusts its cached copy of the version before asking the database:
# a change made by another process (an import, a worker) shows within this time; a
# change made by this process (or any, with the shared Redis cache) shows at once.
VERSION_SECONDS = 1
# A safety net only: versions, not expiry, keep pages current.
PAGE_SECONDS = 15 * 60
CACHEABLE_STATUS = frozenset({200})
SINGLETON = 1

View = Callable[..., HttpResponse]


def collection_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = (
            CollectionVersion.objects.filter(pk=SINGLETON).values_list("version", flat=True).first()
            or 0
        )
        cache.set(VERSION_KEY, version, VERSION_SECONDS)
    return int(version)


def _bump_version() -> None:
    updated = CollectionVersion.objects.filter(pk=SINGLETON).update(version=F("version") + 1)
    if not updated:
        CollectionVersion.objects.get_or_create(pk=SINGLETON, defaults={"version": 2})
    cache.delete(VERSION_KEY)


def collection_changed() -> None:
    """Mark every cached page stale once the current transaction commits."""
    connection = transaction.get_connection()
    # One bump per transaction is enough, however many rows it writes (an import writes
    # hundreds); `run_on_commit` holds (savepoint ids, callback, robust) entries.
    if any(entry[1] is _bump_version for entry in connection.run_on_commit):
        return
    transaction.on_commit(_bump_version)


def _page_key(request: HttpRequest) -> str:
    # Pages hold absolute URLs (canonical link, JSON-LD, manifest links) built from the
    # request's scheme and host: a page asked for under another allowed host name must
    # never be served to visitors of this one.
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    # The URL decides the language of every per-language page; the active language is in
    # the key as well so that a page outside the prefixes can never be served in another.
    digest = hashlib.sha256(f"{translation.get_language()} {address}".encode()).hexdigest()
    return f"vitrine:page:{collection_version()}:{request.method}:{digest}"


def cached_public_page(view: View) -> View:
    """Serve anonymous GET/HEAD requests from the page cache, filling it on a miss."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if (
            not settings.VITRINE_PAGE_CACHE
            or request.method not in {"GET", "HEAD"}
            or request.user.is_authenticated
        ):
            return view(request, *args, **kwargs)
        key = _page_key(request)
        hit = cache.get(key)
        if hit is not None:
            status, headers, content = hit
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        # A response that sets a cookie (a CSRF token, a session) belongs to one visitor.
        if (
            response.status_code in CACHEABLE_STATUS
            and not response.streaming
            and not response.cookies
        ):
            cache.set(
                key, (response.status_code, list(response.items()), response.content), PAGE_SECONDS
            )
        return response

    return wrapper

"""Linked Art HTTP responses: the media type, CORS, bounded caching, the identical 404.

Documents are cached whole, keyed by the collection version (exhibition's page cache
moves it on any write), so a record made restricted is gone from the next response.
Keys carry the scheme and host because documents hold absolute ids. The cache is this
module's own, never the page cache's keys: the object page's URL may also be asked for
as JSON-LD (interop/negotiation.py), and the two must never be served for each other.
"""

import hashlib
import json
from collections.abc import Callable

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse

from exhibition.page_cache import PAGE_SECONDS, collection_version
from interop.linked_art.common import PROFILE_MEDIA_TYPE, Absolute, Doc

BROWSER_SECONDS = 5 * 60
# One Linked Art document is a few kilobytes; a bound keeps a runaway record out of the cache.
MAX_CACHED_BYTES = 512 * 1024
NOT_FOUND_BODY = b'{"error": "Not found"}'

Builder = Callable[[Absolute], Doc]


def _cache_key(request: HttpRequest, kind: str, key: str) -> str:
    address = f"{request.scheme}://{request.get_host()}|{kind}|{key}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"vitrine:linked-art:{collection_version()}:{digest}"


def not_found() -> HttpResponse:
    """The same answer for a missing, restricted or draft record: nothing is learnt."""
    response = HttpResponse(NOT_FOUND_BODY, status=404, content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def linked_art_response(
    request: HttpRequest, *, kind: str, key: str, build: Builder
) -> HttpResponse:
    cache_key = _cache_key(request, kind, key)
    body = cache.get(cache_key)
    if body is None:
        try:
            document = build(request.build_absolute_uri)
        except Http404:
            return not_found()
        body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
        if len(body) <= MAX_CACHED_BYTES:
            cache.set(cache_key, body, PAGE_SECONDS)
    response = HttpResponse(body, content_type=PROFILE_MEDIA_TYPE)
    response["Cache-Control"] = f"public, max-age={BROWSER_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"
    return response

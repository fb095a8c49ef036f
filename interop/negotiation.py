"""Content negotiation on the object page: the same URL as HTML or as Linked Art.

``Accept: application/ld+json;profile="https://linked.art/ns/v1/linked-art.json"`` on
``/objects/<slug>/`` answers the object's Linked Art document. This is a middleware so
that exhibition (which serves the page) never imports interop.

The page cache keys pages by method and URL, not by Accept, so the JSON-LD answer is
made here, before the cached view runs, and never stored under the page's key; and every
answer for these paths says ``Vary: Accept`` so that no shared cache downstream serves
one representation for the other.
"""

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from interop.linked_art.common import CONTEXT
from interop.linked_art.views import object_response

OBJECT_PAGE = re.compile(r"^/objects/(?P<slug>[-a-zA-Z0-9_]{1,200})/$")
JSON_LD = "application/ld+json"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# An Accept header longer than this is not a real client's; it gets the page.
MAX_ACCEPT = 2000


def _media_ranges(accept: str) -> list[tuple[str, dict[str, str], float]]:
    ranges = []
    for part in accept[:MAX_ACCEPT].split(",")[:50]:
        media_type, *raw_params = (piece.strip() for piece in part.split(";"))
        params = {}
        for raw in raw_params:
            name, _, value = raw.partition("=")
            params[name.strip().lower()] = value.strip().strip('"')
        try:
            quality = float(params.pop("q", "1"))
        except ValueError:
            quality = 0.0
        ranges.append((media_type.lower(), params, quality))
    return ranges


def wants_linked_art(accept: str) -> bool:
    """True when JSON-LD (with the Linked Art profile, or none) is preferred to HTML.

    JSON-LD asked for with another profile (schema.org, say) is not ours to answer; the
    page, which embeds schema.org JSON-LD, is.
    """
    linked_art = html = 0.0
    for media_type, params, quality in _media_ranges(accept):
        if media_type == JSON_LD and params.get("profile", CONTEXT) == CONTEXT:
            linked_art = max(linked_art, quality)
        elif media_type in HTML_TYPES or media_type in {"*/*", "text/*"}:
            html = max(html, quality)
    return linked_art > 0 and linked_art >= html


class LinkedArtNegotiationMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        match = OBJECT_PAGE.match(request.path_info)
        if match is None:
            return self.get_response(request)
        if request.method in {"GET", "HEAD"} and wants_linked_art(
            request.headers.get("Accept", "")
        ):
            response = object_response(request, match.group("slug"))
        else:
            response = self.get_response(request)
        patch_vary_headers(response, ["Accept"])
        return response

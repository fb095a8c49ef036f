"""HTTP details every IIIF response shares: CORS, JSON vs JSON-LD, and error bodies.

Viewers such as Mirador and Universal Viewer load our manifests, info.json and tiles
from other origins, so every IIIF response (errors included) carries
``Access-Control-Allow-Origin: *``.
"""

import functools
import json
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase

View = Callable[..., HttpResponseBase]

ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
JSON_LD = "application/ld+json"


def _cors(response: HttpResponseBase) -> HttpResponseBase:
    response["Access-Control-Allow-Origin"] = "*"
    return response


def json_error(message: str, *, status: int) -> JsonResponse:
    return JsonResponse({"detail": message}, status=status)


def iiif_endpoint(view: View) -> View:
    """GET/HEAD only, CORS on every answer, a JSON 404 with a message for absent things."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method == "OPTIONS":
            # A CORS preflight (e.g. a viewer sending a non-simple Accept header).
            preflight = HttpResponse(status=204)
            preflight["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            preflight["Access-Control-Allow-Headers"] = "Accept, Range"
            preflight["Access-Control-Max-Age"] = "86400"
            return _cors(preflight)
        if request.method not in ALLOWED_METHODS:
            refused = json_error("Only GET and HEAD are allowed here.", status=405)
            refused["Allow"] = ", ".join(ALLOWED_METHODS)
            return _cors(refused)
        response: HttpResponseBase
        try:
            response = view(request, *args, **kwargs)
        except Http404 as exc:
            response = json_error(str(exc) or "Not found.", status=404)
        return _cors(response)

    return wrapper


def wants_json_ld(request: HttpRequest) -> bool:
    """True only when the client asks for JSON-LD explicitly and prefers it to JSON.

    IIIF Image and Presentation 3 both say: unless the Accept header asks for
    application/ld+json, the server MUST answer with plain application/json.
    """
    explicit = any(
        media.main_type == "application" and media.sub_type == "ld+json"
        for media in request.accepted_types
    )
    if not explicit:
        return False
    return request.get_preferred_type([JSON_LD, "application/json"]) == JSON_LD


def iiif_json_response(
    request: HttpRequest, data: dict[str, Any], *, context: str, max_age: int
) -> HttpResponse:
    """A IIIF JSON document, typed as JSON-LD (with profile) or JSON as the client asked."""
    if wants_json_ld(request):
        content_type = f'{JSON_LD};profile="{context}"'
    else:
        content_type = "application/json"
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1), content_type=content_type
    )
    if content_type == "application/json":
        # Recommended by both specs so plain-JSON clients can still find the context.
        response["Link"] = (
            f'<{context}>;rel="http://www.w3.org/ns/json-ld#context";type="{JSON_LD}"'
        )
    response["Cache-Control"] = f"public, max-age={max_age}"
    response["Vary"] = "Accept"
    return response

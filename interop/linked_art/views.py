"""Linked Art endpoints: validate the address, build one document, answer it."""

from pathlib import Path

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.views.decorators.http import require_safe

from exhibition.selectors import get_public_agent, get_public_object, get_public_place
from interop.linked_art.agents import agent_document, agent_path, is_group
from interop.linked_art.common import Absolute, Doc
from interop.linked_art.concepts import concept_document
from interop.linked_art.objects import object_document
from interop.linked_art.places import place_document
from interop.linked_art.responses import linked_art_response, not_found

# Slugs are at most 200 characters in every model; anything longer names nothing.
MAX_SLUG = 200
CONTEXT_FILE = Path(__file__).with_name("linked-art-context.json")


def object_response(request: HttpRequest, slug: str) -> HttpResponse:
    """The object's document; also what content negotiation on the object page answers."""
    if len(slug) > MAX_SLUG:
        return not_found()

    def build(absolute: Absolute) -> Doc:
        return object_document(absolute, get_public_object(slug))

    return linked_art_response(request, kind="object", key=slug, build=build)


@require_safe
def linked_object(request: HttpRequest, slug: str) -> HttpResponse:
    return object_response(request, slug)


def _agent(request: HttpRequest, slug: str, *, group: bool) -> HttpResponse:
    if len(slug) > MAX_SLUG:
        return not_found()
    try:
        agent = get_public_agent(slug)
    except Http404:  # absent, or with restricted/draft works only
        return not_found()
    if is_group(agent) != group:
        # Asked as a person but the rule says group (or the reverse): one canonical id.
        return HttpResponsePermanentRedirect(agent_path(agent))
    return linked_art_response(
        request, kind="agent", key=slug, build=lambda absolute: agent_document(absolute, agent)
    )


@require_safe
def person(request: HttpRequest, slug: str) -> HttpResponse:
    return _agent(request, slug, group=False)


@require_safe
def group(request: HttpRequest, slug: str) -> HttpResponse:
    return _agent(request, slug, group=True)


@require_safe
def place(request: HttpRequest, slug: str) -> HttpResponse:
    if len(slug) > MAX_SLUG:
        return not_found()
    return linked_art_response(
        request,
        kind="place",
        key=slug,
        build=lambda absolute: place_document(absolute, get_public_place(slug)),
    )


@require_safe
def concept(request: HttpRequest, key: str) -> HttpResponse:
    if len(key) > MAX_SLUG:
        return not_found()
    return linked_art_response(
        request, kind="concept", key=key, build=lambda absolute: concept_document(absolute, key)
    )


@require_safe
def context(request: HttpRequest) -> HttpResponse:
    """A copy of the Linked Art 1.0 JSON-LD context, for processors kept offline."""
    response = HttpResponse(CONTEXT_FILE.read_bytes(), content_type="application/ld+json")
    response["Cache-Control"] = "public, max-age=86400"
    response["Access-Control-Allow-Origin"] = "*"
    return response

"""IIIF Collections and the Change Discovery stream: validate the address, build, answer.

Every answer goes through ``iiif_endpoint`` (CORS, GET/HEAD only, JSON 404s), like the
manifests they list.
"""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse

from exhibition import selectors
from exhibition.iiif import collections, discovery
from exhibition.iiif.http import iiif_endpoint, iiif_json_response
from exhibition.iiif.manifests import PRESENTATION_CONTEXT
from exhibition.whole_numbers import positive_int

COLLECTION_MAX_AGE = 5 * 60
# Harvesters poll the stream; a minute keeps them close behind without recomputing it
# for every request.
DISCOVERY_MAX_AGE = 60


def _page_number(text: str) -> int:
    number = positive_int(text)
    if number is None:
        raise Http404(f"No page '{text}'.")
    return number


@iiif_endpoint
def collection(request: HttpRequest) -> HttpResponse:
    data = collections.top_collection(
        request.build_absolute_uri, site_name=settings.VITRINE_SITE_NAME
    )
    return iiif_json_response(
        request, data, context=PRESENTATION_CONTEXT, max_age=COLLECTION_MAX_AGE
    )


@iiif_endpoint
def collection_page(request: HttpRequest, number: str) -> HttpResponse:
    data = collections.page_collection(request.build_absolute_uri, _page_number(number))
    if data is None:
        raise Http404(f"No page {number} of the collection.")
    return iiif_json_response(
        request, data, context=PRESENTATION_CONTEXT, max_age=COLLECTION_MAX_AGE
    )


@iiif_endpoint
def exhibitions_collection(request: HttpRequest) -> HttpResponse:
    data = collections.exhibitions_collection(request.build_absolute_uri)
    return iiif_json_response(
        request, data, context=PRESENTATION_CONTEXT, max_age=COLLECTION_MAX_AGE
    )


@iiif_endpoint
def exhibition_collection(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        exhibition = selectors.get_public_exhibition(slug)
    except Http404:
        raise Http404(f"No public exhibition '{slug}'.") from None
    data = collections.exhibition_collection(request.build_absolute_uri, exhibition)
    return iiif_json_response(
        request, data, context=PRESENTATION_CONTEXT, max_age=COLLECTION_MAX_AGE
    )


@iiif_endpoint
def discovery_collection(request: HttpRequest) -> HttpResponse:
    data = discovery.ordered_collection(request.build_absolute_uri)
    return iiif_json_response(
        request, data, context=discovery.DISCOVERY_CONTEXT, max_age=DISCOVERY_MAX_AGE
    )


@iiif_endpoint
def discovery_page(request: HttpRequest, number: str) -> HttpResponse:
    data = discovery.ordered_page(request.build_absolute_uri, _page_number(number))
    if data is None:
        raise Http404(f"No page {number} of the change discovery stream.")
    return iiif_json_response(
        request, data, context=discovery.DISCOVERY_CONTEXT, max_age=DISCOVERY_MAX_AGE
    )

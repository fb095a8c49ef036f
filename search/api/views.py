"""Search API views: one class per action; validation here, the work in search.selectors."""

import time
from typing import Any, NoReturn

from django.conf import settings
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.http import QueryDict
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.exceptions import APIException, Throttled
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from exhibition.api.base import PublicReadView, check_param_values
from exhibition.api.errors import InvalidQuery
from exhibition.api.schema import (
    ERROR_RESPONSES,
    PAGE_NUMBER_SCHEMA,
    ErrorSerializer,
    object_filter_parameters,
)
from exhibition.browse import BrowseParamError, BrowseQuery, parse_browse_params
from exhibition.whole_numbers import natural_int, positive_int
from search.api.cards import CardHit, public_cards
from search.api.payload import results_payload
from search.api.renderers import FastJSONRenderer
from search.api.serializers import SearchResultsSerializer
from search.query_input import MAX_PAGE_SIZE, MAX_QUERY_CHARS, SearchInputError
from search.results import SearchResults
from search.selectors import search_by_image, search_text
from search.throttling import photo_throttled_message, photo_throttles
from search.uploads import UploadError, open_upload, read_limited, too_large

FILTER_PARAMS = frozenset({"type", "culture", "has_3d", "date_from", "date_to"})
PAGE_PARAMS = frozenset({"page", "page_size", "format"})


class _InMemoryPhoto(MemoryFileUploadHandler):
    """Keeps the photo in memory whatever its size: the body was bounded before parsing."""

    def handle_raw_input(self, *args: Any, **kwargs: Any) -> None:
        self.activated = True


class UploadRefused(APIException):
    default_detail = "The photo cannot be used."
    default_code = "bad_upload"

    def __init__(self, error: UploadError) -> None:
        self.status_code = error.status_code
        # DRF's exception handler sends a ``wait`` as Retry-After (a busy 503).
        self.wait = error.retry_after
        super().__init__(str(error))


def parse_search_filters(params: QueryDict) -> tuple[BrowseQuery, int, int]:
    """Filters and paging of a search request; InvalidQuery (400) says what is wrong."""
    filters = params.copy()
    for name in ("q", "page", "page_size", "format"):
        filters.pop(name, None)
    try:
        query = parse_browse_params(filters)
    except BrowseParamError as exc:
        raise InvalidQuery(str(exc)) from None
    page = positive_int(params.get("page", "1") or "1")
    page_size = positive_int(params.get("page_size", "20") or "20")
    if page is None or page_size is None or page_size > MAX_PAGE_SIZE:
        raise InvalidQuery(f"'page' must be 1 or more; 'page_size' 1 to {MAX_PAGE_SIZE}.")
    return query, page, page_size


def _page_parameters() -> list[OpenApiParameter]:
    return [
        OpenApiParameter("page", PAGE_NUMBER_SCHEMA, description="Page number, from 1."),
        OpenApiParameter(
            "page_size",
            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            description=f"Results per page, 1 to {MAX_PAGE_SIZE}.",
        ),
    ]


def _respond(view: GenericAPIView, results: SearchResults) -> Response:  # type: ignore[type-arg]
    started = time.perf_counter()
    cards = public_cards([hit.object_id for hit in results.hits], view.request)
    hits = [
        CardHit(cards[hit.object_id], hit.score, hit.explanation)
        for hit in results.hits
        if hit.object_id in cards  # made restricted since it was ranked
    ]
    results.timings["load"] = round((time.perf_counter() - started) * 1000.0, 2)
    return Response(results_payload(results, hits))


class SearchApi(PublicReadView):
    """Hybrid search by words, with an explanation for every hit."""

    allowed_params = FILTER_PARAMS | PAGE_PARAMS | {"q"}
    pagination_class = None
    renderer_classes = [FastJSONRenderer]

    @extend_schema(
        operation_id="search",
        summary="Search the public collection by words",
        description=(
            "Fuses a keyword channel (BM25), a record-text channel (sentence embeddings) and a "
            "visual channel (query text against image embeddings). Each hit says why it was "
            "found. When a vector index is missing, keyword results come with a notice."
        ),
        parameters=[
            OpenApiParameter(
                "q",
                # At least one character that is not a space (and no NUL), as the site requires.
                {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": MAX_QUERY_CHARS,
                    "pattern": r"^[^\u0000]*\S[^\u0000]*$",
                },
                required=True,
                description=f"The query, 1 to {MAX_QUERY_CHARS} characters.",
            ),
            *object_filter_parameters(*FILTER_PARAMS),
            *_page_parameters(),
        ],
        responses={
            200: OpenApiResponse(SearchResultsSerializer, "Ranked results"),
            **ERROR_RESPONSES,
        },
    )
    def get(self, request: Request) -> Response:
        filters, page, page_size = parse_search_filters(request.query_params)
        try:
            results = search_text(
                query=request.query_params.get("q", ""),
                filters=filters,
                page=page,
                page_size=page_size,
            )
        except SearchInputError as exc:
            raise InvalidQuery(str(exc)) from None
        return _respond(self, results)


@extend_schema_field(
    {
        "type": "string",
        "format": "binary",
        "description": "A JPEG, PNG or WebP photo (at most 10 MB and 40 megapixels).",
    }
)
class PhotoUploadField(serializers.FileField):
    """The photo as a file part, not the URL that an ImageField stands for in responses."""


class SearchByImageApi(GenericAPIView):  # type: ignore[type-arg]
    """Search by photo: objects that look like the uploaded image. The photo is not stored."""

    authentication_classes: list[Any] = []
    parser_classes = [MultiPartParser]
    renderer_classes = [FastJSONRenderer]
    http_method_names = ["post", "options"]
    pagination_class = None

    def get_throttles(self) -> list[Any]:
        return photo_throttles()

    def throttled(self, request: Request, wait: float | None) -> NoReturn:
        seconds = max(1, round(wait or 1))
        raise Throttled(wait=wait, detail=photo_throttled_message(seconds))

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        # Refuse an oversized body before it is read; keep the photo in memory, never on disk.
        declared = natural_int(request.META.get("CONTENT_LENGTH") or "0") or 0
        if declared > settings.VITRINE_MAX_UPLOAD_BYTES + 64 * 1024:
            raise UploadRefused(too_large())
        request._request.upload_handlers = [_InMemoryPhoto(request._request)]
        super().initial(request, *args, **kwargs)

    @extend_schema(
        operation_id="search_by_image",
        summary="Search the public collection by photo",
        description="JPEG, PNG or WebP, at most 10 MB and 40 megapixels; EXIF is ignored "
        "(only the orientation is applied) and the photo is never stored.",
        parameters=[*object_filter_parameters(*FILTER_PARAMS), *_page_parameters()],
        request={
            "multipart/form-data": inline_serializer(
                "SearchByImageRequest", fields={"image": PhotoUploadField()}
            )
        },
        responses={
            200: OpenApiResponse(SearchResultsSerializer, "Ranked results"),
            400: OpenApiResponse(ErrorSerializer, "No image, a damaged image, or a bad parameter"),
            413: OpenApiResponse(ErrorSerializer, "Over 10 MB or 40 megapixels"),
            415: OpenApiResponse(ErrorSerializer, "Not a JPEG, PNG or WebP image"),
            429: ERROR_RESPONSES[429],
            503: OpenApiResponse(
                ErrorSerializer, "Too many photos being read at once; see Retry-After"
            ),
        },
    )
    def post(self, request: Request) -> Response:
        unknown = sorted(set(request.query_params) - FILTER_PARAMS - PAGE_PARAMS)
        if unknown:
            raise InvalidQuery(f"Unknown query parameter {', '.join(unknown)}.")
        check_param_values(request.query_params)
        filters, page, page_size = parse_search_filters(request.query_params)
        upload = request.FILES.get("image")
        if upload is None:
            raise InvalidQuery("Send the photo as a multipart form field named 'image'.")
        try:
            image = open_upload(read_limited(upload, declared_size=upload.size))
        except UploadError as exc:
            raise UploadRefused(exc) from None
        results = search_by_image(image=image, filters=filters, page=page, page_size=page_size)
        return _respond(self, results)

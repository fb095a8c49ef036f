"""``POST /api/interactions/``: a batch of what one visitor did, recorded for their session.

The batch as a whole must be well formed (400 otherwise, nothing recorded); each item whose
object is unknown, restricted or draft is reported in ``rejected`` and the rest are kept.
"""

from typing import Any

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.authentication import CSRFCheck
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from exhibition.api.base import ThrottledInWords
from exhibition.api.schema import ERROR_RESPONSES, ErrorSerializer
from exhibition.whole_numbers import natural_int
from tours.api.json_fields import StrictIntegerField, StrictSlugField
from tours.models import InteractionKind, InteractionSource
from tours.services.interactions import (
    MAX_DWELL_SECONDS,
    MAX_SLUG_LENGTH,
    VISITOR_SOURCES,
    InteractionItem,
    interactions_record,
)
from tours.visitors import visitor_profile_get_or_create

# Far above what a full batch of well-formed items takes; refused before it is read.
BYTES_PER_ITEM = 1024
MAX_ERRORS_SHOWN = 3


class InvalidBatch(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = "The batch of interactions is not well formed."
    default_code = "invalid_batch"


class BodyTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


class InteractionInputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    object = StrictSlugField(max_length=MAX_SLUG_LENGTH, help_text="The object's slug")
    kind = serializers.ChoiceField(choices=InteractionKind.choices)
    source = serializers.ChoiceField(  # type: ignore[assignment]  # a field, not Field.source
        choices=[
            (value, label) for value, label in InteractionSource.choices if value in VISITOR_SOURCES
        ],
        default=InteractionSource.API.value,
        help_text="Where the visitor did it",
    )
    dwell_seconds = StrictIntegerField(
        min_value=0,
        max_value=MAX_DWELL_SECONDS,
        allow_null=True,
        default=None,
        help_text="Seconds spent looking (views only), at most 4 hours",
    )


class InteractionsInputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    interactions = serializers.ListField(
        child=InteractionInputSerializer(),
        min_length=1,
        max_length=settings.TOURS_INTERACTIONS_MAX_BATCH,
    )


class RejectedSerializer(serializers.Serializer):  # type: ignore[type-arg]
    index = serializers.IntegerField(help_text="Position of the item in the batch, from 0")
    object = serializers.CharField()
    reason = serializers.CharField()


class InteractionsOutputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    recorded = serializers.IntegerField(help_text="How many items were kept")
    rejected = RejectedSerializer(many=True)


def _words(errors: Any) -> str:
    """One item's errors: ``{"kind": [...]}`` as "kind: ...", a bare list as its messages."""
    if isinstance(errors, dict):
        return "; ".join(
            f"{name}: {_words(messages)}" if name != "non_field_errors" else _words(messages)
            for name, messages in errors.items()
        )
    if isinstance(errors, list):
        return " ".join(_words(message) for message in errors)
    return str(errors)


def _first_errors(errors: Any) -> str:
    """DRF's nested errors as a sentence or three a client developer can act on."""
    item_errors = errors.get("interactions", {}) if isinstance(errors, dict) else errors
    if not isinstance(item_errors, dict):  # about the list itself
        return f"'interactions': {_words(item_errors)}"
    shown = sorted(item_errors.items())[:MAX_ERRORS_SHOWN]
    return "; ".join(f"interaction {index}: {_words(problem)}" for index, problem in shown)


def parse_batch(data: Any) -> list[InteractionItem]:
    """The request body as items, or InvalidBatch (400) saying what is wrong."""
    limit = settings.TOURS_INTERACTIONS_MAX_BATCH
    if not isinstance(data, dict) or not isinstance(data.get("interactions"), list):
        raise InvalidBatch('Send a JSON object: {"interactions": [{"object": …, "kind": …}]}.')
    count = len(data["interactions"])
    if not 1 <= count <= limit:
        raise InvalidBatch(f"Send 1 to {limit} interactions at once; this batch has {count}.")
    serializer = InteractionsInputSerializer(data=data)
    if not serializer.is_valid():
        raise InvalidBatch(f"Nothing was recorded: {_first_errors(serializer.errors)}.")
    return [
        InteractionItem(item["object"], item["kind"], item["source"], item["dwell_seconds"])
        for item in serializer.validated_data["interactions"]
    ]


def _enforce_csrf(request: Request) -> None:
    """A request that carries a session cookie writes to that visitor: it needs the CSRF token.

    (Without one it can only start a new, empty visitor, which is what a plain API client
    does; the token comes with ``GET /tours/state/`` or any page with a form.)
    """
    django_request = request._request
    if settings.SESSION_COOKIE_NAME not in django_request.COOKIES:
        return
    check = CSRFCheck(lambda _request: None)  # type: ignore[arg-type]
    check.process_request(django_request)
    reason = check.process_view(django_request, None, (), {})  # type: ignore[arg-type]
    if reason:
        raise exceptions.PermissionDenied(
            f"CSRF check failed ({reason}). Send the X-CSRFToken header with the token that "
            "GET /tours/state/ returns."
        )


class InteractionsApi(ThrottledInWords, GenericAPIView):  # type: ignore[type-arg]
    """Record what a visitor did: views with dwell time, likes, skips, tour picks."""

    authentication_classes: list[Any] = []
    parser_classes = [JSONParser]
    http_method_names = ["post", "options"]
    pagination_class = None

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        declared = natural_int(request.META.get("CONTENT_LENGTH") or "0") or 0
        limit = settings.TOURS_INTERACTIONS_MAX_BATCH * BYTES_PER_ITEM
        if declared > limit:
            raise BodyTooLarge(f"The body is over {limit // 1024} KiB; send smaller batches.")
        super().initial(request, *args, **kwargs)
        _enforce_csrf(request)

    @extend_schema(
        operation_id="interactions_record",
        summary="Record what a visitor did with objects",
        description=(
            "A batch of a visitor's interactions (views with dwell time, likes, unlikes, "
            "skips, 'add to my tour'), kept for the visitor of this session: no account, "
            "no IP address; deleted after the retention period (TOURS_RETENTION_DAYS, "
            "90 days by default). The first batch without a session starts one (a cookie). "
            "A request carrying the session cookie must send the CSRF token in X-CSRFToken. "
            f"At most {settings.TOURS_INTERACTIONS_MAX_BATCH} items: a malformed batch is "
            "refused whole (400); items naming no public object are listed in 'rejected' "
            "and the others are kept."
        ),
        request=InteractionsInputSerializer,
        responses={
            200: OpenApiResponse(InteractionsOutputSerializer, "What was kept and refused"),
            400: OpenApiResponse(ErrorSerializer, "Not JSON, or a malformed or oversized batch"),
            403: OpenApiResponse(ErrorSerializer, "The session's CSRF token is missing or wrong"),
            413: OpenApiResponse(ErrorSerializer, "The body is too large"),
            415: OpenApiResponse(ErrorSerializer, "Not application/json"),
            429: ERROR_RESPONSES[429],
        },
    )
    def post(self, request: Request) -> Response:
        items = parse_batch(request.data)
        profile = visitor_profile_get_or_create(request=request._request)
        results = interactions_record(profile=profile, items=items)
        rejected = [
            {"index": r.index, "object": r.object_slug, "reason": r.reason}
            for r in results
            if not r.recorded
        ]
        payload = {"recorded": len(results) - len(rejected), "rejected": rejected}
        return Response(InteractionsOutputSerializer(payload).data)

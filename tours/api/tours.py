"""The tours API: plan a tour, read it, re-plan it. One class per action.

Tours are found by their unguessable public id; a tour holds nothing about its visitor but
what they asked for. The body of every error is ``{"detail": "<message>"}``.
"""

from typing import Any

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from exhibition.api.base import ThrottledInWords
from exhibition.api.schema import ErrorSerializer
from tours.api.json_fields import StrictBooleanField, StrictTextField
from tours.api.tour_payload import TourSerializer, tour_payload
from tours.recommending.interests import interest_choices
from tours.selectors.tour_pages import get_tour, get_tour_stop, tour_page
from tours.services.tour_plans import REPLAN_ACTIONS, tour_plan, tour_replan
from tours.tour_requests import (
    MAX_INTERESTS,
    MAX_LIKED,
    MAX_PACE,
    MIN_PACE,
    TourRequestError,
    read_tour_ask,
)
from tours.visitors import visitor_profile_find

WRITE_ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="A bad budget, pace, mode, room or action"),
    404: OpenApiResponse(ErrorSerializer, description="No such tour, or no such stop on it"),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests; see Retry-After"),
}


# Half a minute rounds up to one: the least a tour can be asked for.
MIN_BUDGET_MINUTES = 0.5


class BadTourRequest(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "bad_tour_request"


class TourCreateSerializer(serializers.Serializer):  # type: ignore[type-arg]
    budget_minutes = serializers.FloatField(
        min_value=MIN_BUDGET_MINUTES,
        max_value=settings.TOURS_MAX_BUDGET_MINUTES,
        error_messages={
            "min_value": "budget_minutes must be more than 0 minutes",
            "max_value": "budget_minutes can be at most {max_value} minutes (12 hours)",
        },
        help_text="Time the visitor has, in minutes: more than 0, at most 720 (12 hours)",
    )
    mode = serializers.ChoiceField(
        choices=["building", "online"], default="building", help_text="In the building or online"
    )
    interests = serializers.ListField(
        child=StrictTextField(max_length=200, allow_blank=True),
        max_length=MAX_INTERESTS,
        default=list,
        help_text='Interests as "kind:value": theme, object_type, period (a century), culture',
    )
    liked = serializers.ListField(
        child=StrictTextField(max_length=200, allow_blank=True),
        max_length=MAX_LIKED,
        default=list,
        help_text="Slugs of objects the visitor liked",
    )
    pace = serializers.FloatField(
        default=1.0,
        min_value=MIN_PACE,
        max_value=MAX_PACE,
        help_text="0.5 (brisk) to 2 (unhurried)",
    )
    step_free = StrictBooleanField(default=False, help_text="Only step-free routes")
    start_room = StrictTextField(max_length=100, default="", allow_blank=True)
    end_room = StrictTextField(max_length=100, default="", allow_blank=True)


class TourReplanSerializer(serializers.Serializer):  # type: ignore[type-arg]
    action = serializers.ChoiceField(choices=list(REPLAN_ACTIONS))
    stop = serializers.IntegerField(
        required=False, help_text="The stop id, for skip and more_like_this"
    )


def _first_message(problems: Any) -> str:
    """DRF's first error message, however deep it sits (a list item's errors are a dict)."""
    while isinstance(problems, dict | list) and problems:
        problems = next(iter(problems.values())) if isinstance(problems, dict) else problems[0]
    return str(problems)


class _TourApi(ThrottledInWords, APIView):
    authentication_classes: list[Any] = []
    parser_classes = [JSONParser]

    def valid(self, serializer_class: type[serializers.Serializer]) -> dict[str, Any]:  # type: ignore[type-arg]
        if not isinstance(self.request.data, dict):
            raise BadTourRequest("The body must be a JSON object.")
        serializer = serializer_class(data=self.request.data)
        if not serializer.is_valid():
            field, problems = next(iter(serializer.errors.items()))
            raise BadTourRequest(f"{field}: {_first_message(problems)}")
        return dict(serializer.validated_data)

    def tour_response(
        self, tour: Any, *, notices: tuple[str, ...] = (), code: int = 200
    ) -> Response:
        return Response(tour_payload(tour_page(tour=tour), self.request, notices), status=code)


class TourCreateApi(_TourApi):
    @extend_schema(
        operation_id="tours_create",
        summary="Plan a tour",
        description=(
            "Recommends objects for the interests and liked objects given (and the visitor's "
            "own history in this browser), then plans a tour that fits the time: in the "
            "building, along the gallery map from the start to the end room; online, as a "
            "chain of similar objects. Each stop says why it was chosen. Unknown interests and "
            "objects are reported in `notices` and left out. When nothing fits, the tour has "
            "no stops and `empty_reason` says why."
        ),
        request=TourCreateSerializer,
        responses={201: TourSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request) -> Response:
        data = self.valid(TourCreateSerializer)
        try:
            ask = read_tour_ask(
                mode=data["mode"],
                budget_minutes=data["budget_minutes"],
                interests=data["interests"],
                liked=data["liked"],
                pace=data["pace"],
                step_free=data["step_free"],
                start_room=data["start_room"],
                end_room=data["end_room"],
                choices=interest_choices(),
            )
            tour = tour_plan(ask=ask, profile=visitor_profile_find(request=request))
        except TourRequestError as exc:
            raise BadTourRequest(str(exc)) from None
        notices = (*ask.notices, *tour.request.get("notices", []))
        return self.tour_response(tour, notices=notices, code=status.HTTP_201_CREATED)


class TourDetailApi(_TourApi):
    @extend_schema(
        operation_id="tours_retrieve",
        summary="A planned tour",
        responses={200: TourSerializer, **WRITE_ERRORS},
    )
    def get(self, request: Request, public_id: str) -> Response:
        return self.tour_response(get_tour(public_id=public_id))


class TourReplanApi(_TourApi):
    @extend_schema(
        operation_id="tours_replan",
        summary="Re-plan a tour",
        description=(
            "Re-plans the rest of the tour from the last stop seen: `skip` a stop, `more_like_"
            "this` (the stop's object counts as liked), `more_time` (15 minutes more) or "
            "`shorten` (half of what is left). Stops seen or skipped stay out of the new plan."
        ),
        request=TourReplanSerializer,
        responses={200: TourSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, public_id: str) -> Response:
        tour = get_tour(public_id=public_id)
        data = self.valid(TourReplanSerializer)
        stop = get_tour_stop(tour=tour, stop_id=data["stop"]) if "stop" in data else None
        try:
            tour = tour_replan(tour=tour, action=data["action"], stop=stop)
        except TourRequestError as exc:
            raise BadTourRequest(str(exc)) from None
        return self.tour_response(tour)

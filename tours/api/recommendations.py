"""``GET /api/recommendations/``: objects to see next, each with the reason it was chosen.

The visitor's taste is what the query names (liked objects by slug, interests as
"kind:value") plus, when the session has a visitor profile, its chosen interests and its
history (likes, skips, views). Unknown slugs and interests are reported in the body and
left out; a malformed or out-of-range parameter is a 400.
"""

from typing import Any

from django.conf import settings
from django.http import QueryDict
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from exhibition.api.base import PublicReadView
from exhibition.api.errors import InvalidQuery
from exhibition.api.exhibitions import ObjectRefSerializer, object_ref
from exhibition.api.schema import ERROR_RESPONSES
from exhibition.selectors import public_object_ids, public_objects_with_media
from exhibition.whole_numbers import positive_int
from tours.models import VisitorProfile
from tours.recommending.base import Interest, ReasonKind, Recommendation, VisitorTaste
from tours.recommending.interests import interest_choices, parse_interest, validate_interests
from tours.selectors.history import visitor_history
from tours.selectors.recommendations import recommend_for
from tours.visitors import visitor_profile_find

MAX_LIMIT = 50
DEFAULT_LIMIT = 10
MAX_LIKED = 20
MAX_INTERESTS = 20
MAX_VALUE_CHARS = 200
REPEATABLE = frozenset({"liked", "interest"})


class RecommendationSerializer(ObjectRefSerializer):
    score = serializers.FloatField(help_text="Higher is a better fit; comparable within a list")
    reason = serializers.CharField(help_text="Why it was chosen, for the visitor to read")
    reason_kind = serializers.ChoiceField(choices=ReasonKind.choices)


class UnknownSerializer(serializers.Serializer):  # type: ignore[type-arg]
    liked = serializers.ListField(child=serializers.CharField(), help_text="Slugs not found")
    interests = serializers.ListField(
        child=serializers.CharField(), help_text="Interests the collection has nothing for"
    )


class RecommendationsSerializer(serializers.Serializer):  # type: ignore[type-arg]
    strategy = serializers.CharField(help_text="The recommender strategy that answered")
    used_history = serializers.BooleanField(help_text="Whether this session's history was used")
    results = RecommendationSerializer(many=True)
    unknown = UnknownSerializer(help_text="What the query named that was left out")


def _values(params: QueryDict, name: str, most: int) -> list[str]:
    values = params.getlist(name)
    if len(values) > most:
        raise InvalidQuery(f"'{name}' may be given at most {most} times.")
    if any(not value.strip() or len(value) > MAX_VALUE_CHARS for value in values):
        raise InvalidQuery(f"Each '{name}' must be 1 to {MAX_VALUE_CHARS} characters.")
    return values


def _limit(params: QueryDict) -> int:
    raw = params.get("limit", str(DEFAULT_LIMIT))
    limit = positive_int(raw)
    if limit is None or limit > MAX_LIMIT:
        raise InvalidQuery(f"'limit' must be a whole number from 1 to {MAX_LIMIT}.")
    return limit


def _profile_taste(profile: VisitorProfile | None) -> VisitorTaste:
    if profile is None:
        return VisitorTaste()
    history = visitor_history(profile=profile)
    raw = profile.interests if isinstance(profile.interests, list) else []
    chosen = [
        Interest(str(item.get("kind", "")), str(item.get("value", "")))
        for item in raw
        if isinstance(item, dict)
    ]
    return VisitorTaste(
        liked_ids=tuple(reversed(history.liked_ids)),  # oldest first
        skipped_ids=frozenset(history.skipped_ids),
        seen_ids=frozenset(history.viewed_ids) | frozenset(history.added_to_tour_ids),
        interests=tuple(chosen),
    )


class RecommendationsApi(PublicReadView):
    """Recommended objects for a visitor, each with a reason."""

    allowed_params = frozenset({"liked", "interest", "limit", "format"})
    pagination_class = None

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        # ``liked`` and ``interest`` repeat, which the shared parameter check refuses.
        GenericAPIView.initial(self, request, *args, **kwargs)
        for name, values in request.query_params.lists():
            if len(values) > 1 and name not in REPEATABLE:
                raise InvalidQuery(f"'{name}' may be given only once.")
        self.check_query_params(request)

    @extend_schema(
        operation_id="recommendations",
        summary="Objects recommended for a visitor, with reasons",
        description=(
            "Blends likeness to the liked objects and interests (stored record embeddings), "
            "what visitors who liked the same objects liked, and popularity; a varied list "
            "(maximal marginal relevance). Restricted and draft objects never appear. The "
            "session's own visitor history (likes, skips, views) is used when there is one."
        ),
        parameters=[
            OpenApiParameter(
                "liked",
                {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1, "maxLength": 200},
                    "maxItems": MAX_LIKED,
                },
                explode=True,
                description=f"Slug of a liked object; repeat, at most {MAX_LIKED}.",
            ),
            OpenApiParameter(
                "interest",
                {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1, "maxLength": 200},
                    "maxItems": MAX_INTERESTS,
                },
                explode=True,
                description="kind:value, kind one of theme, object_type, period (a century "
                f"such as 17), culture; e.g. theme:shipwrecks. Repeat, at most {MAX_INTERESTS}.",
            ),
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
                description=f"How many, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT}).",
            ),
        ],
        responses={200: RecommendationsSerializer, **ERROR_RESPONSES},
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        slugs = _values(params, "liked", MAX_LIKED)
        raw_interests = _values(params, "interest", MAX_INTERESTS)
        limit = _limit(params)
        profile = visitor_profile_find(request=request._request)
        taste, unknown = self._taste(slugs, raw_interests, _profile_taste(profile))
        picks = recommend_for(taste=taste, limit=limit)
        return Response(
            {
                "strategy": settings.TOURS_RECOMMENDER,
                "used_history": profile is not None,
                "results": self._results(picks),
                "unknown": unknown,
            }
        )

    @staticmethod
    def _taste(
        slugs: list[str], raw_interests: list[str], history: VisitorTaste
    ) -> tuple[VisitorTaste, dict[str, list[str]]]:
        found = public_object_ids(slugs=slugs)
        parsed = [(raw, parse_interest(raw)) for raw in raw_interests]
        choices = interest_choices()
        asked, unknown_interests = validate_interests(
            [i for _, i in parsed if i is not None], choices=choices
        )
        kept, _ = validate_interests(history.interests, choices=choices)  # stale ones: quietly
        interests = list({i.key: i for i in [*kept, *asked]}.values())
        liked = tuple(dict.fromkeys([*history.liked_ids, *(found[s] for s in slugs if s in found)]))
        taste = VisitorTaste(
            liked_ids=liked,
            skipped_ids=history.skipped_ids - set(liked),
            seen_ids=history.seen_ids,
            interests=tuple(interests),
        )
        unknown = {
            "liked": [slug for slug in slugs if slug not in found],
            "interests": [raw for raw, i in parsed if i is None] + unknown_interests,
        }
        return taste, unknown

    def _results(self, picks: list[Recommendation]) -> list[dict[str, Any]]:
        objects = public_objects_with_media().in_bulk([pick.object_id for pick in picks])
        serializer = RecommendationSerializer(context={"request": self.request})
        return [
            {
                **object_ref(serializer, objects[pick.object_id]),
                "score": pick.score,
                "reason": pick.reason,
                "reason_kind": pick.reason_kind,
            }
            for pick in picks
            if pick.object_id in objects
        ]

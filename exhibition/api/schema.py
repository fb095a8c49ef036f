"""OpenAPI pieces shared by the API views: the error body and its responses."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from exhibition.browse import MAX_YEAR, MIN_YEAR, SORT_LABELS, SORTS
from exhibition.whole_numbers import MAX_DIGITS


class ErrorSerializer(serializers.Serializer):  # type: ignore[type-arg]
    detail = serializers.CharField(help_text="What went wrong, in words a person can act on")


ERROR_RESPONSES = {
    400: OpenApiResponse(ErrorSerializer, description="Unknown query parameter or bad value"),
    404: OpenApiResponse(ErrorSerializer, description="No such public record, or no such page"),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests; see Retry-After"),
}


# Bounds of query parameters that the views enforce, stated in the schema so that clients
# (and schemathesis) know a value the API will refuse before sending it.
YEAR_SCHEMA = {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}
PAGE_NUMBER_SCHEMA = {"type": "integer", "minimum": 1, "maximum": 10**MAX_DIGITS - 1}


# The browse filters, as every API that filters objects documents them.
OBJECT_FILTER_PARAMETERS = [
    OpenApiParameter(
        "type",
        str,
        description="Object type, e.g. painting; repeat for OR.",
        many=True,
        explode=True,
    ),
    OpenApiParameter(
        "culture",
        str,
        description="Culture, e.g. 'Dutch Republic' (which includes 'Dutch Republic "
        "(Delft)'), or a culture exactly as recorded; repeat for OR.",
        many=True,
        explode=True,
    ),
    OpenApiParameter(
        "century",
        # A raw schema (many=True takes basic types only): the bounds the view enforces.
        {
            "type": "array",
            "items": {"type": "integer", "minimum": -100, "maximum": 30, "not": {"enum": [0]}},
        },
        description="Century begun in: 19 = 1801–1900, -5 = 5th century BCE.",
        style="form",
        explode=True,
    ),
    OpenApiParameter(
        "has_3d", bool, description="Only objects with (true) or without (false) a 3D model."
    ),
    OpenApiParameter(
        "has_restoration",
        bool,
        description="Only objects with (true) or without (false) an approved AI restoration.",
    ),
    OpenApiParameter("agent", OpenApiTypes.STR, description="Agent slug (see /api/agents/)."),
    OpenApiParameter("place", OpenApiTypes.STR, description="Place slug (see /api/places/)."),
    OpenApiParameter(
        "date_from", YEAR_SCHEMA, description="Objects dated in or after this year (overlap)."
    ),
    OpenApiParameter(
        "date_to", YEAR_SCHEMA, description="Objects dated in or before this year (overlap)."
    ),
    OpenApiParameter(
        "sort",
        str,
        enum=list(SORTS),
        default="title",
        description="; ".join(f"{key}: {label}" for key, label in SORT_LABELS.items()),
    ),
]


def object_filter_parameters(*names: str) -> list[OpenApiParameter]:
    """The object filters named (all by default): browsing takes them all, search a subset."""
    if not names:
        return list(OBJECT_FILTER_PARAMETERS)
    unknown = set(names) - {parameter.name for parameter in OBJECT_FILTER_PARAMETERS}
    if unknown:
        raise ValueError(f"no object filter named {', '.join(sorted(unknown))}")
    return [parameter for parameter in OBJECT_FILTER_PARAMETERS if parameter.name in names]

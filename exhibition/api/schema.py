"""OpenAPI pieces shared by the API views: the error body and its responses."""

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from exhibition.browse import MAX_YEAR, MIN_YEAR
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

"""OpenAPI pieces shared by the API views: the error body and its responses."""

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):  # type: ignore[type-arg]
    detail = serializers.CharField(help_text="What went wrong, in words a person can act on")


ERROR_RESPONSES = {
    400: OpenApiResponse(ErrorSerializer, description="Unknown query parameter or bad value"),
    404: OpenApiResponse(ErrorSerializer, description="No such public record, or no such page"),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests; see Retry-After"),
}

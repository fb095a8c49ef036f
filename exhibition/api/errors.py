"""Error answers of the read API: always JSON ``{"detail": "<message>"}``, never a 500."""

from rest_framework import status
from rest_framework.exceptions import APIException


class InvalidQuery(APIException):
    """A query parameter the API cannot honour (unknown filter, bad value)."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = "Invalid query parameter."
    default_code = "invalid_query"


THROTTLED_MESSAGE = (
    "Too many requests from your address. The API allows a limited number of "
    "requests per minute for anonymous clients; please wait and try again."
)

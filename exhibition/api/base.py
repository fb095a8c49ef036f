"""What every read-only API view shares: strict query parameters and clear errors."""

from typing import Any, NoReturn

from django.http import QueryDict
from rest_framework import exceptions
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request

from exhibition.api.errors import THROTTLED_MESSAGE, InvalidQuery

PAGING_PARAMS = frozenset({"cursor", "page_size", "format"})
DETAIL_PARAMS = frozenset({"format"})
# Filters that may be repeated for OR; every other parameter is given at most once.
REPEATABLE_PARAMS = frozenset({"type", "culture", "century"})
# Parameters whose value is a number, a choice or a yes/no: an empty value means nothing.
TYPED_PARAMS = frozenset(
    {"page", "page_size", "format", "sort", "century", "date_from", "date_to"}
    | {"has_3d", "has_restoration"}
)


def check_param_values(query_params: QueryDict) -> None:
    """A clear 400 for a parameter given twice, or a typed one given empty.

    QueryDict would otherwise quietly use the last value, or the default.
    """
    for name, values in query_params.lists():
        if len(values) > 1 and name not in REPEATABLE_PARAMS:
            raise InvalidQuery(f"'{name}' may be given only once.")
        if name in TYPED_PARAMS and "" in values:
            raise InvalidQuery(f"'{name}' is empty: leave it out, or give it a value.")


class ThrottledInWords:
    """An API view whose 429 says in words why, and what to do (Retry-After says when)."""

    def throttled(self, request: Request, wait: float | None) -> NoReturn:
        raise exceptions.Throttled(wait=wait, detail=THROTTLED_MESSAGE)


class PublicReadView(ThrottledInWords, GenericAPIView):  # type: ignore[type-arg]
    """Base of the public read API: GET only, anonymous, throttled.

    ``allowed_params`` lists the query parameters a view understands; any other one
    is a 400, so a misspelt filter never silently returns everything.
    """

    allowed_params: frozenset[str] = DETAIL_PARAMS
    authentication_classes: list[Any] = []
    http_method_names = ["get", "head", "options"]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        check_param_values(request.query_params)
        self.check_query_params(request)

    def check_query_params(self, request: Request) -> None:
        unknown = sorted(set(request.query_params.keys()) - self.allowed_params)
        if unknown:
            known = ", ".join(sorted(self.allowed_params - {"format"})) or "none"
            raise InvalidQuery(
                f"Unknown query parameter {', '.join(unknown)}. Known parameters: {known}."
            )

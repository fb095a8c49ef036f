"""What every read-only API view shares: strict query parameters and clear errors."""

from typing import Any, NoReturn

from rest_framework import exceptions
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request

from exhibition.api.errors import THROTTLED_MESSAGE, InvalidQuery

PAGING_PARAMS = frozenset({"page", "page_size", "format"})
DETAIL_PARAMS = frozenset({"format"})


class PublicReadView(GenericAPIView):  # type: ignore[type-arg]
    """Base of the public read API: GET only, anonymous, throttled.

    ``allowed_params`` lists the query parameters a view understands; any other one
    is a 400, so a misspelt filter never silently returns everything.
    """

    allowed_params: frozenset[str] = DETAIL_PARAMS
    authentication_classes: list[Any] = []
    http_method_names = ["get", "head", "options"]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.check_query_params(request)

    def check_query_params(self, request: Request) -> None:
        unknown = sorted(set(request.query_params.keys()) - self.allowed_params)
        if unknown:
            known = ", ".join(sorted(self.allowed_params - {"format"})) or "none"
            raise InvalidQuery(
                f"Unknown query parameter {', '.join(unknown)}. Known parameters: {known}."
            )

    def throttled(self, request: Request, wait: float | None) -> NoReturn:
        raise exceptions.Throttled(wait=wait, detail=THROTTLED_MESSAGE)

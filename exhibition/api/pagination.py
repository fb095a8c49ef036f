from typing import Any

from django.core.paginator import Paginator
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request

from exhibition.api.errors import InvalidQuery
from exhibition.api.schema import PAGE_NUMBER_SCHEMA
from exhibition.whole_numbers import MAX_DIGITS, positive_int


class BoundedPageNumberPagination(PageNumberPagination):
    """Page numbers with a client-chosen page size that can never exceed 100.

    A page size above 100 is lowered to 100; a page or page size that is not a
    positive whole number is a 400 with a message, not a silent default.
    """

    page_size = 24
    page_size_query_param = "page_size"
    max_page_size = 100
    page_query_description = "Page number, from 1 (or 'last')."
    page_size_query_description = (
        f"Results per page: 1 to {max_page_size} (default {page_size}); larger values "
        f"are lowered to {max_page_size}."
    )

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        # The bounds the views enforce, so that clients (and schemathesis) know them.
        parameters: list[dict[str, Any]] = super().get_schema_operation_parameters(view)
        bounds = {
            self.page_query_param: PAGE_NUMBER_SCHEMA,
            # Larger sizes are lowered to max_page_size, not refused.
            self.page_size_query_param: {"minimum": 1, "maximum": 10**MAX_DIGITS - 1},
        }
        for parameter in parameters:
            parameter["schema"] = {**parameter["schema"], **bounds.get(parameter["name"], {})}
        return parameters

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param, "")
        if raw == "":
            return self.page_size
        size = positive_int(raw)
        if size is None:
            raise InvalidQuery(
                f"'page_size' must be a whole number from 1 to {self.max_page_size}, not '{raw}'."
            )
        return min(size, self.max_page_size)

    def get_page_number(self, request: Request, paginator: Paginator) -> Any:  # type: ignore[type-arg]
        raw = request.query_params.get(self.page_query_param, "")
        if raw == "":
            return 1
        if raw in self.last_page_strings:
            return paginator.num_pages
        number = positive_int(raw)
        if number is None:
            raise InvalidQuery(f"'page' must be a whole number from 1 (or 'last'), not '{raw}'.")
        return number

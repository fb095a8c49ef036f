"""Keyset (cursor) pagination for the list endpoints.

A cursor holds the values of every ordering field of the last (or first) row a client
saw, and the next page is the rows strictly after them in that ordering. Every ordering
ends with the primary key, so the position is unique: a page never repeats or skips a
row when records are added or removed elsewhere in the list, and page 10,000 costs as
little as page 1 (no OFFSET). DRF's own CursorPagination keys on the first field only
and counts ties with an offset, which a collection with thousands of objects of the same
year or title would overflow.
"""

import json
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from rest_framework.exceptions import NotFound
from rest_framework.pagination import Cursor, CursorPagination, _reverse_ordering
from rest_framework.request import Request
from rest_framework.utils.urls import remove_query_param

from exhibition.api.errors import InvalidQuery
from exhibition.whole_numbers import MAX_DIGITS, positive_int

# A real cursor is a few hundred characters (a title is at most 500); anything far
# longer is refused before it is decoded.
MAX_CURSOR_LENGTH = 2000
_SCALARS = (str, int)


class KeysetCursorPagination(CursorPagination):
    """Cursor pages in the queryset's own ordering, ``pk`` last; page size 1 to 100."""

    page_size = 24
    page_size_query_param = "page_size"
    max_page_size = 100
    invalid_cursor_message = (
        "Invalid cursor: use the 'next' or 'previous' link of an earlier answer as it is."
    )
    cursor_query_description = (
        "Opaque position from the 'next' or 'previous' link of an earlier answer; "
        "leave it out for the first page."
    )
    page_size_query_description = (
        f"Results per page: 1 to {max_page_size} (default {page_size}); larger values "
        f"are lowered to {max_page_size}."
    )

    def get_ordering(self, request: Request, queryset: QuerySet[Any], view: Any) -> tuple[str, ...]:
        fields = tuple(queryset.query.order_by)
        # Only plain field names can be read back from a row to make a position.
        ordering = tuple(f for f in fields if isinstance(f, str) and "__" not in f)
        if len(ordering) != len(fields):
            ordering = ()
        if not ordering or ordering[-1].lstrip("-") not in {"pk", "id"}:
            ordering += ("pk",)
        return ordering

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

    def paginate_queryset(
        self, queryset: QuerySet[Any], request: Request, view: Any = None
    ) -> list[Any]:
        self.request = request
        self.page_size = self.get_page_size(request)
        self.base_url = request.build_absolute_uri()
        self.ordering = self.get_ordering(request, queryset, view)
        self.cursor = self.decode_cursor(request)
        reverse = self.cursor is not None and self.cursor.reverse
        position = None if self.cursor is None else self._decode_position(self.cursor.position)  # type: ignore[arg-type]  # the stubs say int; DRF keeps the text
        order = _reverse_ordering(self.ordering) if reverse else self.ordering
        try:
            queryset = queryset.order_by(*order)
            if position is not None:
                queryset = queryset.filter(_after(order, position))
            rows = list(queryset[: self.page_size + 1])
        except (ValueError, TypeError, ValidationError):
            # A position value of the wrong kind for its field (a word for a year).
            raise NotFound(self.invalid_cursor_message) from None
        self.page = rows[: self.page_size]
        more = len(rows) > self.page_size
        if reverse:
            self.page.reverse()
        self.has_next = more if not reverse else position is not None
        self.has_previous = position is not None if not reverse else more
        self.display_page_controls = self.has_next or self.has_previous
        return self.page

    def decode_cursor(self, request: Request) -> Cursor | None:
        encoded = request.query_params.get(self.cursor_query_param)
        if encoded is not None and len(encoded) > MAX_CURSOR_LENGTH:
            raise NotFound(self.invalid_cursor_message)
        cursor: Cursor | None = super().decode_cursor(request)
        if cursor is not None and cursor.offset:
            # These cursors never carry an offset; one that does was not made here.
            raise NotFound(self.invalid_cursor_message)
        return cursor

    def _decode_position(self, raw: str | None) -> list[Any] | None:
        if raw is None:
            return None
        try:
            values = json.loads(raw)
        except ValueError:
            raise NotFound(self.invalid_cursor_message) from None
        if (
            not isinstance(values, list)
            or len(values) != len(self.ordering)
            or not all(isinstance(v, _SCALARS) and not isinstance(v, bool) for v in values)
            or any(isinstance(v, int) and len(str(abs(v))) > MAX_DIGITS for v in values)
        ):
            raise NotFound(self.invalid_cursor_message)
        return values

    def _encode_position(self, row: Model) -> str:
        values = [_json_value(getattr(row, field.lstrip("-"))) for field in self.ordering]
        return json.dumps(values, ensure_ascii=False, separators=(",", ":"))

    def _link(self, row: Model | None, *, reverse: bool) -> str:
        if row is None:
            # An empty page after a stale cursor: start again from the beginning.
            return str(remove_query_param(str(self.base_url), self.cursor_query_param))
        position = self._encode_position(row)
        cursor = Cursor(offset=0, reverse=reverse, position=position)  # type: ignore[arg-type]
        return str(self.encode_cursor(cursor))

    def get_next_link(self) -> str | None:
        if not self.has_next:
            return None
        return self._link(self.page[-1] if self.page else None, reverse=False)

    def get_previous_link(self) -> str | None:
        if not self.has_previous:
            return None
        return self._link(self.page[0] if self.page else None, reverse=True)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        # The bounds the views enforce, so that clients (and schemathesis) know them.
        parameters: list[dict[str, Any]] = super().get_schema_operation_parameters(view)
        bounds = {
            self.cursor_query_param: {"maxLength": MAX_CURSOR_LENGTH},
            # Larger sizes are lowered to max_page_size, not refused.
            self.page_size_query_param: {"minimum": 1, "maximum": 10**MAX_DIGITS - 1},
        }
        for parameter in parameters:
            parameter["schema"] = {**parameter["schema"], **bounds.get(parameter["name"], {})}
        return parameters


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _after(ordering: tuple[str, ...], position: list[Any]) -> Q:
    """Rows strictly after ``position`` in ``ordering``: (a > x) or (a = x and b > y) …"""
    after = Q()
    for index, field in enumerate(ordering):
        name = field.lstrip("-")
        step = Q(**{f"{name}__{'lt' if field.startswith('-') else 'gt'}": position[index]})
        for earlier, value in zip(ordering[:index], position[:index], strict=True):
            step &= Q(**{earlier.lstrip("-"): value})
        after |= step
    return after

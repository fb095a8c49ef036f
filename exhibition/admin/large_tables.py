"""Change lists that stay quick on tables of a million rows.

Django's change list counts the whole table twice per page (the filtered count for the
paginator, the unfiltered one for "N total"); on PostgreSQL each is a full scan. Here the
unfiltered total is not shown (``show_full_result_count = False``) and the paginator's
count is, on PostgreSQL, the planner's row estimate from ``pg_class.reltuples`` when the
list is unfiltered, and elsewhere a count that stops at ``COUNT_CAP`` rows: past that,
curators narrow the list with its filters and search rather than page through it.
"""

from typing import Any, ClassVar

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property

# Past this many rows a change list says "10000" and pages up to there; filters narrow it.
COUNT_CAP = 10_000


def _estimated_rows(queryset: QuerySet[Any]) -> int | None:
    """PostgreSQL's estimate of the table's rows (kept by ANALYZE and autovacuum)."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql" or queryset.query.where:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
            [queryset.model._meta.db_table],
        )
        row = cursor.fetchone()
    # -1 (never analysed) or a small table: counting is cheap and exact.
    return int(row[0]) if row and row[0] >= COUNT_CAP else None


class EstimatedCountPaginator(Paginator):  # type: ignore[type-arg]
    """A paginator whose count never scans a whole large table."""

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if not isinstance(queryset, QuerySet):
            return super().count
        estimate = _estimated_rows(queryset)
        if estimate is not None:
            return estimate
        # COUNT(*) over a subquery that stops after COUNT_CAP rows.
        return int(queryset.order_by()[:COUNT_CAP].count())


class LargeTableAdmin:
    """Mixed into a ModelAdmin whose table can hold a row per object or more."""

    show_full_result_count = False
    paginator: ClassVar[type] = EstimatedCountPaginator

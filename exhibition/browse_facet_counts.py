"""Facet counts and result totals for the browse page, read from the maintained counts.

When the filters are only facets (type, culture, century, 3D, restoration), every count is a
sum over ``BrowseFacetCell`` rows — a few thousand at most, whatever the collection's size —
instead of five grouped scans of the objects. Filters the cells do not hold (an agent, a
place, a date range, a detailed culture such as "Dutch Republic (Delft)") are counted live
by exhibition/browse.py, over the rows those filters leave.
"""

from typing import Any

from django.db.models import QuerySet, Sum

from exhibition.browse import (
    BrowseQuery,
    FacetValue,
    boolean_values,
    browse_facets,
    browse_objects,
    facet_label,
)
from exhibition.models import BrowseFacetCell
from exhibition.models.browse_facets import NO_CENTURY


def cells_answer(query: BrowseQuery) -> bool:
    """Whether the maintained counts hold everything this query filters on."""
    return not (
        query.agent
        or query.place
        or query.date_from is not None
        or query.date_to is not None
        or any(" (" in culture for culture in query.cultures)
    )


def _cells(query: BrowseQuery, *, skip: str) -> QuerySet[BrowseFacetCell]:
    cells = BrowseFacetCell.objects.filter(count__gt=0)
    if query.object_types and skip != "type":
        cells = cells.filter(object_type__in=query.object_types)
    if query.cultures and skip != "culture":
        cells = cells.filter(culture__in=query.cultures)
    if query.centuries and skip != "century":
        cells = cells.filter(century__in=query.centuries)
    if query.has_3d is not None and skip != "has_3d":
        cells = cells.filter(has_3d=query.has_3d)
    if query.has_restoration is not None and skip != "has_restoration":
        cells = cells.filter(has_restoration=query.has_restoration)
    return cells


def _sums(query: BrowseQuery, *, param: str, field: str) -> dict[Any, int]:
    rows = _cells(query, skip=param).order_by().values_list(field).annotate(n=Sum("count"))
    return {value: int(n) for value, n in rows}


def _values(param: str, sums: dict[Any, int], selected: tuple[Any, ...]) -> list[FacetValue]:
    values = [
        FacetValue(
            value=str(raw),
            label=facet_label(param, raw),
            count=count,
            selected=raw in selected,
        )
        for raw, count in sums.items()
        if raw not in {"", NO_CENTURY} and count > 0
    ]
    if param == "century":
        values.sort(key=lambda v: int(v.value))
    else:
        values.sort(key=lambda v: (-v.count, v.label))
    return values


def counted_total(query: BrowseQuery) -> int:
    """The number of results: one sum over the matching cells where they hold the filters."""
    if not cells_answer(query):
        return browse_objects(query).count()
    return int(_cells(query, skip="").aggregate(total=Sum("count"))["total"] or 0)


def counted_facets(query: BrowseQuery) -> dict[str, list[FacetValue]]:
    """The facets, each counted under the other filters (the total: ``counted_total``)."""
    if not cells_answer(query):
        return browse_facets(query)
    return {
        "type": _values(
            "type", _sums(query, param="type", field="object_type"), query.object_types
        ),
        "culture": _values(
            "culture", _sums(query, param="culture", field="culture"), query.cultures
        ),
        "century": _values(
            "century", _sums(query, param="century", field="century"), query.centuries
        ),
        "has_3d": boolean_values(_sums(query, param="has_3d", field="has_3d"), query.has_3d),
        "has_restoration": boolean_values(
            _sums(query, param="has_restoration", field="has_restoration"),
            query.has_restoration,
        ),
    }

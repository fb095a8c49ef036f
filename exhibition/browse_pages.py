"""Numbered browse pages that cost the same on page 2 and on page 40,000.

``OFFSET 960000`` makes the database walk past every earlier row. Instead the links a page
offers (previous, next and the numbers around it) each carry a signed *cursor*: the sort
key of the first or last object shown, so the next page starts right after it through the
sort index (keyset pagination). A page number typed without a cursor still works: pages in
the second half are counted back from the end in reverse order, so the last page is as
cheap as the first and the worst case is the middle, at half the usual cost; and the rows
skipped are walked by the sort columns alone, not by the page's full query.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django.core import signing
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import QueryDict

from exhibition.browse import SORTS
from exhibition.models import CollectionObject

CURSOR_PARAM = "cursor"
MAX_CURSOR_LENGTH = 600
_SALT = "exhibition.browse-page"


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: the gap "…" between numbers
    query: str = ""
    current: bool = False


@dataclass(frozen=True)
class BrowsePage:
    number: int
    object_list: list[CollectionObject]
    paginator: Paginator[int]  # over range(count): numbers only, never a query
    links: list[PageLink]
    previous: PageLink | None
    next: PageLink | None

    @property
    def count(self) -> int:
        return self.paginator.count

    def start_index(self) -> int:
        return 0 if self.count == 0 else (self.number - 1) * self.paginator.per_page + 1

    def end_index(self) -> int:
        return self.start_index() + len(self.object_list) - (1 if self.object_list else 0)


def page_count(total: int, per_page: int) -> int:
    return max(1, math.ceil(total / per_page))


def filters_digest(params: QueryDict) -> str:
    """Which filters and sort a cursor was made under; it is ignored under any other."""
    kept = sorted(
        (key, value)
        for key in params
        if key not in {"page", CURSOR_PARAM}
        for value in params.getlist(key)
    )
    return hashlib.sha256(repr(kept).encode()).hexdigest()[:16]


def _fields(sort: str) -> list[tuple[str, bool]]:
    """(field, descending) for each column of the sort, ``pk`` last."""
    return [(name.lstrip("-"), name.startswith("-")) for name in SORTS[sort]]


def _key(obj: CollectionObject, sort: str) -> list[Any]:
    values = [getattr(obj, name) for name, _ in _fields(sort)]
    return [value.isoformat() if isinstance(value, datetime) else value for value in values]


def _beyond(sort: str, key: list[Any], *, backwards: bool) -> Q:
    """Rows strictly after ``key`` in the sort order (before it when ``backwards``)."""
    fields = _fields(sort)
    if len(key) != len(fields):
        raise ValueError("cursor key does not fit the sort")
    values = [
        datetime.fromisoformat(value) if name == "created_at" else value
        for (name, _), value in zip(fields, key, strict=True)
    ]
    condition = Q(pk__in=[])
    for i, ((name, descending), value) in enumerate(zip(fields, values, strict=True)):
        step = "lt" if descending != backwards else "gt"
        equal = {fields[j][0]: values[j] for j in range(i)}
        condition |= Q(**equal, **{f"{name}__{step}": value})
    first, descending = fields[0]
    # Redundant with the OR above, but it lets the database start its index scan at the key.
    leading = Q(**{f"{first}__{'lte' if descending != backwards else 'gte'}": values[0]})
    return leading & condition


def _cursor(
    *, number: int, digest: str, sort: str, anchor: CollectionObject, backwards: bool, skip: int
) -> str:
    payload = {"p": number, "f": digest, "k": _key(anchor, sort), "b": backwards, "n": skip}
    return signing.Signer(salt=_SALT).sign_object(payload, compress=True)


def _read_cursor(raw: str, *, number: int, digest: str) -> dict[str, Any] | None:
    if not raw or len(raw) > MAX_CURSOR_LENGTH:
        return None
    try:
        payload = signing.Signer(salt=_SALT).unsign_object(raw)
    except (signing.BadSignature, ValueError):
        return None
    if not isinstance(payload, dict) or payload.get("p") != number or payload.get("f") != digest:
        return None
    return payload


def _rows(
    items: QuerySet[CollectionObject],
    *,
    sort: str,
    number: int,
    total: int,
    per_page: int,
    cursor: dict[str, Any] | None,
) -> list[CollectionObject]:
    if cursor is not None:
        backwards = bool(cursor["b"])
        skip = int(cursor["n"])
        try:
            beyond = items.filter(_beyond(sort, list(cursor["k"]), backwards=backwards))
        except (ValueError, TypeError):
            beyond = None
        if beyond is not None and 0 <= skip <= 10 * per_page:
            if backwards:
                return list(beyond.reverse()[skip : skip + per_page])[::-1]
            return list(beyond[skip : skip + per_page])
    offset = (number - 1) * per_page
    if offset * 2 <= total:
        return _after_skipping(items, sort=sort, skip=offset, length=per_page, backwards=False)
    # Past the middle: counted back from the end, the offset is shorter.
    length = max(0, min(per_page, total - offset))
    from_end = total - offset - length
    return _after_skipping(items, sort=sort, skip=from_end, length=length, backwards=True)[::-1]


def _after_skipping(
    items: QuerySet[CollectionObject], *, sort: str, skip: int, length: int, backwards: bool
) -> list[CollectionObject]:
    """``length`` rows after the first ``skip`` (from the end when ``backwards``).

    The skipped rows are walked by a lean query of the sort columns alone, which the sort
    index answers without the annotations' subqueries (3D, restorations) that the page's
    own query runs for every row it passes; the page is then read after the last skipped
    row's key, as a cursor reads it.
    """
    ordered = items.reverse() if backwards else items
    if skip == 0 or length == 0:
        return list(ordered[:length])
    columns = [name for name, _descending in _fields(sort)]
    last_skipped = list(ordered.values_list(*columns)[skip - 1 : skip])
    if not last_skipped:
        return []
    key = [v.isoformat() if isinstance(v, datetime) else v for v in last_skipped[0]]
    return list(ordered.filter(_beyond(sort, key, backwards=backwards))[:length])


def browse_page(
    items: QuerySet[CollectionObject],
    *,
    params: QueryDict,
    sort: str,
    number: int,
    total: int,
    per_page: int,
) -> BrowsePage:
    """Page ``number`` (already checked to exist) of ``items``, with its links."""
    digest = filters_digest(params)
    cursor = _read_cursor(params.get(CURSOR_PARAM, ""), number=number, digest=digest)
    rows = _rows(items, sort=sort, number=number, total=total, per_page=per_page, cursor=cursor)
    paginator: Paginator[int] = Paginator(range(total), per_page)
    base = {k: params.getlist(k) for k in params if k not in {"page", CURSOR_PARAM}}

    def link(target: int) -> PageLink:
        query: dict[str, Any] = {**base, "page": [str(target)]}
        last = paginator.num_pages
        if rows and target not in {1, last} and target != number:
            backwards = target < number
            anchor = rows[0] if backwards else rows[-1]
            skip = (abs(target - number) - 1) * per_page
            query[CURSOR_PARAM] = [
                _cursor(
                    number=target,
                    digest=digest,
                    sort=sort,
                    anchor=anchor,
                    backwards=backwards,
                    skip=skip,
                )
            ]
        return PageLink(target, urlencode(query, doseq=True), current=target == number)

    links = [
        link(n) if isinstance(n, int) else PageLink(None)
        for n in paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)
    ]
    return BrowsePage(
        number=number,
        object_list=rows,
        paginator=paginator,
        links=links,
        previous=link(number - 1) if number > 1 else None,
        next=link(number + 1) if number < paginator.num_pages else None,
    )

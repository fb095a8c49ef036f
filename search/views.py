"""The /search/ page: words or a photo, results with "Why this result", facets.

Works without JavaScript (a plain GET form; the photo form posts). With JavaScript,
static/js/search.js asks for ``?fragment=1`` and swaps in just the results.
"""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from exhibition.browse import BrowseParamError, BrowseQuery, parse_browse_params
from exhibition.models.collection import culture_group
from exhibition.selectors import public_objects
from search.hit_objects import shown_hits
from search.query_input import MAX_QUERY_CHARS, SearchInputError
from search.results import SearchResults
from search.selectors import search_by_image, search_text
from search.throttling import photo_search_wait, photo_throttled_message
from search.uploads import UploadError, open_upload, read_limited

PAGE_SIZE = 20
_PAGE_KEYS = ("q", "page", "fragment")
MAX_FACET_VALUES = 12


@dataclass(frozen=True)
class FacetOption:
    value: str
    count: int
    selected: bool


def _filters(params: QueryDict) -> tuple[BrowseQuery, int]:
    filters = params.copy()
    for key in _PAGE_KEYS:
        filters.pop(key, None)
    query = parse_browse_params(filters)
    raw_page = params.get("page", "1").strip() or "1"
    if not (raw_page.isascii() and raw_page.isdigit()) or int(raw_page) < 1:
        raise BrowseParamError(
            _("'page' must be a whole number such as 2, not '%(page)s'.") % {"page": raw_page}
        )
    return query, int(raw_page)


def _facets(results: SearchResults | None, query: BrowseQuery) -> dict[str, list[FacetOption]]:
    """Object types and cultures among the results (or the collection before a search)."""
    objects = public_objects()
    if results is not None:
        objects = objects.filter(pk__in=results.object_ids)
    # Cultures are offered by group ("Dutch Republic" for "Dutch Republic (Delft)"), as
    # browse offers them; the search filter accepts a group.
    rows = [
        (object_type, culture_group(culture))
        for object_type, culture in objects.order_by().values_list("object_type", "culture")
    ]
    facets = {}
    for name, position, selected in (
        ("type", 0, query.object_types),
        ("culture", 1, query.cultures),
    ):
        counts = Counter(row[position] for row in rows if row[position])
        top = [value for value, _ in counts.most_common(MAX_FACET_VALUES)]
        top += [value for value in selected if value not in top]
        facets[name] = [FacetOption(v, counts.get(v, 0), v in selected) for v in top]
    return facets


def _render(
    request: HttpRequest,
    *,
    query: BrowseQuery,
    q: str = "",
    results: SearchResults | None = None,
    error: str = "",
    status: int = 200,
    photo: bool = False,
) -> HttpResponse:
    context: dict[str, Any] = {
        "q": q,
        "query": query,
        "results": results,
        "hits": shown_hits(results) if results is not None else [],
        "error": error,
        "photo": photo,
        "max_query_chars": MAX_QUERY_CHARS,
        "facets": _facets(results, query) if not error else {},
        "pages": _pages(request, results),
    }
    fragment = request.GET.get("fragment") == "1"
    template = "search/results.html" if fragment else "search/search.html"
    return render(request, template, context, status=status)


def _page_url(request: HttpRequest, page: int) -> str:
    params = request.GET.copy()
    params.pop("fragment", None)
    params["page"] = str(page)
    return f"?{params.urlencode()}"


def _pages(request: HttpRequest, results: SearchResults | None) -> dict[str, Any]:
    if results is None or results.total == 0 or request.method != "GET":
        return {"previous": None, "next": None, "count": 1, "start": 1}
    count = -(-results.total // results.page_size)
    page = results.page
    return {
        "previous": _page_url(request, page - 1) if page > 1 else None,
        "next": _page_url(request, page + 1) if page < count else None,
        "count": count,
        "start": (page - 1) * results.page_size + 1,
    }


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    try:
        query, page = _filters(request.GET)
    except BrowseParamError as exc:
        return _render(request, query=BrowseQuery(), error=str(exc), status=400)
    q = request.GET.get("q", "")
    if not q.strip():
        return _render(request, query=query, q=q)
    try:
        results = search_text(query=q, filters=query, page=page, page_size=PAGE_SIZE)
    except SearchInputError as exc:
        return _render(request, query=query, q=q, error=str(exc), status=400)
    return _render(request, query=query, q=q, results=results)


@require_POST
def search_photo(request: HttpRequest) -> HttpResponse:
    query = BrowseQuery()
    wait = photo_search_wait(request)
    if wait is not None:
        message = photo_throttled_message(wait)
        response = _render(request, query=query, error=message, status=429, photo=True)
        response["Retry-After"] = str(wait)
        return response
    upload = request.FILES.get("image")
    if upload is None:
        error = _("Choose a photo first.")
        return _render(request, query=query, error=error, status=400, photo=True)
    try:
        image = open_upload(read_limited(upload, declared_size=upload.size))
    except UploadError as exc:
        response = _render(request, query=query, error=str(exc), status=exc.status_code, photo=True)
        if exc.retry_after is not None:
            response["Retry-After"] = str(exc.retry_after)
        return response
    results = search_by_image(image=image, filters=query, page=1, page_size=PAGE_SIZE)
    return _render(request, query=query, results=results, photo=True)

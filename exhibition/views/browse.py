"""The browse page: facets, sorting and pagination over the public collection."""

import hashlib
from dataclasses import dataclass
from functools import partial

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from exhibition.browse import (
    SORT_LABELS,
    BrowseParamError,
    BrowseQuery,
    FacetValue,
    browse_objects,
    facet_label,
    parse_browse_params,
)
from exhibition.browse_facet_counts import counted_facets, counted_total
from exhibition.browse_pages import browse_page, page_count
from exhibition.card_fragments import rendered_cards
from exhibition.models import Agent, Place
from exhibition.object_fragments import FRAGMENT_SECONDS
from exhibition.page_cache import collection_version
from exhibition.selectors import public_agents, public_places
from exhibition.views.common import bad_request
from exhibition.whole_numbers import positive_int

PAGE_SIZE = 24
FACET_VISIBLE = 8
FACET_TITLES = {
    "type": gettext_lazy("Object type"),
    "culture": gettext_lazy("Culture"),
    "century": gettext_lazy("Century"),
    "has_3d": gettext_lazy("3D model"),
    "has_restoration": gettext_lazy("Virtual restoration"),
}


def _named_filters(query: BrowseQuery) -> tuple[Agent | None, Place | None]:
    agent = public_agents().filter(slug=query.agent).first() if query.agent else None
    if query.agent and agent is None:
        raise BrowseParamError(
            _("There is no agent '%(slug)s' in the collection.") % {"slug": query.agent}
        )
    place = public_places().filter(slug=query.place).first() if query.place else None
    if query.place and place is None:
        raise BrowseParamError(
            _("There is no place '%(slug)s' in the collection.") % {"slug": query.place}
        )
    return agent, place


def _heading(agent: Agent | None, place: Place | None) -> str:
    if agent is not None and place is not None:
        return _("Objects by %(agent)s from %(place)s") % {"agent": agent.name, "place": place.name}
    if agent is not None:
        return _("Objects by %(agent)s") % {"agent": agent.name}
    if place is not None:
        return _("Objects from %(place)s") % {"place": place.name}
    return _("Browse the collection")


@dataclass(frozen=True)
class FacetGroup:
    name: str
    title: str
    values: list[FacetValue]
    # Long facets show their biggest values first and fold the rest away.
    more: list[FacetValue]


def _facet_group(name: str, values: list[FacetValue], query: BrowseQuery) -> FacetGroup:
    values = _keep_selected(name, values, query)
    if len(values) <= FACET_VISIBLE + 2 or name == "century":
        return FacetGroup(name, str(FACET_TITLES[name]), values, [])
    shown = [v for i, v in enumerate(values) if i < FACET_VISIBLE or v.selected]
    more = [v for i, v in enumerate(values) if i >= FACET_VISIBLE and not v.selected]
    return FacetGroup(name, str(FACET_TITLES[name]), shown, more)


def _facet_groups(query: BrowseQuery) -> list[FacetGroup]:
    return [_facet_group(name, values, query) for name, values in counted_facets(query).items()]


def _keep_selected(name: str, values: list[FacetValue], query: BrowseQuery) -> list[FacetValue]:
    """Selected values stay in the form even when other filters leave them no results."""
    selected: tuple[object, ...] = {
        "type": query.object_types,
        "culture": query.cultures,
        "century": query.centuries,
    }.get(name, ())
    shown = {value.value for value in values}
    missing = [str(value) for value in selected if str(value) not in shown]
    for value in missing:
        label = facet_label(name, value)  # the label browse.py gives the same value
        values.append(FacetValue(value=value, label=label, count=0, selected=True))
    return values


def _filters_fragment_key(query: BrowseQuery) -> str:
    """The filter form's cache key: it shows the facet counts under these filters, in
    this language, at this collection version, and nothing else (it is a GET form)."""
    digest = hashlib.sha256(repr(query).encode()).hexdigest()[:32]
    return f"{collection_version()}:{translation.get_language()}:{digest}"


def _page_number(raw: str) -> int:
    raw = raw.strip() or "1"
    number = positive_int(raw)
    if number is None:
        raise BrowseParamError(
            _("'page' must be a whole number such as 2, not '%(raw)s'.") % {"raw": raw}
        )
    return number


@require_safe
def browse(request: HttpRequest) -> HttpResponse:
    try:
        query = parse_browse_params(request.GET)
        agent, place = _named_filters(query)
        number = _page_number(request.GET.get("page", ""))
    except BrowseParamError as error:
        return bad_request(request, str(error))
    total = counted_total(query)
    if number > page_count(total, PAGE_SIZE):
        raise Http404(_("There is no such page of results."))
    page = browse_page(
        # Cards come from the cache; only those it lacks read their related rows.
        browse_objects(query).prefetch_related(None),
        params=request.GET,
        sort=query.sort,
        number=number,
        total=total,
        per_page=PAGE_SIZE,
    )
    context = {
        "query": query,
        "heading": _heading(agent, place),
        "page": page,
        "cards": rendered_cards(page.object_list),
        "filters_key": _filters_fragment_key(query),
        "fragment_seconds": FRAGMENT_SECONDS,
        # Called by the template only when the cached filter form is missing.
        "facets": partial(_facet_groups, query),
        "sorts": SORT_LABELS,
        "agent": agent,
        "place": place,
    }
    return render(request, "exhibition/browse.html", context)

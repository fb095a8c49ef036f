"""The home page and the licences & credits page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from exhibition.browse import BrowseParamError
from exhibition.licences import LICENCES
from exhibition.page_selectors import (
    exhibition_listings,
    featured_exhibitions,
    featured_objects,
    licence_counts,
    licence_listing,
)
from exhibition.selectors import public_objects
from exhibition.views.common import bad_request, page_of

LICENCES_PAGE_SIZE = 50


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "exhibitions": exhibition_listings(featured_exhibitions()),
        "featured": featured_objects(),
        "object_count": public_objects().count(),
    }
    return render(request, "exhibition/home.html", context)


@require_safe
def licences(request: HttpRequest) -> HttpResponse:
    """Every public object's licence and credit line, grouped by licence."""
    counts = licence_counts()
    selected = request.GET.get("licence", "").strip()
    objects = licence_listing()
    try:
        if selected:
            if selected not in LICENCES:
                known = ", ".join(sorted(counts))
                raise BrowseParamError(
                    _("Unknown licence '%(licence)s'. Licences in use: %(known)s.")
                    % {"licence": selected, "known": known}
                )
            objects = objects.filter(licence=selected)
        page = page_of(objects, request.GET.get("page", ""), per_page=LICENCES_PAGE_SIZE)
    except BrowseParamError as error:
        return bad_request(request, str(error))
    summary = [
        (LICENCES[licence_id], count)
        for licence_id, count in sorted(counts.items())
        if licence_id in LICENCES
    ]
    context = {
        "summary": summary,
        "selected": LICENCES.get(selected),
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "total": sum(counts.values()),
    }
    return render(request, "exhibition/licences.html", context)

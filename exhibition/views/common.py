"""Helpers the page views share: the 400 page and strict page numbers."""

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from exhibition.browse import BrowseParamError
from exhibition.whole_numbers import positive_int


def bad_request(request: HttpRequest, message: str) -> HttpResponse:
    """A 400 page that says what was wrong and how to go on."""
    return render(request, "exhibition/bad_request.html", {"message": message}, status=400)


def page_of(items: QuerySet[Any], raw_page: str, *, per_page: int) -> Page[Any]:
    """The requested page, or BrowseParamError saying why it cannot be shown."""
    paginator = Paginator(items, per_page)
    raw_page = raw_page.strip() or "1"
    number = positive_int(raw_page)
    if number is None:
        raise BrowseParamError(
            _("'page' must be a whole number such as 2, not '%(raw)s'.") % {"raw": raw_page}
        )
    if number > paginator.num_pages:
        message = ngettext(
            "There is no page %(number)s: there is %(count)s page of results.",
            "There is no page %(number)s: there are %(count)s pages of results.",
            paginator.num_pages,
        )
        raise BrowseParamError(message % {"number": number, "count": paginator.num_pages})
    return paginator.page(number)

"""The exhibitions list and the exhibition page (sections in order, public objects only)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from exhibition.page_selectors import exhibition_sections, exhibitions_with_covers
from exhibition.selectors import get_public_exhibition, public_exhibitions


@require_safe
def exhibition_list(request: HttpRequest) -> HttpResponse:
    exhibitions = exhibitions_with_covers(public_exhibitions())
    return render(request, "exhibition/exhibition_list.html", {"exhibitions": exhibitions})


@require_safe
def exhibition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    exhibition = get_public_exhibition(slug)
    context = {"exhibition": exhibition, "sections": exhibition_sections(exhibition)}
    return render(request, "exhibition/exhibition_detail.html", context)

"""The exhibitions list and the exhibition page: a story of sections, public objects only."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from exhibition.page_selectors import (
    exhibition_cover,
    exhibition_listings,
    exhibition_story,
    story_picture,
)
from exhibition.selectors import get_public_exhibition, public_exhibitions


@require_safe
def exhibition_list(request: HttpRequest) -> HttpResponse:
    listings = exhibition_listings(public_exhibitions())
    return render(request, "exhibition/exhibition_list.html", {"listings": listings})


@require_safe
def exhibition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The exhibition as a story: a hero, then each section's text and objects, large."""
    exhibition = get_public_exhibition(slug)
    sections = exhibition_story(exhibition)
    cover = exhibition_cover(exhibition)
    items = [item for entry in sections for item in entry.items]
    context = {
        "exhibition": exhibition,
        "sections": sections,
        "cover": cover,
        "hero": story_picture(cover) if cover is not None else None,
        "object_count": len(items),
        "has_zoom": any(item.zoom_image is not None for item in items),
    }
    return render(request, "exhibition/exhibition_detail.html", context)

"""The object page: metadata, deep zoom, 3D, approved restorations, linked data.

The page's parts come from the fragment cache (``exhibition/object_fragments.py``) and
are rendered only when missing; the frame around them (navigation, language links) is
rendered for each request.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from exhibition.object_fragments import object_fragments
from exhibition.object_page import object_page_context, page_object


@require_safe
def object_detail(request: HttpRequest, slug: str) -> HttpResponse:
    obj = page_object(slug)
    fragments = object_fragments(
        request, obj, build_context=lambda: object_page_context(request, obj)
    )
    response = render(
        request, "exhibition/object_detail.html", {"obj": obj, "fragments": fragments}
    )
    fragments.save()
    return response

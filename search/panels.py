"""The "More like this" panel on every object page: objects that look alike.

Rendered on the server from the object's stored vectors (no JavaScript needed); the
object page is cached, so this runs once per page version, not per visitor.
"""

from typing import Any

from django.http import HttpRequest

from exhibition.models import CollectionObject
from exhibition.page_extensions import ObjectPanel, register_object_panel
from search.hit_objects import shown_hits
from search.selectors import more_like_this

PANEL_SIZE = 8


def more_like_this_context(request: HttpRequest, obj: CollectionObject) -> dict[str, Any] | None:
    results = more_like_this(collection_object=obj, limit=PANEL_SIZE)
    if not results.hits:
        return None  # no vectors or no index yet: no empty panel
    return {"objects": [hit.collection_object for hit in shown_hits(results)]}


def connect() -> None:
    register_object_panel(
        ObjectPanel(
            name="more-like-this",
            template="search/more_like_this_panel.html",
            context=more_like_this_context,
            order=50,
        )
    )

"""The guide's chat panel on every public object page ("Ask the guide").

The object page is cached for every anonymous visitor, so the panel is the same HTML for
all: no conversation, no visitor state, no CSRF token. ``static/js/guide.js`` opens the
WebSocket and keeps the conversation; without JavaScript the panel's form asks by GET on
the guide's own page (``guide/views.py``).
"""

from typing import Any

from django.http import HttpRequest

from exhibition.models import CollectionObject
from exhibition.page_extensions import ObjectPanel, register_object_panel


def guide_panel_context(request: HttpRequest, obj: CollectionObject) -> dict[str, Any]:
    return {"object": obj.slug}


def connect() -> None:
    register_object_panel(
        ObjectPanel(
            name="guide-chat",
            template="guide/object_panel.html",
            context=guide_panel_context,
            order=45,  # after "Your visit" (40), before "More like this" (50)
        )
    )

"""Tours' panel on the object page: "I like this" and "Add to my tour".

The object page is cached for every anonymous visitor, so the panel is the same HTML for
all: no visitor state and no CSRF token in it. ``static/js/interactions.js`` fills in the
state and posts to the API; without JavaScript the buttons open tours' own small pages
(``tours/views/likes.py``).
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from exhibition.models import CollectionObject
from exhibition.page_extensions import ObjectPanel, register_object_panel


def visit_actions_context(request: HttpRequest, obj: CollectionObject) -> dict[str, Any]:
    return {
        "slug": obj.slug,
        "title": obj.title,
        "like_url": reverse("tours:like", kwargs={"slug": obj.slug}),
        "add_url": reverse("tours:add-to-tour", kwargs={"slug": obj.slug}),
        "interactions_url": reverse("api-interactions"),
        "state_url": reverse("tours:object-states"),
        "max_batch": settings.TOURS_INTERACTIONS_MAX_BATCH,
        "retention_days": settings.TOURS_RETENTION_DAYS,
    }


def connect() -> None:
    register_object_panel(
        ObjectPanel(
            name="tours-visit",
            template="tours/panels/visit_actions.html",
            context=visit_actions_context,
            order=40,  # before search's "More like this" (50)
        )
    )

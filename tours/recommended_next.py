"""The "Recommended next" panel on the object page: where to go from this object, and why.

The object page is cached for every anonymous visitor, so the panel cannot use the visitor's
own history: it recommends from this object alone (as if the visitor liked it), with the
recommender's reason reworded for the page ("close to this one", not "because you liked").
The hybrid recommender adds what visitors liked together, and diversity keeps the four
from being four of a kind.
"""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from exhibition.models import CollectionObject
from exhibition.page_extensions import ObjectPanel, register_object_panel
from exhibition.selectors import public_objects_with_media
from tours.recommending.base import ReasonKind, Recommendation, VisitorTaste
from tours.selectors.recommendations import recommend_for

PANEL_SIZE = 4

# The visitor has not said they liked this object: reasons that say so are worded for it.
PAGE_REASONS: dict[str, Promise] = {
    ReasonKind.LIKED: gettext_lazy("Close to this one in subject, maker or style"),
    ReasonKind.ALSO_LIKED: gettext_lazy("Visitors who liked this one liked it too"),
}


def recommended_next_context(request: HttpRequest, obj: CollectionObject) -> dict[str, Any] | None:
    picks = recommend_for(taste=VisitorTaste(liked_ids=(obj.pk,)), limit=PANEL_SIZE)
    objects = public_objects_with_media().in_bulk([pick.object_id for pick in picks])
    shown = [
        (objects[pick.object_id], _reason(pick)) for pick in picks if pick.object_id in objects
    ]
    if not shown:
        return None
    return {"picks": shown}


def _reason(pick: Recommendation) -> str:
    text = str(PAGE_REASONS.get(pick.reason_kind, pick.reason))
    return text[:1].upper() + text[1:]


def connect() -> None:
    register_object_panel(
        ObjectPanel(
            name="tours-recommended-next",
            template="tours/panels/recommended_next.html",
            context=recommended_next_context,
            order=60,  # after search's "More like this" (50)
        )
    )

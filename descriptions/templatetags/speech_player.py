"""``{% speech_player obj %}``: the audio player for an object on pages other than its own
(a tour's stops), so the page's app need not import descriptions."""

from typing import Any

from django import template

from descriptions.speech_panel import page_language, player_context
from exhibition.models import CollectionObject

register = template.Library()


@register.inclusion_tag("descriptions/player.html")
def speech_player(collection_object: CollectionObject | None) -> dict[str, Any]:
    if collection_object is None:
        return {"player": None}
    return {"player": player_context(collection_object, page_language())}

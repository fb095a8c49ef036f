"""Object cards, rendered once per object version and language for every listing.

Rendering a card costs the object's makers, images, models and translations (four
prefetch queries for a page of cards) and a template include: on a browse page of 24
cards that was most of the render. Cards are kept per object version
(``per_object_cache``), and only the objects whose card is missing are read and rendered.
"""

from collections.abc import Sequence

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from exhibition.models import CollectionObject
from exhibition.per_object_cache import held_per_object
from exhibition.selectors import listing_prefetches

CARD_TEMPLATE = "exhibition/includes/object_card.html"


def rendered_cards(objects: Sequence[CollectionObject], *, level: str = "3") -> list[SafeString]:
    """Each object's card, in order. The objects need ``has_restoration``
    (``annotated_public_objects``); their related rows are read only for missing cards."""

    def render(missing: list[CollectionObject]) -> list[str]:
        prefetch_related_objects(missing, *listing_prefetches())
        return [render_to_string(CARD_TEMPLATE, {"obj": obj, "level": level}) for obj in missing]

    cards = held_per_object(
        objects, kind="object-card", variant=f"{translation.get_language()}:{level}", build=render
    )
    # Rendered by our own template from escaped values, and cached as that string.
    return [mark_safe(card) for card in cards]

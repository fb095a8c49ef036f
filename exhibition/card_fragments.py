"""Object cards rendered once per object version and language, for every listing.

A card is the same few lines wherever an object is listed, yet rendering one costs the
object's makers, images, models and translations (four prefetch queries for a page of
cards) and a template include: on a browse page of 24 cards that was most of the render.
Cards are therefore kept in the cache, and only the objects whose card is missing are
prefetched and rendered.

A key holds what a card depends on, as for an object page's parts
(``object_fragments``): the collection version (moved on by every write to an object,
its images, models, makers, translations and restorations), the object's ``updated_at``
read with its row, the language, and the heading level the listing gives it. A card is
rendered from the object alone (no request, user or token), so one visitor's card is
every visitor's; visibility is decided by the query that found the objects.
"""

from collections.abc import Sequence

from django.core.cache import cache
from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from exhibition.models import CollectionObject, ObjectCreator
from exhibition.object_fragments import FRAGMENT_SECONDS
from exhibition.page_cache import collection_version

KEY_PREFIX = "vitrine:object-cards"
CARD_TEMPLATE = "exhibition/includes/object_card.html"


def card_prefetches() -> tuple[Prefetch | str, ...]:  # type: ignore[type-arg]
    """What a card shows beside the object's own row (makers, picture, badges, titles)."""
    return (
        Prefetch("creator_links", queryset=ObjectCreator.objects.select_related("agent")),
        "images",
        "models3d",
        "translations",
    )


def card_key(obj: CollectionObject, *, level: str, version: int) -> str:
    stamp = obj.updated_at.timestamp() if obj.updated_at else 0
    language = translation.get_language()
    return f"{KEY_PREFIX}:{version}:{obj.pk}:{stamp:.6f}:{language}:{level}"


def rendered_cards(objects: Sequence[CollectionObject], *, level: str = "3") -> list[SafeString]:
    """Each object's card, in order: from the cache, else rendered (and kept).

    The objects need ``has_restoration`` (``annotated_public_objects``); their related
    rows are read here, and only for the cards not already held.
    """
    version = collection_version()
    keys = [card_key(obj, level=level, version=version) for obj in objects]
    cards: dict[str, str] = cache.get_many(keys)
    missing = [(obj, key) for obj, key in zip(objects, keys, strict=True) if key not in cards]
    if missing:
        prefetch_related_objects([obj for obj, _key in missing], *card_prefetches())
        fresh = {
            key: render_to_string(CARD_TEMPLATE, {"obj": obj, "level": level})
            for obj, key in missing
        }
        cache.set_many(fresh, FRAGMENT_SECONDS)
        cards.update(fresh)
    # Rendered by our own template from escaped values, and cached as that string.
    return [mark_safe(cards[key]) for key in keys]

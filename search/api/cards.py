"""The object part of each hit of the search API, kept per collection version.

A card (the object's summary and thumbnail, as the list API shows them) changes only
when the collection does, and the same objects come up in search after search, while
building one costs several queries and most of a response's serialisation time. Each
worker keeps a bounded LRU of cards per collection version (``search.per_version``) and
site address, so any collection change (a record restricted, a new thumbnail) shows in the
next search.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from rest_framework.request import Request

from exhibition.api.fields import thumbnail
from exhibition.api.objects import ObjectSummarySerializer
from search.explanations import Explanation
from search.hit_objects import public_records
from search.per_version import VersionedLRU

Card = dict[str, Any]  # {"object": summary, "thumbnail": thumbnail or None}


@dataclass(frozen=True)
class CardHit:
    card: Card
    score: float
    explanation: Explanation


def build_cards(object_ids: Sequence[int], request: Request) -> dict[int, Card]:
    """Cards of the public objects among these ids, in a fixed number of queries."""
    cards = {}
    for object_id, obj in public_records(list(object_ids)).items():
        summary = ObjectSummarySerializer(obj, context={"request": request})
        cards[object_id] = {"object": dict(summary.data), "thumbnail": thumbnail(summary, obj)}
    return cards


# (site address, object id) -> card: the links in a card are absolute.
_CARDS: VersionedLRU[tuple[str, int], Card] = VersionedLRU(
    lambda: int(settings.SEARCH_API_CARDS_IN_MEMORY)
)


def public_cards(object_ids: Sequence[int], request: Request) -> dict[int, Card]:
    """The cards of these ids that are public now (the others are left out)."""
    site = request.build_absolute_uri("/")

    def build(keys: list[tuple[str, int]]) -> dict[tuple[str, int], Card]:
        built = build_cards([object_id for _, object_id in keys], request)
        return {(site, object_id): card for object_id, card in built.items()}

    held = _CARDS.get_many([(site, object_id) for object_id in object_ids], build)
    return {object_id: card for (_, object_id), card in held.items()}

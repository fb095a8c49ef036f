"""The object part of each hit of the search API, kept per collection version.

A card (the object's summary and thumbnail, as the list API shows them) changes only
when the collection does, and the same objects come up in search after search, while
building one costs several queries and most of a response's serialisation time. Each
worker keeps a bounded LRU of cards keyed by collection version and site address, so
any collection change (a record restricted, a new thumbnail) shows in the next search.
"""

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from rest_framework.request import Request

from exhibition.api.fields import thumbnail
from exhibition.api.objects import ObjectSummarySerializer
from exhibition.page_cache import collection_version
from search.explanations import Explanation
from search.hit_objects import public_records

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


class CardCache:
    def __init__(self) -> None:
        self._cards: OrderedDict[tuple[int, str, int], Card] = OrderedDict()
        self._lock = threading.Lock()

    def cards(self, object_ids: Sequence[int], request: Request) -> dict[int, Card]:
        """The cards of these ids that are public now (the others are left out)."""
        version, site = collection_version(), request.build_absolute_uri("/")
        found: dict[int, Card] = {}
        with self._lock:
            for object_id in object_ids:
                card = self._cards.get((version, site, object_id))
                if card is not None:
                    self._cards.move_to_end((version, site, object_id))
                    found[object_id] = card
        missing = [object_id for object_id in object_ids if object_id not in found]
        if missing:
            built = build_cards(missing, request)
            found.update(built)
            with self._lock:
                for object_id, card in built.items():
                    self._cards[(version, site, object_id)] = card
                while len(self._cards) > max(int(settings.SEARCH_API_CARDS_IN_MEMORY), 0):
                    self._cards.popitem(last=False)
        return found

    def clear(self) -> None:
        with self._lock:
            self._cards.clear()


CARDS = CardCache()

"""The records behind a page of search hits, for the HTML pages and panels.

Loaded in a fixed number of queries through ``public_objects_with_media()``: a record
made restricted between ranking and loading is dropped here too.
"""

import time
from dataclasses import dataclass

from exhibition.models import CollectionObject
from exhibition.selectors import public_objects_with_media
from search.explanations import Explanation
from search.results import SearchResults


@dataclass(frozen=True)
class ShownHit:
    collection_object: CollectionObject
    score: float
    explanation: Explanation


def public_records(object_ids: list[int]) -> dict[int, CollectionObject]:
    objects = public_objects_with_media().select_related("place").filter(pk__in=object_ids)
    return {obj.pk: obj for obj in objects}


def shown_hits(results: SearchResults) -> list[ShownHit]:
    """The page's hits with their records, in ranked order (timed as the "load" stage)."""
    started = time.perf_counter()
    records = public_records([hit.object_id for hit in results.hits])
    shown = [
        ShownHit(records[hit.object_id], hit.score, hit.explanation)
        for hit in results.hits
        if hit.object_id in records
    ]
    results.timings["load"] = round((time.perf_counter() - started) * 1000.0, 2)
    return shown

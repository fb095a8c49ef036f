"""Recommendations for the public site: what the tour planner, the pages and the API ask.

The strategy (``settings.TOURS_RECOMMENDER``) is fitted on the public catalogue and the
recorded interactions once per process and refitted when the collection changes or after
``REFRESH_SECONDS`` (new interactions shift popularity and co-occurrence only slowly).
Every answer is checked against ``public_objects()`` at the moment it is given, so an object
made restricted or draft a second ago is not recommended.
"""

import threading
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import numpy as np
from django.conf import settings

from exhibition.page_cache import collection_version
from exhibition.selectors import public_objects
from tours.recommending import build_recommender
from tours.recommending.base import Recommendation, Recommender, VisitorTaste
from tours.recommending.catalogue import load_catalogue
from tours.recommending.diversity import diversify, record_similarity
from tours.recommending.interaction_log import log_from_database

REFRESH_SECONDS = 300
# MMR chooses from this many times the list asked for: enough to find variety, few
# enough that a list of 150 for the planner stays quick.
MMR_POOL_FACTOR = 3

_lock = threading.Lock()


@dataclass
class _Fitted:
    name: str
    version: int
    fitted_at: float
    recommender: Recommender


_fitted: dict[str, _Fitted] = {}


def fitted_recommender(name: str | None = None) -> Recommender:
    """The strategy fitted on the collection and interactions as they are now (cached)."""
    chosen = name or settings.TOURS_RECOMMENDER
    version = collection_version()
    with _lock:
        held = _fitted.get(chosen)
        fresh = held and held.version == version
        if held is not None and fresh and time.monotonic() - held.fitted_at < REFRESH_SECONDS:
            return held.recommender
        recommender = build_recommender(chosen, catalogue=load_catalogue(), log=log_from_database())
        _fitted[chosen] = _Fitted(chosen, version, time.monotonic(), recommender)
        return recommender


def forget_fitted() -> None:
    """Drop the fitted strategies, so the next request fits afresh (tests, after imports)."""
    with _lock:
        _fitted.clear()


def recommend_for(
    *,
    taste: VisitorTaste,
    limit: int,
    allowed_ids: Collection[int] | None = None,
    diverse: bool = True,
    strategy: str | None = None,
) -> list[Recommendation]:
    """The best public objects for this visitor, best first, each with a reason.

    ``allowed_ids`` restricts them (the tour planner passes the objects on display);
    ``diverse`` re-ranks by maximal marginal relevance so the list is varied.
    """
    if limit <= 0:
        return []
    recommender = fitted_recommender(strategy)
    candidates = recommender.catalogue.ids
    if allowed_ids is not None:
        allowed = set(allowed_ids)
        candidates = [oid for oid in candidates if oid in allowed]
    pool = limit * MMR_POOL_FACTOR if diverse else limit
    ranked = recommender.recommend(taste=taste, candidates=candidates, limit=pool)
    visible = set(
        public_objects().filter(pk__in=[r.object_id for r in ranked]).values_list("pk", flat=True)
    )
    ranked = [r for r in ranked if r.object_id in visible]
    if not diverse:
        return ranked[:limit]
    return diversify(ranked, catalogue=recommender.catalogue, limit=limit)


def similarity_of(object_ids: Sequence[int]) -> Callable[[int, int], float]:
    """How alike two of these objects are, in [0, 1] (for ordering an online tour as a chain).

    The cosine of their stored record-text vectors where both have one; otherwise how much
    their records share (maker, type, period, culture).
    """
    catalogue = fitted_recommender().catalogue
    ids = [oid for oid in object_ids if oid in catalogue.facts]
    vectors, present = catalogue.matrix(ids)
    row = {oid: i for i, oid in enumerate(ids)}
    cosine = np.clip(vectors @ vectors.T, 0.0, 1.0) if ids else np.zeros((0, 0))

    def similarity(a: int, b: int) -> float:
        if a == b:
            return 1.0
        if a not in row or b not in row:
            return 0.0
        if present[row[a]] and present[row[b]]:
            return float(cosine[row[a], row[b]])
        return record_similarity(catalogue.facts[a], catalogue.facts[b])

    return similarity

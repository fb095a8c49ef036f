"""An online tour: no walking, so choosing is a knapsack and ordering is a story.

Which exhibits: the most total score whose viewing times fit the budget — a 0/1 knapsack,
solved exactly by dynamic programming over whole seconds (viewing times rounded up, the budget
down, so the chosen set always fits). Past ``MAX_DP_CELLS`` table cells the second becomes a
coarser unit, still rounded the safe way; and only the ``MAX_ONLINE_CANDIDATES`` exhibits with
the most score per second take part.

In which order: a similarity chain — start from the most valuable exhibit, then each next one
is the most similar to the last (nearest neighbour); without a similarity, by score.
"""

import math
from collections.abc import Callable, Sequence

import numpy as np

from tours.planning.museum import Exhibit, MuseumStop, MuseumTour
from tours.planning.problem import ProblemError

MAX_ONLINE_CANDIDATES = 400
MAX_DP_CELLS = 20_000_000
MAX_BUDGET_SECONDS = 24 * 3600


def plan_online_tour(
    exhibits: Sequence[Exhibit],
    budget_seconds: float,
    similarity: Callable[[int, int], float] | None = None,
) -> MuseumTour:
    if not 0 < budget_seconds <= MAX_BUDGET_SECONDS:
        raise ProblemError(f"the time budget must be between 0 and {MAX_BUDGET_SECONDS} seconds")
    chosen = choose_within(exhibits, budget_seconds)
    ordered = similarity_chain(chosen, similarity)
    stops = tuple(MuseumStop(e.key, e.room, 0.0, e.view_seconds) for e in ordered)
    return MuseumTour(
        stops=stops,
        rooms=(),
        total_seconds=sum(e.view_seconds for e in ordered),
        score=sum(e.score for e in ordered),
    )


def choose_within(exhibits: Sequence[Exhibit], budget_seconds: float) -> list[Exhibit]:
    """The set of exhibits with the most total score whose viewing times fit the budget."""
    pool = [
        e
        for e in dict((e.key, e) for e in exhibits).values()
        if e.score > 0 and 0 <= e.view_seconds <= budget_seconds
    ]
    pool.sort(key=lambda e: e.score / max(e.view_seconds, 1.0), reverse=True)
    pool = pool[:MAX_ONLINE_CANDIDATES]
    if not pool:
        return []
    unit = max(1.0, len(pool) * budget_seconds / MAX_DP_CELLS)
    capacity = math.floor(budget_seconds / unit + 1e-9)
    weights = [math.ceil(e.view_seconds / unit - 1e-9) for e in pool]
    best = np.zeros(capacity + 1)
    took = np.zeros((len(pool), capacity + 1), dtype=bool)
    for item, (exhibit, weight) in enumerate(zip(pool, weights, strict=True)):
        if weight > capacity:
            continue
        with_it = np.full(capacity + 1, -np.inf)
        with_it[weight:] = best[: capacity + 1 - weight] + exhibit.score
        took[item] = with_it > best
        best = np.maximum(best, with_it)
    chosen: list[Exhibit] = []
    left = int(best.argmax())
    for item in range(len(pool) - 1, -1, -1):
        if took[item, left]:
            chosen.append(pool[item])
            left -= weights[item]
    return chosen


def similarity_chain(
    exhibits: Sequence[Exhibit], similarity: Callable[[int, int], float] | None
) -> list[Exhibit]:
    """Most valuable first, then each next the most similar to the last (or by score)."""
    remaining = sorted(exhibits, key=lambda e: e.score, reverse=True)
    if similarity is None or len(remaining) <= 2:
        return remaining
    chain = [remaining.pop(0)]
    while remaining:
        last = chain[-1].key
        nearest = max(range(len(remaining)), key=lambda i: similarity(last, remaining[i].key))
        chain.append(remaining.pop(nearest))
    return chain

"""Iterated local search for the orienteering problem.

Start from a greedy tour (best score per added cost), then repeat: perturb the best-known or
current tour (cut out a stretch of stops, or a few stops here and there), shorten it (2-opt,
or-opt), fill it again greedily and trade stops for better ones, and keep it when it scores
more (or the same for less cost). The search is deterministic for a given seed; it stops after
``iterations`` rounds or at the deadline, whichever comes first.
"""

import time
from dataclasses import dataclass

import numpy as np

from tours.planning.moves import (
    Route,
    Workspace,
    drop_until_within,
    insert_greedily,
    insertion_deltas,
    or_opt,
    replace_stops,
    two_opt,
    unvisited,
)


def search_clock() -> float:
    """The clock the search's time limits are read on: this thread's CPU seconds.

    On a shared machine other processes take turns on the cores; counting only the time the
    search itself ran keeps its quality the same however busy the machine is (the wall time a
    caller waits is still measured, and reported, on the wall clock)."""
    return time.thread_time()


# Rounds without a new best before the search goes back to the best tour known.
PATIENCE = 30


@dataclass(frozen=True)
class Candidate:
    route: tuple[int, ...]
    score: float
    cost: float

    def beats(self, other: "Candidate", eps: float) -> bool:
        if self.score != other.score:
            return self.score > other.score
        return self.cost < other.cost - eps


def improve(ws: Workspace, route: Route, noise: float = 0.0) -> Candidate:
    """Local search to a tour that no move improves: shorten, fill, trade, until stable."""
    cost = ws.route_cost(route)
    for _ in range(4 * len(ws.scores) + 10):  # a bound the loop never meets in practice
        two_opt(ws, route)
        or_opt(ws, route)
        cost = ws.route_cost(route)
        before = len(route)
        cost = insert_greedily(ws, route, cost, noise)
        noise = 0.0
        traded, cost = replace_stops(ws, route, cost)
        if len(route) == before and not traded:
            break
    return Candidate(tuple(route), ws.route_score(route), ws.route_cost(route))


def perturb(ws: Workspace, route: Route) -> Route:
    """Forces an unvisited node in (dropping the stops worth least to make room), or removes a
    random stretch of stops, or a few random stops."""
    inner = len(route) - 2
    kind = ws.rng.random()
    if kind < 1 / 3 or inner <= 0:
        return force_in(ws, route)
    count = min(inner, int(ws.rng.integers(1, max(2, inner // 3) + 1)))
    if kind < 2 / 3:
        first = int(ws.rng.integers(1, inner - count + 2))
        return route[:first] + route[first + count :]
    drop = set((ws.rng.choice(inner, size=count, replace=False) + 1).tolist())
    return [node for index, node in enumerate(route) if index not in drop]


def force_in(ws: Workspace, route: Route) -> Route:
    """Puts in an unvisited node picked at random, the likelier the more score it brings per
    cost added; then shortens the route and drops what no longer fits.

    This is the move that trades two cheap stops for one valuable stop further away, which
    removing stops and refilling greedily rarely finds.
    """
    nodes = unvisited(ws, route)
    if len(nodes) == 0:
        return list(route)
    added, position = insertion_deltas(ws, route, nodes)
    weight = ws.scores[nodes] / np.maximum(added, ws.eps)
    pick = int(ws.rng.choice(len(nodes), p=weight / weight.sum()))
    node = int(nodes[pick])
    changed = list(route)
    changed.insert(int(position[pick]) + 1, node)
    two_opt(ws, changed)
    or_opt(ws, changed)
    drop_until_within(ws, changed, keep=node)
    return changed


def iterated_local_search(
    ws: Workspace, initial: Route, *, iterations: int, deadline: float
) -> Candidate:
    best = current = improve(ws, list(initial))
    stale = 0
    for _ in range(iterations):
        if search_clock() >= deadline:
            break
        start = best if stale >= PATIENCE else current
        if stale >= PATIENCE:
            stale = 0
        candidate = improve(ws, perturb(ws, list(start.route)), noise=0.5)
        if candidate.beats(best, ws.eps):
            best = current = candidate
            stale = 0
            continue
        stale += 1
        if candidate.score >= current.score or ws.rng.random() < 0.1:
            current = candidate
    return best


def spread_seeds(ws: Workspace, bare: Route, count: int) -> list[int]:
    """Nodes far from the start and from one another (farthest-point order), each a seed for a
    tour through a different part of the map; only nodes worth visiting are considered."""
    worth = np.flatnonzero(ws.scores > 0)
    if len(worth) == 0:
        return []
    nearest = np.min(ws.cost[np.asarray(bare)[:, None], worth[None, :]], axis=0)
    seeds: list[int] = []
    for _ in range(min(count, len(worth))):
        pick = int(nearest.argmax())
        seeds.append(int(worth[pick]))
        nearest = np.minimum(nearest, ws.cost[worth[pick], worth])
    return seeds


def multi_start_search(
    ws: Workspace, bare: Route, *, starts: int, iterations: int, deadline: float
) -> Candidate:
    """A short search from each of several different first tours, then a long one from the best.

    Tours that begin in different parts of the map end up in different local optima; the
    best of several is far more dependable than one long search from the greedy tour.
    """
    began = search_clock()
    share = max(1, iterations // (2 * starts))
    phase_end = began + (deadline - began) / 2
    found: list[Candidate] = []
    for seed in [None, *spread_seeds(ws, bare, starts - 1)]:
        route = list(bare)
        if seed is not None:
            route.insert(1, seed)
        insert_greedily(ws, route, ws.route_cost(route))
        found.append(iterated_local_search(ws, route, iterations=share, deadline=phase_end))
    best = found[0]
    for candidate in found[1:]:
        if candidate.beats(best, ws.eps):
            best = candidate
    rest = iterations - share * starts
    final = iterated_local_search(ws, list(best.route), iterations=rest, deadline=deadline)
    return final if final.beats(best, ws.eps) else best

"""The moves of the route search, each evaluated with numpy over every position at once.

A route is a list of node indices from the start to the end (a closed tour repeats the start at
the end). ``Workspace.cost`` already holds each node's visit cost folded into its edges, so a
route's cost is the sum of its edges plus ``Workspace.offset``. Every move keeps the route
within ``Workspace.budget``; each returns whether it changed the route.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Route = list[int]


@dataclass
class Workspace:
    cost: NDArray[np.float64]  # walking cost + half of each end's visit cost; symmetric
    scores: NDArray[np.float64]
    budget: float  # what the sum of a route's edges may reach
    eps: float  # smaller cost changes are rounding noise, not improvements
    rng: np.random.Generator

    def route_cost(self, route: Route) -> float:
        nodes = np.asarray(route)
        return float(self.cost[nodes[:-1], nodes[1:]].sum())

    def route_score(self, route: Route) -> float:
        return float(self.scores[np.unique(route)].sum())


def unvisited(ws: Workspace, route: Route) -> NDArray[np.intp]:
    """Nodes off the route that are worth visiting (a score of 0 adds nothing)."""
    outside = ws.scores > 0
    outside[route] = False
    return np.flatnonzero(outside)


def insertion_deltas(
    ws: Workspace, route: Route, nodes: NDArray[np.intp]
) -> tuple[NDArray[np.float64], NDArray[np.intp]]:
    """For each node: the least added cost of putting it on the route, and after which position."""
    path = np.asarray(route)
    heads, tails = path[:-1], path[1:]
    rows = ws.cost[:, nodes]
    added = rows[heads] + rows[tails] - ws.cost[heads, tails][:, None]
    position = added.argmin(axis=0)
    return added[position, np.arange(len(nodes))], position


def insert_greedily(ws: Workspace, route: Route, cost: float, noise: float = 0.0) -> float:
    """Adds the node with the best score per added cost until none fits; returns the new cost.

    ``noise`` > 0 scales each node's ratio by a random factor in [1, 1 + noise] (for
    perturbation). Each node's cheapest insertion is kept up to date incrementally: putting a
    node on edge e only replaces that edge by two, so only nodes whose best edge was e need a
    full look again.
    """
    nodes = unvisited(ws, route)
    if len(nodes) == 0:
        return cost
    added, position = insertion_deltas(ws, route, nodes)
    worth = ws.scores[nodes].copy()
    if noise:
        worth *= 1.0 + noise * ws.rng.random(len(nodes))
    alive = np.ones(len(nodes), dtype=bool)
    while True:
        fits = alive & (cost + added <= ws.budget)
        if not fits.any():
            return cost
        ratio = np.where(fits, worth / np.maximum(added, ws.eps), -1.0)
        best = int(ratio.argmax())
        edge, node = int(position[best]), int(nodes[best])
        head, tail = route[edge], route[edge + 1]
        route.insert(edge + 1, node)
        cost += float(added[best])
        alive[best] = False
        stale = np.flatnonzero(alive & (position == edge))
        position[position > edge] += 1
        if len(stale):
            added[stale], position[stale] = insertion_deltas(ws, route, nodes[stale])
        for at, (a, b) in ((edge, (head, node)), (edge + 1, (node, tail))):
            through = ws.cost[a, nodes] + ws.cost[b, nodes] - ws.cost[a, b]
            cheaper = through < added
            added[cheaper], position[cheaper] = through[cheaper], at


def _positions(ws: Workspace, route: Route) -> NDArray[np.float64]:
    """Costs between the route's positions: ``P[i, j]`` = cost(route[i], route[j])."""
    path = np.asarray(route)
    return ws.cost[path[:, None], path[None, :]]


def two_opt(ws: Workspace, route: Route) -> bool:
    """Reverses stretches of the route while that shortens it (best improvement first)."""
    changed = False
    while len(route) >= 4:
        p = _positions(ws, route)
        edges = np.diagonal(p, 1)  # edge i joins positions i and i + 1
        gain = p[:-1, :-1] + p[1:, 1:] - edges[:, None] - edges[None, :]
        gain = np.triu(gain, 2)  # edge j must come at least two after edge i
        i, j = divmod(int(gain.argmin()), len(edges))
        if gain[i, j] >= -ws.eps:
            return changed
        route[i + 1 : j + 1] = route[i + 1 : j + 1][::-1]
        changed = True
    return changed


def or_opt(ws: Workspace, route: Route, longest: int = 3) -> bool:
    """Moves stretches of 1 to ``longest`` stops elsewhere (either way round) while that helps,
    the best such move first."""
    changed = False
    while True:
        p = _positions(ws, route)
        moves = [_best_segment_move(p, length) for length in range(1, longest + 1)]
        gain, length, first, edge, backward = min(moves)
        if gain >= -ws.eps:
            return changed
        segment = route[first : first + length]
        if backward:
            segment.reverse()
        del route[first : first + length]
        at = edge + 1 if edge < first else edge + 1 - length
        route[at:at] = segment
        changed = True


def _best_segment_move(p: NDArray[np.float64], length: int) -> tuple[float, int, int, int, bool]:
    """The best move of a stretch route[i : i + length] (inner stops only) to another edge:
    (cost change, length, i, edge, whether reversed), given the positions' cost matrix."""
    m = len(p) - 1  # edges
    count = m - length  # first stops i = 1 .. m - length
    if count < 1 or m < length + 2:
        return (np.inf, length, 0, 0, False)
    edges = np.diagonal(p, 1)
    firsts = np.arange(1, count + 1)
    lasts = firsts + length - 1
    saved = edges[firsts - 1] + edges[lasts] - p[firsts - 1, lasts + 1]
    # Rows: stretches; columns: edge e joining positions e and e + 1.
    forward = p[1 : count + 1, :-1] + p[length : count + length, 1:]
    backward = p[length : count + length, :-1] + p[1 : count + 1, 1:]
    added = np.minimum(forward, backward) - edges[None, :] - saved[:, None]
    columns = np.arange(m)[None, :]
    added[(columns >= firsts[:, None] - 1) & (columns <= lasts[:, None])] = np.inf
    s, e = divmod(int(added.argmin()), m)
    return (float(added[s, e]), length, int(firsts[s]), e, bool(backward[s, e] < forward[s, e]))


def replace_stops(ws: Workspace, route: Route, cost: float) -> tuple[bool, float]:
    """Trades a stop for an unvisited node — in the stop's place, or wherever the node is
    cheapest to add — when that gains score (or, for equal score, saves cost) and still fits;
    repeats while it can. Returns (changed, new cost)."""
    changed = False
    while len(route) >= 3:
        nodes = unvisited(ws, route)
        if len(nodes) == 0:
            break
        trade = _best_trade(ws, route, cost, nodes)
        if trade is None:
            break
        stop_index, node, position, delta = trade
        if position is None:
            route[stop_index] = node
        else:
            route.insert(position + 1, node)
            del route[stop_index if stop_index < position + 1 else stop_index + 1]
        cost += delta
        changed = True
    return changed, cost


def _best_trade(
    ws: Workspace, route: Route, cost: float, nodes: NDArray[np.intp]
) -> tuple[int, int, int | None, float] | None:
    """(index of the stop to give up, node to take, edge to put it on or None for the stop's
    place, cost change) of the trade that gains most score, the cheapest among equals."""
    path = np.asarray(route)
    inner = np.arange(1, len(route) - 1)
    before, stop, after = path[inner - 1], path[inner], path[inner + 1]
    removed = ws.cost[before, stop] + ws.cost[stop, after]
    rows = ws.cost[:, nodes]
    in_place = rows[before] + rows[after] - removed[:, None]
    # Elsewhere: drop the stop, add the node at its cheapest edge, unless that edge touches
    # the stop (then the in-place figure above is the one that applies).
    added, position = insertion_deltas(ws, route, nodes)
    saved = removed - ws.cost[before, after]
    elsewhere = added[None, :] - saved[:, None]
    touches = (position[None, :] == inner[:, None]) | (position[None, :] == inner[:, None] - 1)
    elsewhere[touches] = np.inf
    use_elsewhere = elsewhere < in_place
    delta = np.where(use_elsewhere, elsewhere, in_place)
    gain = ws.scores[nodes][None, :] - ws.scores[stop][:, None]
    useful = (cost + delta <= ws.budget) & ((gain > 0) | ((gain == 0) & (delta < -ws.eps)))
    if not useful.any():
        return None
    rank = np.where(useful, gain - delta / (abs(ws.budget) + 1.0) * 1e-6, -np.inf)
    s, v = divmod(int(rank.argmax()), rank.shape[1])
    where = int(position[v]) if use_elsewhere[s, v] else None
    return int(inner[s]), int(nodes[v]), where, float(delta[s, v])


def drop_until_within(ws: Workspace, route: Route, keep: int) -> None:
    """Removes the stops that give least score per cost saved until the route fits the budget;
    ``keep`` (a node just forced in) stays."""
    cost = ws.route_cost(route)
    while cost > ws.budget and len(route) > 2:
        path = np.asarray(route)
        before, stop, after = path[:-2], path[1:-1], path[2:]
        saved = ws.cost[before, stop] + ws.cost[stop, after] - ws.cost[before, after]
        worth = ws.scores[stop] / np.maximum(saved, ws.eps)
        worth[(stop == keep) | (saved <= ws.eps)] = np.inf  # kept, or saves nothing
        # One stop whose removal is enough: the least valuable such stop; else the stop
        # worth least per cost saved, and look again.
        enough = np.isfinite(worth) & (saved >= cost - ws.budget)
        if enough.any():
            drop = int(np.where(enough, ws.scores[stop], np.inf).argmin())
        else:
            drop = int(worth.argmin())
        if not np.isfinite(worth[drop]):
            # Only ``keep`` (or stops that save nothing) remain: give up the forced node too.
            del route[1:-1]
            return
        cost -= float(saved[drop])
        del route[drop + 1]

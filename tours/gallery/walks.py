"""The shortest walk between rooms, for drawing a tour's route through the building."""

import heapq
import itertools
from collections.abc import Sequence

from tours.planning.museum import MuseumGraph


def shortest_walk(
    graph: MuseumGraph, start: str, end: str, *, step_free: bool = False
) -> list[str]:
    """The rooms on the quickest walk from ``start`` to ``end``, both included; closed rooms
    are never walked through. With no such walk, just the two rooms."""
    if start == end:
        return [start]
    neighbours: dict[str, list[tuple[float, str]]] = {}
    for link in graph.links:
        if step_free and not link.step_free:
            continue
        neighbours.setdefault(link.room_a, []).append((link.walking_seconds, link.room_b))
        neighbours.setdefault(link.room_b, []).append((link.walking_seconds, link.room_a))
    best: dict[str, float] = {start: 0.0}
    came_from: dict[str, str] = {}
    queue = [(0.0, start)]
    while queue:
        seconds, room = heapq.heappop(queue)
        if room == end:
            return _path(came_from, start, end)
        if seconds > best[room] or (room in graph.closed and room != start):
            continue
        for walk, other in neighbours.get(room, []):
            if seconds + walk < best.get(other, float("inf")):
                best[other] = seconds + walk
                came_from[other] = room
                heapq.heappush(queue, (seconds + walk, other))
    return [start, end]


def walk_through(
    graph: MuseumGraph, places: Sequence[str], *, step_free: bool = False
) -> list[str]:
    """The rooms walked through visiting ``places`` in order (repeats in a row count once)."""
    waypoints = [room for room, _ in itertools.groupby(place for place in places if place)]
    rooms = waypoints[:1]
    for here, there in itertools.pairwise(waypoints):
        rooms.extend(shortest_walk(graph, here, there, step_free=step_free)[1:])
    return rooms


def _path(came_from: dict[str, str], start: str, end: str) -> list[str]:
    path = [end]
    while path[-1] != start:
        path.append(came_from[path[-1]])
    return path[::-1]

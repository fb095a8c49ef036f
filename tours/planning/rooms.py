"""Shortest walks between the open rooms of a museum, and the rooms each walk passes through.

Closed rooms are left out of the graph entirely (a route never passes through them); a
step-free walk uses step-free links only. All-pairs shortest paths by Floyd–Warshall over a
few dozen rooms take well under a millisecond with numpy; the result is cached per map, so
re-planning a tour reuses it.
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from tours.planning.museum import MuseumGraph
from tours.planning.problem import ProblemError

MAX_ROOMS = 2000


@dataclass(frozen=True, eq=False)
class RoomWalks:
    """``seconds[i, j]``: shortest walk between open rooms i and j (inf: no way);
    ``next_room[i, j]``: the room after i on that walk."""

    index: dict[str, int]
    rooms: tuple[str, ...]
    closed: frozenset[str]
    seconds: NDArray[np.float64]
    next_room: NDArray[np.intp]

    def walk(self, a: str, b: str) -> list[str]:
        """The rooms from ``a`` to ``b``, both included, along the shortest walk."""
        i, j = self.index[a], self.index[b]
        path = [a]
        while i != j:
            i = int(self.next_room[i, j])
            path.append(self.rooms[i])
        return path


@lru_cache(maxsize=32)
def room_walks(graph: MuseumGraph, step_free: bool) -> RoomWalks:
    if len(graph.rooms) > MAX_ROOMS:
        raise ProblemError(f"a map has at most {MAX_ROOMS} rooms")
    rooms = tuple(room for room in dict.fromkeys(graph.rooms) if room not in graph.closed)
    index = {room: i for i, room in enumerate(rooms)}
    size = len(rooms)
    seconds = np.full((size, size), np.inf)
    np.fill_diagonal(seconds, 0.0)
    next_room = np.tile(np.arange(size), (size, 1))
    for link in graph.links:
        if link.room_a not in index or link.room_b not in index:
            continue  # a closed room (or one the map does not list) cannot be walked through
        if not 0 <= link.walking_seconds < np.inf:
            raise ProblemError(f"the walk {link.room_a}–{link.room_b} has no sensible duration")
        if step_free and not link.step_free:
            continue
        a, b = index[link.room_a], index[link.room_b]
        if link.walking_seconds < seconds[a, b]:
            seconds[a, b] = seconds[b, a] = float(link.walking_seconds)
    for k in range(size):
        through = seconds[:, k : k + 1] + seconds[k : k + 1, :]
        shorter = through < seconds
        seconds = np.where(shorter, through, seconds)
        next_room = np.where(shorter, next_room[:, k : k + 1], next_room)
    seconds.setflags(write=False)
    return RoomWalks(
        index=index, rooms=rooms, closed=graph.closed, seconds=seconds, next_room=next_room
    )

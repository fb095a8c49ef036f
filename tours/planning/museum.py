"""A museum as the planner sees it: rooms joined by walkable links, and exhibits in rooms.

Plain data, no database: ``tours.gallery`` builds these from the gallery map, the benchmarks
build synthetic ones. Times are seconds.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    """A way between two rooms, walkable both ways."""

    room_a: str
    room_b: str
    walking_seconds: float
    step_free: bool = True


@dataclass(frozen=True)
class MuseumGraph:
    """Rooms by id (the map's slugs), the links between them, and the rooms closed today."""

    rooms: tuple[str, ...]
    links: tuple[Link, ...]
    closed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Exhibit:
    """An object on display that the visitor may see: where, for how long, and how much it is
    worth to this visitor (the recommender's score, > 0)."""

    key: int
    room: str
    view_seconds: float
    score: float


@dataclass(frozen=True)
class MuseumStop:
    """One exhibit on a planned route, with the walk to it from the previous place."""

    key: int
    room: str
    walk_seconds: float
    view_seconds: float


@dataclass(frozen=True)
class MuseumTour:
    """The planned stops in order, the rooms walked through (start to end), and the totals."""

    stops: tuple[MuseumStop, ...]
    rooms: tuple[str, ...]
    total_seconds: float
    score: float

"""The map and a route as the drawing and its text alternative take them: plain data."""

from dataclasses import dataclass


@dataclass(frozen=True)
class MapRoom:
    """A room as drawn: its outline in map units, on its floor."""

    slug: str
    name: str
    floor: int
    shape: tuple[tuple[float, float], ...]
    is_closed: bool = False
    is_entrance: bool = False
    is_exit: bool = False


@dataclass(frozen=True)
class RouteStop:
    """A numbered stop: the object's ``label`` (its title) in a room."""

    number: int
    room: str
    label: str
    walk_seconds: float = 0.0
    view_seconds: float = 0.0


@dataclass(frozen=True)
class MapRoute:
    """The rooms walked through from start to end, and the stops on the way."""

    rooms: tuple[str, ...]
    stops: tuple[RouteStop, ...]

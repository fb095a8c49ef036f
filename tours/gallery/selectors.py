"""Reads of the gallery map: the building as the planner sees it, and what visitors can see.

"On display" means public (through exhibition's public selector), placed on the map and in a
room that is open: restricted and draft objects, unplaced objects and the contents of closed
rooms are never offered to a visitor in the building.
"""

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db.models import QuerySet

from exhibition.selectors import public_objects
from tours.gallery.shapes import MapRoom
from tours.gallery.walks import walk_through
from tours.models import GalleryMap, ObjectLocation, Room, RoomLink
from tours.planning.museum import Exhibit, Link, MuseumGraph

# Seconds at one object when the map gives neither its type nor a "default".
FALLBACK_VIEW_SECONDS = 60
DEFAULT_KEY = "default"


def current_map() -> GalleryMap | None:
    """The map tours are planned on (the newest current one), or None if none is loaded."""
    return GalleryMap.objects.filter(is_current=True).order_by("-loaded_at", "-pk").first()


def museum_graph(*, gallery_map: GalleryMap) -> MuseumGraph:
    """The map's rooms (by slug), its links both ways, and the rooms closed today."""
    rooms = list(Room.objects.filter(gallery_map=gallery_map).order_by("floor", "slug"))
    links = RoomLink.objects.filter(gallery_map=gallery_map).select_related("room_a", "room_b")
    return MuseumGraph(
        rooms=tuple(room.slug for room in rooms),
        links=tuple(
            Link(
                room_a=link.room_a.slug,
                room_b=link.room_b.slug,
                walking_seconds=float(link.walking_seconds),
                step_free=link.step_free,
            )
            for link in links.order_by("pk")
        ),
        closed=frozenset(room.slug for room in rooms if room.is_closed),
    )


def view_seconds(*, viewing_seconds: Mapping[str, Any], object_type: str, pace: float) -> float:
    """Seconds this visitor spends at an object of this type: the map's time for the type
    (or its "default") times the visitor's pace (1.5 takes half as long again)."""
    if not math.isfinite(pace) or pace <= 0:
        raise ValueError(f"pace must be a positive number, not {pace!r}")
    typical = {str(key).casefold(): value for key, value in viewing_seconds.items()}
    seconds = typical.get(object_type.strip().casefold(), typical.get(DEFAULT_KEY))
    if not isinstance(seconds, int | float) or seconds <= 0:
        seconds = FALLBACK_VIEW_SECONDS
    return float(seconds) * pace


def on_display_locations(*, gallery_map: GalleryMap) -> QuerySet[ObjectLocation]:
    """Where the public objects in open rooms are, with their objects and rooms."""
    return ObjectLocation.objects.filter(
        gallery_map=gallery_map,
        room__is_closed=False,
        collection_object__in=public_objects(),
    ).select_related("collection_object", "room")


def on_display_object_ids(*, gallery_map: GalleryMap) -> set[int]:
    """Ids of the objects a visitor in the building can see today."""
    return set(
        on_display_locations(gallery_map=gallery_map).values_list("collection_object_id", flat=True)
    )


def exhibits(
    *, gallery_map: GalleryMap, scores: Mapping[int, float], pace: float = 1.0
) -> list[Exhibit]:
    """The scored objects that are on display, as the planner's exhibits; the others (hidden,
    unplaced, in a closed room) are left out, in the order of ``scores``."""
    locations = {
        location.collection_object_id: location
        for location in on_display_locations(gallery_map=gallery_map).filter(
            collection_object_id__in=list(scores)
        )
    }
    return [
        Exhibit(
            key=object_id,
            room=location.room.slug,
            view_seconds=view_seconds(
                viewing_seconds=gallery_map.viewing_seconds,
                object_type=location.collection_object.object_type,
                pace=pace,
            ),
            score=score,
        )
        for object_id, score in scores.items()
        if (location := locations.get(object_id)) is not None
    ]


def entrances(*, gallery_map: GalleryMap) -> list[Room]:
    """Rooms where a visit may start (closed ones included: the caller says they are closed)."""
    return list(Room.objects.filter(gallery_map=gallery_map, is_entrance=True))


def exits(*, gallery_map: GalleryMap) -> list[Room]:
    """Rooms where a visit may end."""
    return list(Room.objects.filter(gallery_map=gallery_map, is_exit=True))


def rooms_by_slug(*, gallery_map: GalleryMap, slugs: Iterable[str]) -> dict[str, Room]:
    return {
        room.slug: room for room in Room.objects.filter(gallery_map=gallery_map, slug__in=slugs)
    }


def route_rooms(
    *,
    gallery_map: GalleryMap,
    stop_rooms: Sequence[str],
    start: str = "",
    end: str = "",
    step_free: bool = False,
) -> list[str]:
    """The rooms a tour walks through: from ``start`` (if given) through each stop's room in
    order to ``end`` (if given), by the quickest walks that avoid closed rooms."""
    graph = museum_graph(gallery_map=gallery_map)
    return walk_through(graph, [start, *stop_rooms, end], step_free=step_free)


def map_rooms(*, gallery_map: GalleryMap) -> list[MapRoom]:
    """The map's rooms as the SVG drawing takes them."""
    return [
        MapRoom(
            slug=room.slug,
            name=room.name,
            floor=room.floor,
            shape=_points(room.shape),
            is_closed=room.is_closed,
            is_entrance=room.is_entrance,
            is_exit=room.is_exit,
        )
        for room in Room.objects.filter(gallery_map=gallery_map)
    ]


def _points(shape: Any) -> tuple[tuple[float, float], ...]:
    """The outline's points; an outline edited into something else in the admin is skipped."""
    if not isinstance(shape, list):
        return ()
    points = []
    for point in shape:
        if (
            isinstance(point, list)
            and len(point) == 2
            and all(isinstance(v, int | float) and math.isfinite(v) for v in point)
        ):
            points.append((float(point[0]), float(point[1])))
    return tuple(points)

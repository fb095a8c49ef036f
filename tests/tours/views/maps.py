"""A small gallery map for tests of the tour pages: four rooms, one of them closed.

    hall (entrance and exit) — 60 s — east — 45 s (stairs) — west — 90 s — hall
    hall — 30 s — store (closed today)

The east and west galleries show the objects given to ``small_map``, alternately.
"""

from collections.abc import Sequence

from exhibition.models import CollectionObject
from tours.models import GalleryMap, ObjectLocation, Room, RoomLink


def _square(x: float, y: float, size: float = 10) -> list[list[float]]:
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size]]


def small_map(
    objects: Sequence[CollectionObject],
    *,
    is_demo: bool = True,
    viewing_seconds: int = 120,
) -> GalleryMap:
    gallery_map = GalleryMap.objects.create(
        name="Test museum", is_demo=is_demo, viewing_seconds={"default": viewing_seconds}
    )

    def room(slug: str, name: str, x: float, **flags: bool) -> Room:
        return Room.objects.create(
            gallery_map=gallery_map, slug=slug, name=name, shape=_square(x, 0), **flags
        )

    hall = room("hall", "Entrance hall", 0, is_entrance=True, is_exit=True)
    east = room("east", "East gallery", 10)
    west = room("west", "West gallery", 20)
    store = room("store", "Old store", 30, is_closed=True, is_entrance=True)
    for a, b, seconds, step_free in (
        (hall, east, 60, True),
        (east, west, 45, False),
        (west, hall, 90, True),
        (hall, store, 30, True),
    ):
        RoomLink.objects.create(
            gallery_map=gallery_map,
            room_a=a,
            room_b=b,
            walking_seconds=seconds,
            step_free=step_free,
        )
    for index, obj in enumerate(objects):
        ObjectLocation.objects.create(
            gallery_map=gallery_map, collection_object=obj, room=(east, west)[index % 2]
        )
    return gallery_map

"""The rooms a drawn route walks through: quickest, around closed rooms, step-free when asked."""

import pytest

from tests.tours.gallery.documents import room, square, two_rooms
from tours.gallery.loader import gallery_map_load_document
from tours.gallery.selectors import route_rooms
from tours.gallery.svg import route_drawing
from tours.gallery.walks import shortest_walk, walk_through
from tours.planning.museum import Link, MuseumGraph

# hall -(10)- corridor -(10)- gallery; hall -(50, stairs)- gallery; corridor is closed in CLOSED.
LINKS = (
    Link("hall", "corridor", 10),
    Link("corridor", "gallery", 10),
    Link("hall", "gallery", 50, step_free=False),
    Link("gallery", "lift", 30),
)
OPEN = MuseumGraph(rooms=("hall", "corridor", "gallery", "lift"), links=LINKS)
CLOSED = MuseumGraph(rooms=OPEN.rooms, links=LINKS, closed=frozenset({"corridor"}))


def test_the_quickest_walk_is_taken() -> None:
    assert shortest_walk(OPEN, "hall", "gallery") == ["hall", "corridor", "gallery"]


def test_a_closed_room_is_walked_around() -> None:
    assert shortest_walk(CLOSED, "hall", "gallery") == ["hall", "gallery"]


def test_a_step_free_walk_takes_no_stairs() -> None:
    only_stairs = MuseumGraph(rooms=OPEN.rooms, links=LINKS[2:])

    assert shortest_walk(OPEN, "hall", "gallery", step_free=True) == ["hall", "corridor", "gallery"]
    # With no step-free way at all the drawing still joins the two rooms.
    assert shortest_walk(only_stairs, "hall", "gallery", step_free=True) == ["hall", "gallery"]


def test_a_walk_through_several_places_joins_the_walks_and_skips_blanks() -> None:
    assert walk_through(OPEN, ["hall", "", "gallery", "gallery", "lift", "hall"]) == [
        "hall",
        "corridor",
        "gallery",
        "lift",
        "gallery",
        "corridor",
        "hall",
    ]


@pytest.mark.django_db
def test_a_tours_route_is_drawn_and_told_from_the_map() -> None:
    document = two_rooms()
    document["rooms"].append(room("annexe", shape=square(20, 0)))
    document["links"].append({"between": ["gallery", "annexe"], "walking_seconds": 20})
    gallery_map = gallery_map_load_document(document=document).gallery_map
    assert gallery_map is not None
    stops = [("The Hay Wain", "annexe")]

    rooms = route_rooms(gallery_map=gallery_map, stop_rooms=["annexe"], start="hall", end="hall")
    markup, words = route_drawing(gallery_map=gallery_map, rooms=rooms, stops=stops)

    assert rooms == ["hall", "gallery", "annexe", "gallery", "hall"]
    assert 'class="gallery-map__stop"' in markup and "Your tour on the plan" in markup
    assert words == [
        "Start in Hall.",
        "Walk to Annexe through Gallery.",
        "Stop 1: The Hay Wain.",
        "Walk to Hall through Gallery and finish there.",
    ]

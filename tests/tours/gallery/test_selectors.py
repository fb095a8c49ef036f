"""What the planner and the tour pages read from the map: the building and what is on display."""

import pytest

from exhibition.models import Visibility
from tests.builders import make_object
from tests.tours.gallery.documents import room, square, two_rooms
from tours.gallery.loader import gallery_map_load_document
from tours.gallery.selectors import (
    FALLBACK_VIEW_SECONDS,
    current_map,
    entrances,
    exhibits,
    exits,
    map_rooms,
    museum_graph,
    on_display_object_ids,
    view_seconds,
)
from tours.models import GalleryMap
from tours.planning.museum import Exhibit, Link

pytestmark = pytest.mark.django_db


def load(document: dict) -> GalleryMap:  # type: ignore[type-arg]
    gallery_map = gallery_map_load_document(document=document).gallery_map
    assert gallery_map is not None
    return gallery_map


def three_rooms() -> dict:  # type: ignore[type-arg]
    """Hall -> gallery (open), hall -> store (closed); upstairs by stairs or by the lift."""
    document = two_rooms()
    document["rooms"] += [
        room("store", shape=square(0, 10), is_closed=True),
        room("upstairs", floor=1, shape=square(0, 0)),
    ]
    document["links"] += [
        {"between": ["hall", "store"], "walking_seconds": 20},
        {"between": ["hall", "upstairs"], "walking_seconds": 40, "step_free": False},
        {"between": ["gallery", "upstairs"], "walking_seconds": 70, "step_free": True},
    ]
    return document


def test_no_map_loaded_means_no_current_map() -> None:
    assert current_map() is None


def test_the_current_map_is_the_one_loaded_last() -> None:
    load(two_rooms())
    newest = load(three_rooms())

    assert current_map() == newest


def test_the_graph_has_every_room_its_links_with_step_free_flags_and_the_closed_rooms() -> None:
    graph = museum_graph(gallery_map=load(three_rooms()))

    assert set(graph.rooms) == {"hall", "gallery", "store", "upstairs"}
    assert graph.closed == frozenset({"store"})
    assert Link("hall", "upstairs", 40.0, step_free=False) in graph.links
    assert Link("gallery", "upstairs", 70.0, step_free=True) in graph.links
    step_free = {frozenset((link.room_a, link.room_b)) for link in graph.links if link.step_free}
    assert frozenset(("hall", "upstairs")) not in step_free


def test_on_display_is_public_placed_objects_in_open_rooms() -> None:
    shown = make_object(accession_number="SHOWN")
    make_object(accession_number="RESTRICTED", visibility=Visibility.RESTRICTED)
    make_object(accession_number="DRAFT", visibility=Visibility.DRAFT)
    make_object(accession_number="IN-STORE")
    make_object(accession_number="NOT-PLACED")
    document = three_rooms()
    document["rooms"][1]["objects"] = ["SHOWN", "RESTRICTED", "DRAFT"]
    document["rooms"][2]["objects"] = ["IN-STORE"]

    assert on_display_object_ids(gallery_map=load(document)) == {shown.pk}


def test_view_seconds_come_from_the_objects_type_or_the_default_times_the_pace() -> None:
    typical = {"default": 40, "Painting": 90}

    assert view_seconds(viewing_seconds=typical, object_type="painting", pace=1.0) == 90
    assert view_seconds(viewing_seconds=typical, object_type="Photograph", pace=1.0) == 40
    assert view_seconds(viewing_seconds=typical, object_type="painting", pace=1.5) == 135
    assert view_seconds(viewing_seconds={}, object_type="coin", pace=0.5) == (
        FALLBACK_VIEW_SECONDS * 0.5
    )


@pytest.mark.parametrize("pace", [0.0, -1.0, float("nan"), float("inf")])
def test_a_pace_that_is_not_a_positive_number_is_refused(pace: float) -> None:
    with pytest.raises(ValueError, match="pace"):
        view_seconds(viewing_seconds={"default": 30}, object_type="painting", pace=pace)


def test_exhibits_are_the_scored_objects_on_display_with_room_and_view_time() -> None:
    painting = make_object(accession_number="P", object_type="painting")
    photo = make_object(accession_number="F", object_type="photograph")
    hidden = make_object(accession_number="H", visibility=Visibility.DRAFT)
    unplaced = make_object(accession_number="U")
    gallery_map = load(two_rooms(hall_objects=("P",), gallery_objects=("F", "H")))

    result = exhibits(
        gallery_map=gallery_map,
        scores={photo.pk: 0.5, painting.pk: 0.9, hidden.pk: 1.0, unplaced.pk: 1.0},
        pace=2.0,
    )

    assert result == [
        Exhibit(key=photo.pk, room="gallery", view_seconds=80.0, score=0.5),
        Exhibit(key=painting.pk, room="hall", view_seconds=180.0, score=0.9),
    ]


def test_entrances_and_exits_are_listed() -> None:
    document = three_rooms()
    document["rooms"][0]["is_exit"] = False
    document["rooms"][3]["is_exit"] = True
    gallery_map = load(document)

    assert [r.slug for r in entrances(gallery_map=gallery_map)] == ["hall"]
    assert [r.slug for r in exits(gallery_map=gallery_map)] == ["upstairs"]


def test_map_rooms_give_the_drawing_its_outlines() -> None:
    rooms = {r.slug: r for r in map_rooms(gallery_map=load(three_rooms()))}

    assert rooms["store"].is_closed and rooms["upstairs"].floor == 1
    assert rooms["gallery"].shape == ((10.0, 0.0), (20.0, 0.0), (20.0, 10.0), (10.0, 10.0))

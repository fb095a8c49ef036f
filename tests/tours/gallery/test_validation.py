"""A map file's mistakes are each reported with the JSON path a curator can find them at."""

from typing import Any

import pytest

from tests.tours.gallery.documents import room, square, two_rooms
from tours.gallery.validation import FORMAT, validate_gallery_map


def errors_of(document: Any) -> dict[str, str]:
    spec, errors = validate_gallery_map(document)
    assert spec is None, "a document with errors must give no map"
    return {error.path: error.reason for error in errors}


def test_a_valid_document_gives_its_rooms_links_and_objects() -> None:
    spec, errors = validate_gallery_map(two_rooms(gallery_objects=("T.1", "hay-wain")))

    assert errors == []
    assert spec is not None
    assert [r.slug for r in spec.rooms] == ["hall", "gallery"]
    assert spec.rooms[0].is_entrance and spec.rooms[0].is_exit
    assert [ref.reference for ref in spec.rooms[1].objects] == ["T.1", "hay-wain"]
    assert spec.rooms[1].objects[1].path == "$.rooms[1].objects[1]"
    assert (spec.links[0].room_a, spec.links[0].room_b) == ("hall", "gallery")
    assert spec.links[0].step_free is True  # the default
    assert spec.viewing_seconds == {"default": 40, "painting": 90}


def test_not_an_object_is_refused_at_the_root() -> None:
    assert errors_of([1, 2]) == {"$": "must be an object"}


def test_missing_and_unknown_keys_are_named() -> None:
    document = two_rooms()
    del document["name"]
    document["nmae"] = "typo"
    del document["rooms"][1]["shape"]
    document["links"][0]["stepfree"] = False

    errors = errors_of(document)

    assert errors["$.name"] == "is required"
    assert errors["$.nmae"].startswith("unknown key")
    assert errors["$.rooms[1].shape"] == "is required"
    assert "step_free" in errors["$.links[0].stepfree"]


def test_a_wrong_format_is_refused() -> None:
    document = two_rooms()
    document["format"] = "something-else/2"

    assert errors_of(document) == {"$.format": f'must be "{FORMAT}"'}


def test_every_error_in_the_file_is_reported_at_once() -> None:
    document = two_rooms()
    document["rooms"][0]["slug"] = "Hall With Spaces"
    document["rooms"][0]["floor"] = "ground"
    document["rooms"][1]["shape"][2] = [1, "y"]
    document["rooms"][1]["is_closed"] = "yes"
    document["links"][0]["walking_seconds"] = 0
    document["viewing_seconds"]["painting"] = 12.5

    errors = errors_of(document)

    assert set(errors) >= {
        "$.rooms[0].slug",
        "$.rooms[0].floor",
        "$.rooms[1].shape[2]",
        "$.rooms[1].is_closed",
        "$.links[0].walking_seconds",
        '$.viewing_seconds["painting"]',
    }
    assert "slug" in errors["$.rooms[0].slug"]
    assert errors["$.rooms[1].shape[2]"] == "a point must be [x, y], two numbers"
    assert errors["$.rooms[1].is_closed"] == "must be true or false"
    assert errors["$.links[0].walking_seconds"] == "must be from 1 to 3600, not 0"
    assert "whole number" in errors['$.viewing_seconds["painting"]']


def test_outlines_need_three_points_and_an_area() -> None:
    document = two_rooms()
    document["rooms"][0]["shape"] = [[0, 0], [1, 1]]
    document["rooms"][1]["shape"] = [[0, 0], [5, 5], [10, 10]]

    errors = errors_of(document)

    assert errors["$.rooms[0].shape"] == "must hold 3 to 200 items, not 2"
    assert "no area" in errors["$.rooms[1].shape"]


def test_coordinates_out_of_bounds_and_not_finite_are_refused() -> None:
    document = two_rooms()
    document["rooms"][1]["shape"][0] = [1e9, 0]
    document["rooms"][1]["shape"][1] = [float("nan"), 0]

    errors = errors_of(document)

    assert "within" in errors["$.rooms[1].shape[0]"]
    assert errors["$.rooms[1].shape[1]"] == "a point must be [x, y], two numbers"


def test_a_room_defined_twice_is_named_with_the_first_one() -> None:
    document = two_rooms()
    document["rooms"].append(room("hall", shape=square(20, 0)))

    errors = errors_of(document)

    assert errors["$.rooms[2].slug"] == "room 'hall' is already defined at $.rooms[0]"


def test_links_must_join_two_known_different_rooms() -> None:
    document = two_rooms()
    document["links"] += [
        {"between": ["hall", "cellar"], "walking_seconds": 20},
        {"between": ["gallery", "gallery"], "walking_seconds": 20},
        {"between": "hall", "walking_seconds": 20},
    ]

    errors = errors_of(document)

    assert errors["$.links[1].between[1]"] == "no room 'cellar' in this map"
    assert errors["$.links[2].between"] == "a link joins two different rooms"
    assert "two rooms" in errors["$.links[3].between"]


def test_the_same_link_twice_is_refused_but_stairs_beside_a_lift_are_not() -> None:
    document = two_rooms()
    document["links"].append({"between": ["gallery", "hall"], "walking_seconds": 50})
    assert errors_of(document) == {"$.links[1]": "the same link is already given at $.links[0]"}

    document["links"][1]["step_free"] = False
    spec, errors = validate_gallery_map(document)
    assert errors == [] and spec is not None and len(spec.links) == 2


def test_a_map_needs_an_entrance_and_an_exit() -> None:
    document = two_rooms()
    document["rooms"][0]["is_entrance"] = False
    document["rooms"][0]["is_exit"] = False

    _, errors = validate_gallery_map(document)

    assert [(e.path, e.reason.split(":")[0]) for e in errors] == [
        ("$.rooms", "no room is an entrance"),
        ("$.rooms", "no room is an exit"),
    ]


def test_a_room_no_link_reaches_is_reported() -> None:
    document = two_rooms()
    document["rooms"].append(room("island", shape=square(40, 0)))

    assert errors_of(document) == {"$.rooms[2]": "room 'island' cannot be reached from an entrance"}


def test_a_faulty_room_is_not_also_reported_as_missing_or_unreachable() -> None:
    document = two_rooms()
    document["rooms"][1]["floor"] = "first"

    assert errors_of(document) == {"$.rooms[1].floor": "must be a whole number from -20 to 200"}


def test_a_closed_room_still_counts_as_reachable() -> None:
    # Closures are temporary: the rooms behind a closed room are still part of the building.
    document = two_rooms()
    document["rooms"][1]["is_closed"] = True
    document["rooms"].append(room("beyond", shape=square(20, 0)))
    document["links"].append({"between": ["gallery", "beyond"], "walking_seconds": 20})

    spec, errors = validate_gallery_map(document)

    assert errors == [] and spec is not None


def test_an_object_placed_twice_is_named_with_its_first_place() -> None:
    document = two_rooms(hall_objects=("T.1",), gallery_objects=("T.2", "T.1"))

    assert errors_of(document) == {
        "$.rooms[1].objects[1]": "'T.1' is already placed at $.rooms[0].objects[0]"
    }


@pytest.mark.parametrize("bad", ["", "   ", 42, None, "x" * 201])
def test_object_references_must_be_short_text(bad: Any) -> None:
    document = two_rooms(gallery_objects=("T.1",))
    document["rooms"][1]["objects"].append(bad)

    assert "accession number or slug" in errors_of(document)["$.rooms[1].objects[1]"]


def test_viewing_seconds_types_are_compared_without_case() -> None:
    document = two_rooms()
    document["viewing_seconds"] = {"Painting": 80, "painting ": 90}

    assert "given twice" in errors_of(document)['$.viewing_seconds["painting "]']


def test_bounds_on_list_sizes_are_enforced() -> None:
    document = two_rooms()
    document["rooms"] = []

    assert errors_of(document)["$.rooms"] == "must hold 1 to 1000 items, not 0"

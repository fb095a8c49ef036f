"""Loading a map file: all of it as the new current map, or (with any error) nothing at all."""

from pathlib import Path

import pytest

from exhibition.models import Visibility
from tests.builders import make_object
from tests.tours.gallery.documents import two_rooms, write
from tours.gallery.loader import (
    MAX_FILE_BYTES,
    GalleryMapRefused,
    gallery_map_load,
    gallery_map_load_document,
)
from tours.models import GalleryMap, ObjectLocation, Room, RoomLink

pytestmark = pytest.mark.django_db


def test_a_map_loads_with_its_rooms_links_and_objects_by_accession_number_or_slug() -> None:
    hay_wain = make_object(accession_number="NG1207", slug="the-hay-wain")
    night_watch = make_object(slug="the-night-watch")
    document = two_rooms(hall_objects=("NG1207",), gallery_objects=("the-night-watch",))
    document["rooms"][1]["is_closed"] = True

    report = gallery_map_load_document(document=document)

    gallery_map = report.gallery_map
    assert gallery_map is not None and gallery_map.is_current and not gallery_map.is_demo
    assert gallery_map.viewing_seconds == {"default": 40, "painting": 90}
    rooms = {room.slug: room for room in Room.objects.filter(gallery_map=gallery_map)}
    assert rooms["hall"].is_entrance and rooms["hall"].is_exit
    assert rooms["gallery"].is_closed
    assert rooms["gallery"].shape == [[10, 0], [20, 0], [20, 10], [10, 10]]
    link = RoomLink.objects.get(gallery_map=gallery_map)
    assert (link.room_a.slug, link.room_b.slug, link.walking_seconds) == ("hall", "gallery", 30)
    placed = {
        location.collection_object_id: location.room.slug
        for location in ObjectLocation.objects.filter(gallery_map=gallery_map)
    }
    assert placed == {hay_wain.pk: "hall", night_watch.pk: "gallery"}
    assert (report.rooms, report.closed_rooms, report.links, report.placed) == (2, 1, 1, 2)


def test_unknown_objects_are_reported_with_their_paths_and_the_rest_is_loaded() -> None:
    known = make_object(accession_number="K.1")
    document = two_rooms(gallery_objects=("K.1", "NOT-IN-THE-COLLECTION"))

    report = gallery_map_load_document(document=document)

    assert [(e.path, e.reason) for e in report.unknown_objects] == [
        (
            "$.rooms[1].objects[1]",
            "no object with accession number or slug 'NOT-IN-THE-COLLECTION' (skipped)",
        )
    ]
    assert list(ObjectLocation.objects.values_list("collection_object_id", flat=True)) == [known.pk]


def test_restricted_and_draft_objects_may_be_placed_and_are_counted() -> None:
    make_object(accession_number="R.1", visibility=Visibility.RESTRICTED)
    make_object(accession_number="D.1", visibility=Visibility.DRAFT)
    make_object(accession_number="P.1")

    report = gallery_map_load_document(document=two_rooms(gallery_objects=("R.1", "D.1", "P.1")))

    assert report.placed == 3
    assert report.placed_not_public == 2
    assert ObjectLocation.objects.count() == 3


def test_an_accession_number_wins_over_another_objects_slug() -> None:
    by_number = make_object(accession_number="shared-name", slug="first")
    make_object(accession_number="X.2", slug="shared-name")

    gallery_map_load_document(document=two_rooms(gallery_objects=("shared-name",)))

    assert ObjectLocation.objects.get().collection_object_id == by_number.pk


def test_one_object_named_twice_by_number_and_slug_refuses_the_file() -> None:
    make_object(accession_number="NG1207", slug="the-hay-wain")
    document = two_rooms(hall_objects=("NG1207",), gallery_objects=("the-hay-wain",))

    with pytest.raises(GalleryMapRefused) as refused:
        gallery_map_load_document(document=document)

    [error] = refused.value.errors
    assert error.path == "$.rooms[1].objects[0]"
    assert "already placed at $.rooms[0].objects[0]" in error.reason
    assert not GalleryMap.objects.exists()


def test_a_bad_file_changes_nothing_and_the_current_map_stays_current() -> None:
    make_object(accession_number="K.1")
    before = gallery_map_load_document(document=two_rooms(gallery_objects=("K.1",))).gallery_map
    bad = two_rooms(gallery_objects=("K.1",))
    bad["links"][0]["between"] = ["hall", "nowhere"]

    with pytest.raises(GalleryMapRefused) as refused:
        gallery_map_load_document(document=bad)

    assert [e.path for e in refused.value.errors] == ["$.links[0].between[1]"]
    assert list(GalleryMap.objects.all()) == [before]
    assert GalleryMap.objects.get().is_current
    assert (Room.objects.count(), RoomLink.objects.count(), ObjectLocation.objects.count()) == (
        2,
        1,
        1,
    )


def test_a_failure_while_writing_rolls_everything_back(monkeypatch: pytest.MonkeyPatch) -> None:
    make_object(accession_number="K.1")
    first = gallery_map_load_document(document=two_rooms()).gallery_map

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(ObjectLocation.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        gallery_map_load_document(document=two_rooms(gallery_objects=("K.1",)))

    assert list(GalleryMap.objects.filter(is_current=True)) == [first]
    assert GalleryMap.objects.count() == 1 and Room.objects.count() == 2


def test_a_new_map_replaces_the_current_one_and_keeps_the_old() -> None:
    old = gallery_map_load_document(document=two_rooms()).gallery_map
    new = gallery_map_load_document(document=two_rooms()).gallery_map

    assert list(GalleryMap.objects.filter(is_current=True)) == [new]
    assert GalleryMap.objects.filter(pk=old.pk if old else None).exists()


def test_a_dry_run_reports_and_saves_nothing() -> None:
    make_object(accession_number="K.1")

    report = gallery_map_load_document(document=two_rooms(gallery_objects=("K.1",)), dry_run=True)

    assert report.gallery_map is None and report.placed == 1
    assert not GalleryMap.objects.exists()


def test_a_file_that_is_not_json_is_refused_with_where(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    path.write_text('{"format": "vitrine-gallery-map/1",\n  "name": }', encoding="utf-8")

    with pytest.raises(GalleryMapRefused) as refused:
        gallery_map_load(path=path)

    [error] = refused.value.errors
    assert error.path == "$"
    assert "not valid JSON" in error.reason and "line 2" in error.reason


def test_a_missing_file_and_an_oversized_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(GalleryMapRefused) as missing:
        gallery_map_load(path=tmp_path / "absent.json")
    assert "cannot read" in missing.value.errors[0].reason

    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    with pytest.raises(GalleryMapRefused) as oversized:
        gallery_map_load(path=big)
    assert "the limit is" in oversized.value.errors[0].reason


def test_a_file_loads_from_disk(tmp_path: Path) -> None:
    report = gallery_map_load(path=write(tmp_path / "map.json", two_rooms()))

    assert report.gallery_map is not None and report.gallery_map.name == "Test museum"

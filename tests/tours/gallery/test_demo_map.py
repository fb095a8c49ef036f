"""The demo map places every public demo object in a plausible room, and says it is made up."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from tests.builders import make_object
from tours.gallery.loader import gallery_map_load
from tours.gallery.selectors import museum_graph, on_display_object_ids
from tours.models import ObjectLocation, Room

pytestmark = pytest.mark.django_db

DEMO_MAP = Path(settings.BASE_DIR) / "tours" / "demo" / "gallery-map.json"
COLLECTION = Path(settings.BASE_DIR).parent / "shared" / "data" / "collection" / "objects.jsonl"


def demo_records() -> list[dict]:  # type: ignore[type-arg]
    if not COLLECTION.exists():
        pytest.skip("the demo collection is not in ../shared/data/collection")
    lines = COLLECTION.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_the_demo_map_loads_against_the_demo_collection_and_places_every_public_object() -> None:
    records = demo_records()
    # The importer uses the record's id as slug, and as accession number when none is given.
    for record in records:
        make_object(
            slug=record["id"],
            accession_number=record.get("accession_number") or record["id"],
            title=record["title"],
            object_type=record["object_type"],
            visibility=record.get("visibility", "public"),
        )

    report = gallery_map_load(path=DEMO_MAP)

    assert report.unknown_objects == []
    public = {r["id"] for r in records if r.get("visibility", "public") == "public"}
    placed = set(
        ObjectLocation.objects.filter(gallery_map=report.gallery_map).values_list(
            "collection_object__slug", flat=True
        )
    )
    assert public <= placed
    assert report.gallery_map is not None and report.gallery_map.is_demo


def test_the_demo_building_has_a_closed_conservation_room_stairs_and_a_lift() -> None:
    demo_records()
    gallery_map = gallery_map_load(path=DEMO_MAP).gallery_map
    assert gallery_map is not None
    graph = museum_graph(gallery_map=gallery_map)

    assert graph.closed == frozenset({"conservation-studio"})
    floors = {room.slug: room.floor for room in Room.objects.filter(gallery_map=gallery_map)}
    between_floors = [link for link in graph.links if floors[link.room_a] != floors[link.room_b]]
    assert {link.step_free for link in between_floors} == {True, False}  # a lift and stairs
    assert all(20 <= link.walking_seconds <= 90 for link in graph.links)
    rooms = Room.objects.filter(gallery_map=gallery_map)
    assert rooms.filter(is_entrance=True).exists() and rooms.filter(is_exit=True).exists()


def test_objects_in_the_closed_conservation_room_are_not_on_display() -> None:
    records = {r["id"]: r for r in demo_records()}
    document = json.loads(DEMO_MAP.read_text(encoding="utf-8"))
    [studio] = [room for room in document["rooms"] if room["is_closed"]]
    in_studio = make_object(slug=studio["objects"][0], accession_number=studio["objects"][0])
    elsewhere = next(slug for slug in records if slug not in studio["objects"])
    shown = make_object(slug=elsewhere, accession_number=elsewhere)

    gallery_map = gallery_map_load(path=DEMO_MAP).gallery_map
    assert gallery_map is not None

    assert on_display_object_ids(gallery_map=gallery_map) == {shown.pk}
    assert in_studio.pk not in on_display_object_ids(gallery_map=gallery_map)

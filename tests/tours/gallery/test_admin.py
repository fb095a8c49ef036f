"""Curators edit the gallery map in the admin; a demo map says it is made up."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from tests.builders import make_object
from tests.tours.gallery.documents import two_rooms
from tours.admin import DEMO_LABEL
from tours.gallery.loader import gallery_map_load_document
from tours.models import GalleryMap, ObjectLocation, Room, RoomLink

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator_client(client: Client, curator: User) -> Client:
    client.force_login(curator)
    return client


def load_demo_map() -> GalleryMap:
    make_object(accession_number="K.1", title="The Hay Wain")
    document = two_rooms(gallery_objects=("K.1",))
    document["is_demo"] = True
    document["rooms"][1]["name"] = "Dutch <Golden> Age"
    gallery_map = gallery_map_load_document(document=document).gallery_map
    assert gallery_map is not None
    return gallery_map


@pytest.mark.parametrize("model", [GalleryMap, Room, RoomLink, ObjectLocation])
def test_every_list_and_change_page_renders(curator_client: Client, model: type) -> None:
    load_demo_map()
    name = model._meta.model_name  # type: ignore[attr-defined]
    assert curator_client.get(reverse(f"admin:tours_{name}_changelist")).status_code == 200
    instance = model._default_manager.first()  # type: ignore[attr-defined]
    change = curator_client.get(reverse(f"admin:tours_{name}_change", args=[instance.pk]))
    assert change.status_code == 200
    assert curator_client.get(reverse(f"admin:tours_{name}_add")).status_code == 200


def test_a_demo_map_says_so_in_its_list_and_on_its_page(curator_client: Client) -> None:
    gallery_map = load_demo_map()

    listing = curator_client.get(reverse("admin:tours_gallerymap_changelist")).content.decode()
    page = curator_client.get(
        reverse("admin:tours_gallerymap_change", args=[gallery_map.pk])
    ).content.decode()

    assert DEMO_LABEL in listing
    assert DEMO_LABEL in page
    assert 'class="warning"' in page  # the notice stands at the top, not only in a field


def test_a_real_map_is_not_labelled_demo(curator_client: Client) -> None:
    gallery_map = gallery_map_load_document(document=two_rooms()).gallery_map
    assert gallery_map is not None

    page = curator_client.get(reverse("admin:tours_gallerymap_change", args=[gallery_map.pk]))

    assert DEMO_LABEL not in page.content.decode()


def test_the_map_page_shows_the_plan_with_escaped_names_and_no_inline_style(
    curator_client: Client,
) -> None:
    gallery_map = load_demo_map()

    page = curator_client.get(
        reverse("admin:tours_gallerymap_change", args=[gallery_map.pk])
    ).content.decode()

    assert 'role="img"' in page
    assert "Dutch &lt;Golden&gt; Age" in page and "Dutch <Golden> Age" not in page
    assert not re.search(r"\sstyle=", page)


def test_a_curator_closes_and_reopens_rooms_from_the_list(curator_client: Client) -> None:
    gallery_map = load_demo_map()
    gallery = Room.objects.get(gallery_map=gallery_map, slug="gallery")
    url = reverse("admin:tours_room_changelist")

    curator_client.post(url, {"action": "close_rooms", "_selected_action": [gallery.pk]})
    gallery.refresh_from_db()
    assert gallery.is_closed

    curator_client.post(url, {"action": "open_rooms", "_selected_action": [gallery.pk]})
    gallery.refresh_from_db()
    assert not gallery.is_closed


def test_making_a_map_current_makes_the_others_not_current(curator_client: Client) -> None:
    old = load_demo_map()
    new = gallery_map_load_document(document=two_rooms()).gallery_map
    assert new is not None

    curator_client.post(
        reverse("admin:tours_gallerymap_changelist"),
        {"action": "make_current", "_selected_action": [old.pk]},
    )

    assert list(GalleryMap.objects.filter(is_current=True)) == [old]


def test_a_link_to_a_room_of_another_map_is_refused(curator_client: Client) -> None:
    first = load_demo_map()
    second = gallery_map_load_document(document=two_rooms()).gallery_map
    assert second is not None
    here = Room.objects.get(gallery_map=first, slug="hall")
    there = Room.objects.get(gallery_map=second, slug="gallery")

    response = curator_client.post(
        reverse("admin:tours_roomlink_add"),
        {
            "gallery_map": first.pk,
            "room_a": here.pk,
            "room_b": there.pk,
            "walking_seconds": 20,
            "step_free": "on",
        },
    )

    assert response.status_code == 200
    assert "is on another map" in response.content.decode()
    assert RoomLink.objects.count() == 2  # one per loaded map, nothing added


def test_an_object_already_placed_cannot_be_placed_in_a_second_room(
    curator_client: Client,
) -> None:
    gallery_map = load_demo_map()
    hall = Room.objects.get(gallery_map=gallery_map, slug="hall")
    placed = ObjectLocation.objects.get(gallery_map=gallery_map)
    prefix = "locations"

    response = curator_client.post(
        reverse("admin:tours_room_change", args=[hall.pk]),
        {
            "name": hall.name,
            "slug": hall.slug,
            "floor": 0,
            "shape": "[[0, 0], [10, 0], [10, 10], [0, 10]]",
            "is_entrance": "on",
            "is_exit": "on",
            f"{prefix}-TOTAL_FORMS": 1,
            f"{prefix}-INITIAL_FORMS": 0,
            f"{prefix}-0-collection_object": placed.collection_object_id,
            f"{prefix}-0-room": hall.pk,
        },
    )

    assert response.status_code == 200
    assert "is already placed in Dutch &lt;Golden&gt; Age" in response.content.decode()
    assert ObjectLocation.objects.get().room.slug == "gallery"

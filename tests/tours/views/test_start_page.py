"""The start page: what a visitor can choose, and what happens when they send it."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.tours.views.collection import small_museum
from tests.tours.views.planning import plan_tour, post_start
from tours.models import Interaction, InteractionKind, InteractionSource, Tour, VisitorProfile
from tours.visitors import SESSION_KEY

pytestmark = pytest.mark.django_db


def test_the_start_page_offers_interests_times_pace_and_the_ways_in() -> None:
    small_museum()
    page = Client().get(reverse("tours:start"))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="interest" value="object_type:print"' in html
    assert 'name="interest" value="culture:Japan"' in html
    for minutes in ("30", "60", "90", "120"):
        assert f'name="budget" value="{minutes}"' in html
    assert 'name="custom_minutes"' in html
    assert "Step-free routes only" in html
    assert ">Entrance hall</option>" in html
    assert "Old store (closed today)" in html
    assert 'value="online"' in html and 'value="building"' in html


def test_every_control_on_the_start_page_has_a_label() -> None:
    small_museum()
    html = Client().get(reverse("tours:start")).content.decode()
    ids = re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', html)
    assert len(ids) > 10
    for control in ids:
        assert f'for="{control}"' in html, f"#{control} has no label"


def test_the_start_page_needs_no_script_of_its_own_to_work() -> None:
    small_museum()
    html = Client().get(reverse("tours:start")).content.decode()
    assert '<form class="tour-form" method="post"' in html
    assert "<script>" not in html and not re.search(r"\sstyle=", html)


def test_objects_the_visitor_liked_are_offered() -> None:
    museum = small_museum()
    client = Client()
    post_start(client)  # starts the visitor's anonymous profile
    profile = VisitorProfile.objects.get(token=client.session[SESSION_KEY])
    for obj in (museum.prints[0], museum.hidden):
        Interaction.objects.create(
            profile=profile,
            collection_object=obj,
            kind=InteractionKind.LIKE,
            source=InteractionSource.OBJECT_PAGE,
            created_at=timezone.now(),
        )
    html = client.get(reverse("tours:start")).content.decode()
    assert f'name="liked" value="{museum.prints[0].slug}"' in html
    assert museum.hidden.title not in html


def test_objects_added_to_the_tour_are_offered_ticked_and_planned() -> None:
    museum = small_museum()
    client = Client()
    post_start(client)
    profile = VisitorProfile.objects.get(token=client.session[SESSION_KEY])
    wanted = museum.paintings[1]
    Interaction.objects.create(
        profile=profile,
        collection_object=wanted,
        kind=InteractionKind.ADD_TO_TOUR,
        source=InteractionSource.OBJECT_PAGE,
        created_at=timezone.now(),
    )
    html = client.get(reverse("tours:start")).content.decode()
    assert f'name="liked" value="{wanted.slug}" checked' in html
    tour = plan_tour(client, liked=[wanted.slug], budget="30")
    assert tour.stops.filter(collection_object=wanted).exists()


def test_a_planned_tour_opens_on_its_own_page() -> None:
    museum = small_museum()
    client = Client()
    response = post_start(client, interest=["object_type:print"])
    assert response.status_code == 302
    tour = Tour.objects.get()
    assert response.url == reverse("tours:tour", kwargs={"public_id": tour.public_id})
    assert tour.stops.exists()
    assert tour.request["interests"] == ["object_type:print"]
    page = client.get(response.url).content.decode()
    assert any(obj.title in page for obj in museum.prints)


@pytest.mark.parametrize(
    ("minutes", "message"),
    [("0", "more than 0 minutes"), ("780", "at most 720 minutes")],
)
def test_a_time_budget_out_of_bounds_is_refused_with_a_message(minutes: str, message: str) -> None:
    small_museum()
    response = post_start(Client(), budget="custom", custom_minutes=minutes)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    assert f'value="{minutes}"' in html  # the form comes back as it was sent
    assert not Tour.objects.exists()


def test_a_time_typed_for_other_is_used() -> None:
    small_museum()
    tour = plan_tour(Client(), budget="custom", custom_minutes="45")
    assert tour.budget_seconds == 45 * 60


def test_an_unknown_interest_is_left_out_and_the_visitor_told() -> None:
    small_museum()
    client = Client()
    response = post_start(client, interest=["object_type:print", "culture:Atlantis"])
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Unknown interest" in page and "Atlantis" in page
    assert Tour.objects.get().request["interests"] == ["object_type:print"]


def test_a_closed_start_room_is_refused_by_name() -> None:
    small_museum()
    response = post_start(Client(), start_room="store")
    assert response.status_code == 400
    assert "Old store" in response.content.decode()
    assert "closed" in response.content.decode()
    assert not Tour.objects.exists()


def test_an_online_tour_needs_no_map() -> None:
    museum = small_museum()
    museum.gallery_map.delete()
    html = Client().get(reverse("tours:start")).content.decode()
    assert 'value="building"' not in html
    tour = plan_tour(Client(), mode="online")
    assert tour.mode == "online" and tour.stops.exists()


def test_the_main_navigation_leads_to_tours() -> None:
    html = Client().get(reverse("exhibition:home")).content.decode()
    assert f'href="{reverse("tours:start")}"' in html

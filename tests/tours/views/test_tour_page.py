"""The tour page: the next object and why, progress, the map and route, and re-planning."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from exhibition.models import Visibility
from tests.tours.views.collection import small_museum
from tests.tours.views.planning import plan_tour
from tours.models import StopStatus, Tour

pytestmark = pytest.mark.django_db


def _page(client: Client, tour: Tour) -> str:
    response = client.get(reverse("tours:tour", kwargs={"public_id": tour.public_id}))
    assert response.status_code == 200
    return str(response.content.decode())


def _upcoming_titles(tour: Tour) -> list[str]:
    stops = tour.stops.filter(status=StopStatus.PLANNED).select_related("collection_object")
    return [stop.collection_object.title for stop in stops.order_by("order")]


def _next_section(html: str) -> str:
    return html[html.index('id="next-heading"') : html.index('id="time-heading"')]


def _replan(client: Client, tour: Tour, action: str, stop: int | None = None) -> object:
    data = {"action": action} | ({"stop": str(stop)} if stop is not None else {})
    return client.post(reverse("tours:replan", kwargs={"public_id": tour.public_id}), data)


def test_the_tour_page_shows_the_next_object_its_reason_and_progress() -> None:
    small_museum()
    client = Client()
    tour = plan_tour(client)
    first = tour.stops.order_by("order").first()
    assert first is not None
    html = _page(client, tour)
    assert "Next stop" in html
    assert first.collection_object.title in html
    assert first.reason in html
    total = tour.stops.count()
    assert f"0 of {total} seen" in html
    assert "Seen it — next" in html and "Skip this one" in html and "More like this" in html
    assert "I have 15 more minutes" in html and "I’m tired, shorten it" in html


def test_the_tour_says_it_is_chosen_by_an_algorithm_and_the_map_is_demo_data() -> None:
    small_museum(is_demo=True)
    client = Client()
    html = _page(client, plan_tour(client))
    assert "Chosen by Vitrine’s recommender from what you told us" in html
    assert "The gallery map is demo data, made up for the demo collection" in html


def test_a_real_map_carries_no_demo_label() -> None:
    small_museum(is_demo=False)
    client = Client()
    assert "demo data" not in _page(client, plan_tour(client))


def test_the_route_is_drawn_and_told_in_words() -> None:
    small_museum()
    client = Client()
    tour = plan_tour(client)
    html = _page(client, tour)
    assert "<svg" in html and 'role="img"' in html
    words = html[html.index("The route in words") :]
    for stop in tour.stops.select_related("collection_object"):
        assert stop.collection_object.title in words


def test_seen_it_moves_on_to_the_next_stop() -> None:
    small_museum()
    client = Client()
    tour = plan_tour(client)
    first, second = list(tour.stops.order_by("order"))[:2]
    url = reverse("tours:stop-seen", kwargs={"public_id": tour.public_id, "stop_id": first.pk})
    response = client.post(url)
    assert response.status_code == 302
    assert response.url == reverse("tours:tour", kwargs={"public_id": tour.public_id})
    html = _page(client, tour)
    total = tour.stops.count()
    assert f"1 of {total} seen" in html
    assert second.collection_object.title in _next_section(html)
    assert 'aria-current="step"' in html


def test_a_stop_already_seen_cannot_be_seen_twice() -> None:
    small_museum()
    client = Client()
    tour = plan_tour(client)
    first = tour.stops.order_by("order").first()
    assert first is not None
    url = reverse("tours:stop-seen", kwargs={"public_id": tour.public_id, "stop_id": first.pk})
    client.post(url)
    again = client.post(url)
    assert again.status_code == 400
    assert "already been seen" in again.content.decode()


def test_skipping_the_next_stop_plans_again_without_it() -> None:
    small_museum()
    client = Client()
    tour = plan_tour(client)
    first = tour.stops.order_by("order").first()
    assert first is not None
    skipped_title = first.collection_object.title

    response = _replan(client, tour, "skip", first.pk)

    assert response.status_code == 302  # type: ignore[attr-defined]
    assert skipped_title not in _upcoming_titles(tour)
    html = _page(client, tour)
    assert f"Skipped “{skipped_title}”" in html
    next_title = _upcoming_titles(tour)[0]
    assert next_title != skipped_title
    assert next_title in _next_section(html)


def test_fifteen_more_minutes_and_shorten_change_the_time_left() -> None:
    small_museum()
    client = Client()
    tour = plan_tour(client, budget="30")
    _replan(client, tour, "more_time")
    tour.refresh_from_db()
    assert tour.budget_seconds == 45 * 60
    assert "45 min left" in _page(client, tour)
    _replan(client, tour, "shorten")
    tour.refresh_from_db()
    assert tour.budget_seconds < 45 * 60
    assert "Shortened" in _page(client, tour)


def test_more_like_this_keeps_the_tour_going() -> None:
    museum = small_museum()
    client = Client()
    tour = plan_tour(client)
    first = tour.stops.order_by("order").first()
    assert first is not None
    response = _replan(client, tour, "more_like_this", first.pk)
    assert response.status_code == 302  # type: ignore[attr-defined]
    tour.refresh_from_db()
    assert first.collection_object_id in tour.request["liked_ids"]
    assert museum.hidden.title not in _page(client, tour)


@pytest.mark.parametrize("data", [{"action": "dance"}, {"action": "skip"}])
def test_a_bad_replan_request_is_refused_with_a_message(data: dict[str, str]) -> None:
    small_museum()
    client = Client()
    tour = plan_tour(client)
    url = reverse("tours:replan", kwargs={"public_id": tour.public_id})
    response = client.post(url, data)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_a_stop_of_another_tour_is_not_found() -> None:
    small_museum()
    client = Client()
    tour, other = plan_tour(client), plan_tour(client)
    stop = other.stops.first()
    assert stop is not None
    assert _replan(client, tour, "skip", stop.pk).status_code == 404  # type: ignore[attr-defined]


def test_an_unknown_tour_is_not_found() -> None:
    url = reverse("tours:tour", kwargs={"public_id": "00000000-0000-0000-0000-000000000000"})
    assert Client().get(url).status_code == 404


def test_a_restricted_object_is_never_shown_even_if_it_was_planned() -> None:
    museum = small_museum()
    client = Client()
    tour = plan_tour(client, budget="120")
    assert museum.hidden.pk not in set(tour.stops.values_list("collection_object_id", flat=True))
    first = tour.stops.order_by("order").first()
    assert first is not None
    gone = first.collection_object
    gone.visibility = Visibility.RESTRICTED
    gone.save()
    for name in ("tours:tour", "tours:print"):
        html = client.get(reverse(name, kwargs={"public_id": tour.public_id})).content.decode()
        assert gone.title not in html
        assert museum.hidden.title not in html


def test_nothing_within_the_budget_gives_an_empty_tour_with_the_reason() -> None:
    small_museum()
    client = Client()
    tour = plan_tour(client, budget="custom", custom_minutes="1")
    assert not tour.stops.exists()
    html = _page(client, tour)
    assert tour.empty_reason and tour.empty_reason in html
    assert "Plan another tour" in html


def test_the_tour_page_works_with_plain_forms() -> None:
    small_museum()
    client = Client()
    html = _page(client, plan_tour(client))
    assert html.count('method="post"') >= 4
    assert html.count("csrfmiddlewaretoken") >= 4
    assert "<script>" not in html and not re.search(r"\sstyle=", html)

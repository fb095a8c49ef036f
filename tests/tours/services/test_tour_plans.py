"""Planning, following and re-planning a tour, as a visitor in the building would."""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone

from exhibition.models import Visibility
from tests.tours.views.collection import small_museum
from tours.models import Interaction, StopStatus, Tour, VisitorProfile
from tours.selectors.tour_pages import tour_page
from tours.services.tour_plans import tour_plan, tour_replan, tour_stop_seen
from tours.tour_clock import used_seconds
from tours.tour_requests import TourRequestError, read_tour_ask

pytestmark = pytest.mark.django_db


def _plan(minutes: int = 30, **fields: object) -> Tour:
    return tour_plan(ask=read_tour_ask(budget_minutes=minutes, **fields), profile=None)


def _planned(tour: Tour) -> list[int]:
    return list(
        tour.stops.filter(status=StopStatus.PLANNED)
        .order_by("order")
        .values_list("collection_object_id", flat=True)
    )


def _total_seconds(tour: Tour) -> int:
    return sum(s.walk_seconds + s.view_seconds for s in tour.stops.all())


def test_a_tour_fits_its_time_and_shows_only_public_objects_on_display() -> None:
    museum = small_museum()
    tour = _plan(minutes=12)
    stops = list(tour.stops.all())
    assert stops, tour.empty_reason
    assert _total_seconds(tour) <= 12 * 60
    assert museum.hidden.pk not in {s.collection_object_id for s in stops}
    assert all(s.reason for s in stops)


def test_the_tour_starts_and_ends_at_the_entrance_when_none_is_chosen() -> None:
    small_museum()
    tour = _plan()
    assert tour.request["start_room"] == "hall" and tour.request["end_room"] == "hall"


def test_a_liked_object_on_display_is_in_the_tour_with_the_reason() -> None:
    museum = small_museum()
    liked = museum.paintings[2]
    tour = _plan(minutes=10, liked=[liked.slug])
    stop = tour.stops.get(collection_object=liked)
    assert "liked" in stop.reason


def test_a_closed_start_room_is_refused_by_name() -> None:
    small_museum()
    with pytest.raises(TourRequestError, match="Old store"):
        _plan(start_room="store")


def test_an_unknown_start_room_is_reported_and_the_entrance_used() -> None:
    small_museum()
    tour = _plan(start_room="atrium")
    assert tour.request["start_room"] == "hall"
    assert "'atrium'" in " ".join(tour.request["notices"])


def test_too_little_time_gives_an_empty_tour_with_the_reason() -> None:
    small_museum()
    tour = _plan(minutes=1)
    assert not tour.stops.exists()
    assert "within 1 minute from here" in tour.empty_reason


def test_a_step_free_tour_never_takes_the_stairs() -> None:
    small_museum()
    tour = _plan(minutes=60, step_free=True)
    page = tour_page(tour=tour)
    # east–west is stairs: a step-free route goes back through the hall instead.
    words = " ".join(page.route_words)
    assert tour.stops.exists()
    rooms = [s.room.slug for s in tour.stops.order_by("order") if s.room]
    for a, b in itertools.pairwise(rooms):
        assert {a, b} != {"east", "west"} or "Entrance hall" in words


def test_skipping_a_stop_replans_without_it_and_keeps_it_out() -> None:
    small_museum()
    tour = _plan(minutes=20)
    first = tour.stops.order_by("order").first()
    assert first is not None
    tour_replan(tour=tour, action="skip", stop=first)
    first.refresh_from_db()
    assert first.status == StopStatus.SKIPPED
    assert first.collection_object_id not in _planned(tour)
    assert tour.replanned_at is not None


def test_a_stop_seen_uses_its_time_and_the_rest_is_replanned_from_its_room() -> None:
    small_museum()
    tour = _plan(minutes=20)
    first = tour.stops.order_by("order").first()
    assert first is not None
    tour_stop_seen(tour=tour, stop=first)
    assert used_seconds(tour) == first.walk_seconds + first.view_seconds
    tour_replan(tour=tour, action="shorten")
    assert first.collection_object_id not in _planned(tour)
    assert tour.budget_seconds < 20 * 60
    planned = [s for s in tour.stops.all() if s.status == StopStatus.PLANNED]
    assert used_seconds(tour) + sum(s.walk_seconds + s.view_seconds for s in planned) <= (
        tour.budget_seconds
    )


def test_fifteen_more_minutes_adds_stops() -> None:
    small_museum()
    tour = _plan(minutes=6)
    before = len(_planned(tour))
    tour_replan(tour=tour, action="more_time")
    assert tour.budget_seconds == 21 * 60
    assert len(_planned(tour)) > before


def test_more_time_never_passes_twelve_hours() -> None:
    small_museum()
    tour = _plan(minutes=720)
    with pytest.raises(TourRequestError, match="12 hours"):
        tour_replan(tour=tour, action="more_time")


def test_more_like_this_counts_the_stop_as_liked() -> None:
    small_museum()
    tour = _plan(minutes=8)
    stop = tour.stops.order_by("order").first()
    assert stop is not None
    tour_replan(tour=tour, action="more_like_this", stop=stop)
    assert stop.collection_object_id in tour.request["liked_ids"]


def test_a_visitors_tour_actions_are_recorded_in_their_history() -> None:
    small_museum()
    profile = VisitorProfile.objects.create()
    tour = tour_plan(ask=read_tour_ask(budget_minutes=20), profile=profile)
    first, second = list(tour.stops.order_by("order"))[:2]
    tour_stop_seen(tour=tour, stop=first)
    tour_replan(tour=tour, action="skip", stop=second)
    kinds = set(Interaction.objects.filter(profile=profile).values_list("kind", flat=True))
    assert kinds == {"view", "skip"}


def test_a_stop_already_seen_cannot_be_skipped() -> None:
    small_museum()
    tour = _plan(minutes=20)
    first = tour.stops.order_by("order").first()
    assert first is not None
    tour_stop_seen(tour=tour, stop=first)
    with pytest.raises(TourRequestError, match="already"):
        tour_replan(tour=tour, action="skip", stop=first)


def test_an_object_made_restricted_after_planning_disappears_from_the_page() -> None:
    small_museum()
    tour = _plan(minutes=20)
    stop = tour.stops.order_by("order").first()
    assert stop is not None
    obj = stop.collection_object
    obj.visibility = Visibility.RESTRICTED
    obj.save()
    assert obj.pk not in {view.obj.pk for view in tour_page(tour=tour).stops}


def test_an_online_tour_needs_no_map_and_fits_its_time() -> None:
    for n in range(5):
        from tests.builders import make_object

        make_object(title=f"Object {n}", object_type="painting")
    tour = _plan(minutes=5, mode="online")
    assert tour.stops.exists()
    assert sum(s.view_seconds for s in tour.stops.all()) <= 5 * 60
    assert all(s.walk_seconds == 0 and s.room is None for s in tour.stops.all())


def test_a_tour_in_the_building_without_a_map_says_to_choose_online() -> None:
    with pytest.raises(TourRequestError, match="online"):
        _plan(minutes=30)


def test_too_little_time_to_reach_the_end_gives_an_empty_tour_saying_where_to_go() -> None:
    small_museum()
    # Step-free, east to west goes back through the hall: 150 s, more than the 2 minutes.
    tour = _plan(minutes=2, start_room="east", end_room="west", step_free=True)
    assert not tour.stops.exists()
    assert tour.empty_reason == "There is no time left for more stops: head for West gallery."


def test_no_way_between_start_and_end_gives_an_empty_tour_naming_the_rooms() -> None:
    museum = small_museum()
    museum.gallery_map.links.exclude(room_a__slug="east", room_b__slug="west").delete()
    tour = _plan(minutes=30, start_room="hall", end_room="west")
    assert not tour.stops.exists()
    assert "Entrance hall" in tour.empty_reason and "West gallery" in tour.empty_reason


def _started_ago(tour: Tour, seconds: int) -> None:
    Tour.objects.filter(pk=tour.pk).update(created_at=timezone.now() - timedelta(seconds=seconds))
    tour.refresh_from_db()


def test_lingering_at_a_stop_uses_up_time_and_replans_the_rest_to_fit() -> None:
    small_museum()
    tour = _plan(minutes=20)
    first = tour.stops.order_by("order").first()
    assert first is not None
    planned = first.walk_seconds + first.view_seconds
    _started_ago(tour, planned + 6 * 60)  # six minutes longer than planned
    before = len(_planned(tour))
    tour_stop_seen(tour=tour, stop=first)
    first.refresh_from_db()
    assert 5 * 60 < first.lingered_seconds <= 7 * 60
    assert used_seconds(tour) == planned + first.lingered_seconds
    assert len(_planned(tour)) < before
    rest = [s for s in tour.stops.all() if s.status == StopStatus.PLANNED]
    assert used_seconds(tour) + sum(s.walk_seconds + s.view_seconds for s in rest) <= (
        tour.budget_seconds
    )


def test_a_long_break_before_a_stop_is_not_lingering() -> None:
    small_museum()
    tour = _plan(minutes=20)
    first = tour.stops.order_by("order").first()
    assert first is not None
    _started_ago(tour, 24 * 3600)  # planned at home the day before
    tour_stop_seen(tour=tour, stop=first)
    first.refresh_from_db()
    assert first.lingered_seconds == 0 and first.seen_at is not None

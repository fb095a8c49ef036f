"""Reading a visitor's tour request: bad numbers refused with a message, unknowns reported."""

import pytest

from exhibition.models import Visibility
from tests.builders import make_object
from tours.recommending.interests import interest_choices
from tours.tour_requests import TourRequestError, read_tour_ask, tour_ask_from_json

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("budget", [0, -5, "0", "abc", None, 721, 13 * 60])
def test_a_budget_of_nothing_or_over_twelve_hours_is_refused_with_a_message(budget: object) -> None:
    with pytest.raises(TourRequestError, match="budget_minutes"):
        read_tour_ask(budget_minutes=budget)


def test_twelve_hours_is_allowed_and_minutes_become_seconds() -> None:
    ask = read_tour_ask(budget_minutes="720")
    assert ask.budget_minutes == 720 and ask.budget_seconds == 720 * 60


@pytest.mark.parametrize("pace", [0.1, 3, "fast"])
def test_a_pace_out_of_range_is_refused(pace: object) -> None:
    with pytest.raises(TourRequestError, match="pace"):
        read_tour_ask(budget_minutes=30, pace=pace)


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(TourRequestError, match="mode"):
        read_tour_ask(budget_minutes=30, mode="teleport")


def test_unknown_interests_and_objects_are_reported_and_left_out() -> None:
    make_object(slug="the-hay-wain", object_type="painting", culture="British")
    make_object(slug="secret", visibility=Visibility.RESTRICTED)
    ask = read_tour_ask(
        budget_minutes=45,
        interests=["object_type:painting", "object_type:spaceship", "nonsense"],
        liked=["the-hay-wain", "secret", "no-such-thing"],
        choices=interest_choices(),
    )
    assert [i.key for i in ask.interests] == ["object_type:painting"]
    assert len(ask.liked_ids) == 1
    notices = " ".join(ask.notices)
    assert "spaceship" in notices and "nonsense" in notices
    # A restricted object answers exactly as an unknown one.
    assert "'secret'" in notices and "'no-such-thing'" in notices


def test_a_stored_request_reads_back_the_same_and_drops_objects_made_restricted() -> None:
    kept = make_object(slug="kept")
    hidden = make_object(slug="hidden")
    ask = read_tour_ask(
        budget_minutes=60, liked=["kept", "hidden"], step_free="on", start_room="hall"
    )
    hidden.visibility = Visibility.RESTRICTED
    hidden.save()
    again = tour_ask_from_json(ask.as_json())
    assert again.liked_ids == (kept.pk,)
    assert again.step_free and again.start_room == "hall" and again.budget_minutes == 60


def test_too_many_interests_are_refused() -> None:
    with pytest.raises(TourRequestError, match="at most"):
        read_tour_ask(budget_minutes=30, interests=[f"theme:t{i}" for i in range(21)])

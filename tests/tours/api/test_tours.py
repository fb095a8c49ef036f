"""The tours API: plan, read and re-plan a tour; bad input is a 400 with a message."""

import uuid
from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.tours.views.collection import small_museum

pytestmark = pytest.mark.django_db


def _plan(client: APIClient, **body: Any) -> Any:
    return client.post("/api/tours/", {"budget_minutes": 20, **body}, format="json")


def test_a_planned_tour_has_stops_with_times_and_reasons() -> None:
    museum = small_museum()
    response = _plan(APIClient(), interests=["culture:Japan"])
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["stops"] and body["demo_map"] is True and body["provenance"]
    for stop in body["stops"]:
        assert stop["reason"] and stop["view_seconds"] > 0 and stop["status"] == "planned"
    assert sum(s["walk_seconds"] + s["view_seconds"] for s in body["stops"]) <= 20 * 60
    assert museum.hidden.slug not in {s["object"]["slug"] for s in body["stops"]}
    again = APIClient().get(f"/api/tours/{body['id']}/")
    assert again.status_code == 200 and again.json()["stops"] == body["stops"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"budget_minutes": 0}, "more than 0"),
        ({"budget_minutes": 721}, "at most 720"),
        ({"budget_minutes": "soon"}, "budget_minutes"),
        ({"pace": 9}, "pace"),
        ({"mode": "teleport"}, "mode"),
        ({"start_room": "store"}, "Old store"),
        ({"interests": "not a list"}, "interests"),
    ],
)
def test_bad_input_is_a_400_with_a_message(body: dict[str, Any], message: str) -> None:
    small_museum()
    response = _plan(APIClient(), **body)
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_a_body_that_is_not_an_object_is_a_400() -> None:
    response = APIClient().post("/api/tours/", [1, 2], format="json")
    assert response.status_code == 400 and "JSON object" in response.json()["detail"]


def test_unknown_interests_and_objects_are_reported_and_ignored() -> None:
    small_museum()
    response = _plan(
        APIClient(), interests=["culture:Atlantis", ""], liked=["nope", "a\x00b"], end_room="roof"
    )
    assert response.status_code == 201
    notices = " ".join(response.json()["notices"])
    assert "Atlantis" in notices and "nope" in notices and "'roof'" in notices


@pytest.mark.parametrize(
    "body",
    [{"step_free": 1}, {"liked": [0]}, {"budget_minutes": None}, {"start_room": 5}],
)
def test_values_of_the_wrong_json_type_are_refused(body: dict[str, Any]) -> None:
    small_museum()
    assert _plan(APIClient(), **body).status_code == 400


def test_nothing_reachable_gives_an_empty_tour_with_the_reason() -> None:
    small_museum()
    body = _plan(APIClient(), budget_minutes=1).json()
    assert body["stops"] == [] and "within 1 minute " in body["empty_reason"]


def test_replan_after_a_skip_leaves_the_stop_out() -> None:
    small_museum()
    client = APIClient()
    body = _plan(client).json()
    first = body["stops"][0]
    response = client.post(
        f"/api/tours/{body['id']}/replan/", {"action": "skip", "stop": first["id"]}, format="json"
    )
    assert response.status_code == 200
    stops = response.json()["stops"]
    planned = [s["object"]["slug"] for s in stops if s["status"] == "planned"]
    assert first["object"]["slug"] not in planned
    assert [s["status"] for s in stops if s["id"] == first["id"]] == ["skipped"]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"action": "dance"}, 400),
        ({"action": "skip"}, 400),
        ({"action": "skip", "stop": 999999}, 404),
    ],
)
def test_bad_replans_are_refused(body: dict[str, Any], status: int) -> None:
    small_museum()
    client = APIClient()
    tour = _plan(client).json()
    response = client.post(f"/api/tours/{tour['id']}/replan/", body, format="json")
    assert response.status_code == status
    assert response.json()["detail"]


def test_an_unknown_tour_is_a_404() -> None:
    response = APIClient().get(f"/api/tours/{uuid.uuid4()}/")
    assert response.status_code == 404


def test_the_tours_api_is_in_the_openapi_schema() -> None:
    schema = APIClient().get("/api/schema/", {"format": "json"}).json()
    assert "/api/tours/" in schema["paths"]
    assert "post" in schema["paths"]["/api/tours/{public_id}/replan/"]

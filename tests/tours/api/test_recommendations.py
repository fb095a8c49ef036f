"""GET /api/recommendations/: what a visitor's app or a kiosk is told to see next."""

import pytest
from django.test import Client
from django.utils import timezone

from exhibition.models import Visibility
from tests.tours.recommending.builders import (
    build_harbour,
    fresh_recommender,
    make_embedded,
    unit,
)
from tours.models import Interaction, VisitorProfile
from tours.visitors import SESSION_KEY

URL = "/api/recommendations/"


@pytest.fixture(autouse=True)
def _fresh_recommender(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh_recommender(monkeypatch)


@pytest.fixture
def harbour(db: None) -> dict[str, object]:
    return build_harbour()


def test_liked_objects_and_a_theme_give_reasoned_picks(client: Client, harbour) -> None:
    response = client.get(f"{URL}?liked={harbour['storm'].slug}&interest=theme:shipwrecks&limit=2")
    assert response.status_code == 200
    body = response.json()
    assert body["results"][0]["slug"] == harbour["wreck"].slug
    assert body["results"][0]["reason"] in {
        "because you liked Ship in a Storm",
        "matches 'shipwrecks'",
    }
    assert {"title", "page", "api", "score", "reason_kind"} <= set(body["results"][0])
    assert len(body["results"]) == 2
    assert body["unknown"] == {"liked": [], "interests": []}


def test_unknown_slugs_and_interests_are_reported_and_ignored(client: Client, harbour) -> None:
    hidden = make_embedded(unit(1, 0, 0, 0), slug="hidden-canoe", visibility=Visibility.RESTRICTED)
    response = client.get(
        f"{URL}?liked={harbour['storm'].slug}&liked=no-such-thing&liked={hidden.slug}"
        "&interest=culture:Atlantis&interest=shipwrecks"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["unknown"] == {
        "liked": ["no-such-thing", "hidden-canoe"],
        "interests": ["shipwrecks", "culture:Atlantis"],
    }
    assert body["results"]
    assert "hidden-canoe" not in [r["slug"] for r in body["results"]]


def test_a_visitor_with_no_taste_gets_popular_objects(client: Client, harbour) -> None:
    body = client.get(URL).json()
    assert len(body["results"]) == len(harbour)
    assert body["used_history"] is False


def test_the_sessions_own_likes_are_used_and_not_recommended_back(client: Client, harbour) -> None:
    profile = VisitorProfile.objects.create()
    Interaction.objects.create(
        profile=profile,
        collection_object=harbour["lady"],
        kind="like",
        source="object_page",
        created_at=timezone.now(),
    )
    session = client.session
    session[SESSION_KEY] = str(profile.token)
    session.save()
    body = client.get(f"{URL}?limit=1").json()
    assert body["used_history"] is True
    assert body["results"][0]["slug"] == harbour["merchant"].slug
    assert body["results"][0]["reason"] == "because you liked Portrait of a Lady"


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=51",
        "limit=ten",
        "limit=5&limit=6",
        "colour=blue",
        "liked=",
        "interest=" + "x" * 201,
        "&".join(f"liked=o{i}" for i in range(21)),
    ],
)
def test_bad_parameters_are_a_400_with_a_message(client: Client, query: str, db) -> None:
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_the_endpoint_is_in_the_openapi_schema(client: Client, db) -> None:
    schema = client.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/recommendations/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"liked", "interest", "limit"}

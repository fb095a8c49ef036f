"""POST /api/interactions/: a visitor's batch, kept per item; bad batches get a clear 400."""

import json
from typing import Any

import pytest
from django.test import Client

from config.throttling import AnonRateThrottle
from tests import builders
from tours.models import Interaction, VisitorProfile

pytestmark = pytest.mark.django_db

URL = "/api/interactions/"


def _post(client: Client, body: Any, **extra: Any) -> Any:
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data, content_type="application/json", **extra)


def test_a_batch_is_recorded_for_the_visitor_of_this_session(client: Client) -> None:
    painting, vase = builders.make_object(), builders.make_object()
    response = _post(
        client,
        {
            "interactions": [
                {
                    "object": painting.slug,
                    "kind": "view",
                    "source": "object_page",
                    "dwell_seconds": 75,
                },
                {"object": vase.slug, "kind": "like", "source": "search"},
            ]
        },
    )
    assert response.status_code == 200
    assert response.json() == {"recorded": 2, "rejected": []}
    _post(client, {"interactions": [{"object": vase.slug, "kind": "add_to_tour"}]})
    profile = VisitorProfile.objects.get()  # the session cookie made it the same visitor
    kinds = list(profile.interactions.order_by("pk").values_list("kind", "source", "dwell_seconds"))
    assert kinds == [
        ("view", "object_page", 75),
        ("like", "search", None),
        ("add_to_tour", "api", None),
    ]


def test_hidden_and_unknown_objects_are_reported_and_the_rest_kept(client: Client) -> None:
    shown = builders.make_object()
    restricted = builders.make_object(visibility="restricted")
    draft = builders.make_object(visibility="draft")
    response = _post(
        client,
        {
            "interactions": [
                {"object": restricted.slug, "kind": "like"},
                {"object": shown.slug, "kind": "like"},
                {"object": "no-such-thing", "kind": "like"},
                {"object": draft.slug, "kind": "view"},
            ]
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert body["recorded"] == 1
    assert [(r["index"], r["object"]) for r in body["rejected"]] == [
        (0, restricted.slug),
        (2, "no-such-thing"),
        (3, draft.slug),
    ]
    # A restricted object is refused in the very words of an unknown one: nothing leaks.
    assert len({r["reason"] for r in body["rejected"]}) == 1
    assert list(Interaction.objects.values_list("collection_object", flat=True)) == [shown.pk]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("[1, 2", "JSON parse error"),
        ([{"object": "a", "kind": "like"}], '{"interactions"'),
        ({"interactions": "all of them"}, '{"interactions"'),
        ({"interactions": []}, "1 to 100"),
        ({"interactions": [{"object": "a", "kind": "adore"}]}, "interaction 0: kind"),
        ({"interactions": [{"object": "a", "kind": "like", "source": "simulated"}]}, "source"),
        ({"interactions": [{"object": "a b", "kind": "like"}]}, "object"),
        ({"interactions": [{"object": "a" * 201, "kind": "like"}]}, "object"),
        ({"interactions": [{"kind": "like"}]}, "object"),
        (
            {"interactions": [{"object": "a", "kind": "view", "dwell_seconds": 14401}]},
            "dwell_seconds",
        ),
        ({"interactions": [{"object": "a", "kind": "view", "dwell_seconds": -3}]}, "dwell_seconds"),
        (
            {"interactions": [{"object": "a", "kind": "view", "dwell_seconds": 2.5}]},
            "dwell_seconds",
        ),
        (
            {"interactions": [{"object": "a", "kind": "view", "dwell_seconds": True}]},
            "dwell_seconds",
        ),
        (
            {"interactions": [{"object": "a", "kind": "view", "dwell_seconds": "12"}]},
            "dwell_seconds",
        ),
        ({"interactions": [{"object": 0, "kind": "like"}]}, "interaction 0: object"),
        ({"interactions": [{"object": "a", "kind": 1}]}, "interaction 0: kind"),
        ({"interactions": ["a"]}, "interaction 0: Invalid data"),
        ({"interactions": [None]}, "interaction 0: This field may not be null."),
        ({"interactions": [{"object": "a", "kind": "like"}, 7]}, "interaction 1: Invalid data"),
    ],
)
def test_a_malformed_batch_is_refused_whole_with_a_message(
    client: Client, body: Any, words: str
) -> None:
    builders.make_object(slug="a")
    response = _post(client, body)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert words in response.json()["detail"]
    assert not Interaction.objects.exists()
    assert not VisitorProfile.objects.exists()


def test_a_batch_over_the_limit_is_refused(client: Client) -> None:
    obj = builders.make_object()
    response = _post(client, {"interactions": [{"object": obj.slug, "kind": "view"}] * 101})
    assert response.status_code == 400
    assert "Send 1 to 100 interactions at once; this batch has 101." in response.json()["detail"]
    assert not Interaction.objects.exists()


def test_an_oversized_body_is_refused_before_it_is_read(client: Client) -> None:
    response = _post(client, {"interactions": [], "padding": "x" * 200_000})
    assert response.status_code == 413
    assert "smaller batches" in response.json()["detail"]


def test_only_json_is_taken(client: Client) -> None:
    response = client.post(URL, {"interactions": "x"})
    assert response.status_code == 415
    assert "detail" in response.json()


def test_reading_is_not_an_action_here(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 405
    assert "detail" in response.json()


def test_a_request_with_the_session_needs_its_csrf_token() -> None:
    obj = builders.make_object()
    client = Client(enforce_csrf_checks=True)
    body = {"interactions": [{"object": obj.slug, "kind": "like"}]}
    assert _post(client, body).status_code == 200  # no session yet: starts a new visitor
    refused = _post(client, body)  # the cookie now names that visitor
    assert refused.status_code == 403
    assert "X-CSRFToken" in refused.json()["detail"]
    token = client.get("/tours/state/").json()["csrf_token"]
    assert _post(client, body, HTTP_X_CSRFTOKEN=token).status_code == 200
    assert VisitorProfile.objects.get().interactions.count() == 2


def test_the_api_is_throttled_like_the_others(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    obj = builders.make_object()
    body = {"interactions": [{"object": obj.slug, "kind": "view"}]}
    assert [_post(client, body).status_code for _ in range(3)] == [200, 200, 429]
    assert "Too many requests" in _post(client, body).json()["detail"]


def test_the_schema_documents_the_endpoint_and_its_bounds(client: Client) -> None:
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"]["/api/interactions/"]["post"]
    assert {"200", "400", "403", "413", "415", "429"} <= set(operation["responses"])
    request = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    body = schema["components"]["schemas"][request.rsplit("/", 1)[1]]
    assert body["properties"]["interactions"]["maxItems"] == 100
    item = schema["components"]["schemas"][
        body["properties"]["interactions"]["items"]["$ref"].rsplit("/", 1)[1]
    ]
    assert item["properties"]["dwell_seconds"]["maximum"] == 14400
    assert item["properties"]["object"]["maxLength"] == 200

"""Anonymous throttling answers 429 with a JSON message and a Retry-After header."""

import pytest
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

pytestmark = pytest.mark.django_db


def test_too_many_requests_get_a_json_429(api: APIClient, monkeypatch: pytest.MonkeyPatch) -> None:
    # The rate is read from settings once, at import; lower it for this test only.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    statuses = [api.get("/api/objects/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = api.get("/api/agents/")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert "Too many requests" in response.json()["detail"]
    assert int(response["Retry-After"]) > 0


def test_other_addresses_are_not_throttled(api: APIClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1/minute"})
    assert api.get("/api/objects/", REMOTE_ADDR="10.0.0.1").status_code == 200
    assert api.get("/api/objects/", REMOTE_ADDR="10.0.0.1").status_code == 429
    assert api.get("/api/objects/", REMOTE_ADDR="10.0.0.2").status_code == 200

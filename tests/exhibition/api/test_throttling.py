"""Anonymous throttling answers 429 with a JSON message and a Retry-After header."""

import pytest
from rest_framework.test import APIClient

from config.throttling import AnonRateThrottle

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


def test_visiting_many_pages_does_not_reset_the_api_allowance(
    api: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without Redis the page cache holds 300 entries; 400 distinct pages once evicted
    # the throttle counters that shared it, handing every client a fresh allowance.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    assert [api.get("/api/objects/").status_code for _ in range(3)] == [200, 200, 429]
    for page in range(400):
        api.get(f"/licences/?visit={page}")
    assert api.get("/api/objects/").status_code == 429


def test_throttle_counters_live_apart_from_the_page_cache(
    api: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core.cache import cache

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1/minute"})
    assert api.get("/api/objects/").status_code == 200
    cache.clear()  # everything pages and search keep
    assert api.get("/api/objects/").status_code == 429

"""Per-connection and per-client sliding windows: the visitor told how long to wait."""

import time
from typing import Any

import pytest

from guide.rate_limits import ClientWindow, ConnectionWindow, client_address


def test_a_connection_may_ask_its_limit_in_a_minute_then_is_told_when_to_ask_again() -> None:
    window = ConnectionWindow(limit=3)
    for t in (0.0, 10.0, 20.0):
        assert window.retry_after(t) is None
        window.record(t)
    # The ask at 0 s leaves the window at 60 s.
    assert window.retry_after(30.0) == 30.0
    assert window.retry_after(59.5) == 1.0
    assert window.retry_after(60.0) is None


def test_a_connection_window_slides_rather_than_resetting_each_minute() -> None:
    window = ConnectionWindow(limit=2)
    for t in (50.0, 55.0):
        window.record(t)
    # A fixed window would start afresh at 60 s; the sliding one still holds both asks.
    assert window.retry_after(61.0) == 49.0
    assert window.retry_after(110.0) is None


def test_a_client_address_is_refused_after_its_limit_and_told_when_to_ask_again() -> None:
    start = float(int(time.time()))
    window = ClientWindow(client="203.0.113.7", limit=3)
    assert [window.hit(start + s) for s in (0, 1, 2)] == [None, None, None]
    assert window.hit(start + 3) == 57.0  # the first ask leaves at start + 60
    assert window.hit(start + 30) == 30.0


def test_a_refused_ask_is_not_counted_against_the_client() -> None:
    start = float(int(time.time()))
    window = ClientWindow(client="203.0.113.8", limit=2)
    window.hit(start)
    window.hit(start + 1)
    for s in range(2, 20):
        assert window.hit(start + s) is not None
    # Only the two allowed asks were counted: both have left the window at start + 61.
    assert window.hit(start + 61) is None
    assert window.hit(start + 61.5) is None
    assert window.hit(start + 62) is not None


def test_connections_from_one_address_share_its_allowance_through_the_cache() -> None:
    # Two consumers (in one process or in two, both counting in the throttle cache).
    start = float(int(time.time()))
    first = ClientWindow(client="198.51.100.1", limit=4)
    second = ClientWindow(client="198.51.100.1", limit=4)
    other_address = ClientWindow(client="198.51.100.2", limit=4)
    assert [first.hit(start), second.hit(start), first.hit(start + 1)] == [None] * 3
    assert second.hit(start + 1) is None
    assert first.hit(start + 2) is not None
    assert second.hit(start + 2) is not None
    assert other_address.hit(start + 2) is None


def _scope(client: Any, forwarded: bytes | None = None) -> dict[str, Any]:
    headers = [(b"x-forwarded-for", forwarded)] if forwarded else []
    return {"client": client, "headers": headers}


def test_the_client_is_the_peer_address_and_a_forged_forwarded_for_changes_nothing() -> None:
    assert client_address(_scope(["192.0.2.4", 51000])) == "192.0.2.4"
    assert client_address(_scope(["192.0.2.4", 51000], b"10.9.9.9")) == "192.0.2.4"
    assert client_address(_scope(None)) == "unknown"


def test_behind_a_trusted_proxy_the_client_is_the_address_it_forwarded(
    settings: Any,
) -> None:
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    scope = _scope(["10.0.0.2", 51000], b"10.9.9.9, 192.0.2.77")
    assert client_address(scope) == "192.0.2.77"  # the one the proxy itself saw
    assert client_address(_scope(["10.0.0.2", 51000])) == "10.0.0.2"


@pytest.mark.parametrize("limit", [0])
def test_a_limit_of_zero_refuses_every_ask(limit: int) -> None:
    assert ConnectionWindow(limit=limit).retry_after(0.0) == 60.0
    assert ClientWindow(client="192.0.2.9", limit=limit).hit() is not None

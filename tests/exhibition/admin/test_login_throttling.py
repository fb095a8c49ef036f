"""Curators' sign-in resists password guessing: failures are counted and sign-in pauses."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def _sign_in(client: Client, password: str, *, username: str = "curator", address: str = "") -> int:
    extra = {"REMOTE_ADDR": address} if address else {}
    response = client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra
    )
    return response.status_code


def test_five_wrong_passwords_pause_sign_in_even_with_the_right_one(
    client: Client, curator: User
) -> None:
    assert [_sign_in(client, "wrong") for _ in range(5)] == [200] * 5
    response = client.post(LOGIN, {"username": "curator", "password": "a-long-test-password"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_pause_is_per_address(client: Client, curator: User) -> None:
    for _ in range(5):
        _sign_in(client, "wrong", address="10.0.0.1")
    assert _sign_in(client, "a-long-test-password", address="10.0.0.1") == 429
    assert _sign_in(client, "a-long-test-password", address="10.0.0.2") == 302


def test_one_address_trying_many_user_names_is_paused(
    client: Client, curator: User, settings: object
) -> None:
    settings.VITRINE_LOGIN_MAX_FAILURES_PER_ADDRESS = 4  # type: ignore[attr-defined]
    for n in range(4):
        assert _sign_in(client, "guess", username=f"someone{n}") == 200
    assert _sign_in(client, "a-long-test-password") == 429


def test_a_successful_sign_in_clears_the_count(client: Client, curator: User) -> None:
    for _ in range(4):
        _sign_in(client, "wrong")
    assert _sign_in(client, "a-long-test-password") == 302
    client.logout()
    for _ in range(4):
        assert _sign_in(client, "wrong") == 200
    assert _sign_in(client, "a-long-test-password") == 302


def test_the_pause_ends_with_its_window(client: Client, curator: User) -> None:
    from config.throttling import throttle_cache

    for _ in range(5):
        _sign_in(client, "wrong")
    assert _sign_in(client, "a-long-test-password") == 429
    throttle_cache().clear()  # what the window's expiry does
    assert _sign_in(client, "a-long-test-password") == 302

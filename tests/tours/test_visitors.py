"""A visitor is found through a random token in their session, never through their address."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client, RequestFactory

from tours.models import VisitorProfile
from tours.visitors import SESSION_KEY, visitor_profile_find, visitor_profile_get_or_create

pytestmark = pytest.mark.django_db


def _request(session: SessionStore | None = None, address: str = "203.0.113.7") -> object:
    request = RequestFactory().get("/", REMOTE_ADDR=address)
    request.session = session if session is not None else SessionStore()
    return request


def test_a_first_visit_makes_a_profile_remembered_by_a_random_token_in_the_session() -> None:
    request = _request()
    profile = visitor_profile_get_or_create(request=request)
    assert request.session[SESSION_KEY] == str(profile.token)
    assert request.session.modified  # so SessionMiddleware saves it and sets the cookie
    assert visitor_profile_get_or_create(request=request) == profile
    assert VisitorProfile.objects.count() == 1


def test_the_same_session_from_another_address_is_the_same_visitor() -> None:
    session = SessionStore()
    first = visitor_profile_get_or_create(request=_request(session, "203.0.113.7"))
    session.save()
    again = visitor_profile_find(
        request=_request(SessionStore(session.session_key), "198.51.100.2")
    )
    assert again == first


def test_two_sessions_from_one_address_are_two_visitors() -> None:
    one = visitor_profile_get_or_create(request=_request(address="203.0.113.7"))
    two = visitor_profile_get_or_create(request=_request(address="203.0.113.7"))
    assert one != two


def test_finding_a_visitor_never_creates_one() -> None:
    request = _request()
    assert visitor_profile_find(request=request) is None
    assert not request.session.modified
    assert not VisitorProfile.objects.exists()


def test_a_purged_profile_is_replaced_by_a_fresh_one() -> None:
    request = _request()
    old = visitor_profile_get_or_create(request=request)
    old.delete()
    assert visitor_profile_find(request=request) is None
    new = visitor_profile_get_or_create(request=request)
    assert new.token != old.token
    assert request.session[SESSION_KEY] == str(new.token)


def test_a_garbled_session_value_starts_afresh() -> None:
    session = SessionStore()
    session[SESSION_KEY] = "not-a-uuid"
    assert visitor_profile_find(request=_request(session)) is None


def test_nothing_about_the_visitors_address_is_stored(client: Client) -> None:
    from tests import builders

    obj = builders.make_object()
    client.post(
        "/api/interactions/",
        {"interactions": [{"object": obj.slug, "kind": "like"}]},
        content_type="application/json",
        REMOTE_ADDR="203.0.113.77",
        HTTP_USER_AGENT="UniqueAgent/1.0",
    )
    profile = VisitorProfile.objects.get()
    stored = str(list(VisitorProfile.objects.values()))
    stored += str(list(profile.interactions.values()))
    stored += str([SessionStore(key).load() for key in [client.session.session_key]])
    assert "203.0.113.77" not in stored
    assert "UniqueAgent" not in stored

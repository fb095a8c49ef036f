"""The kiosk's hand-off link: signed, expiring, naming nothing but the tour."""

import pytest
from django.core import signing

from tours.handoff import HandoffError, handoff_token, qr_svg, tour_from_handoff
from tours.models import Tour, TourMode

pytestmark = pytest.mark.django_db


def _tour() -> Tour:
    return Tour.objects.create(mode=TourMode.ONLINE, budget_seconds=1800, request={})


def test_a_fresh_link_opens_its_tour() -> None:
    tour = _tour()
    assert tour_from_handoff(token=handoff_token(tour=tour)) == tour


def test_the_link_carries_only_the_tour_id() -> None:
    tour = _tour()
    token = handoff_token(tour=tour)
    assert token.split(":")[0] == tour.public_id.hex


def test_an_expired_link_says_so(settings: object) -> None:
    token = handoff_token(tour=_tour())
    settings.TOURS_HANDOFF_MAX_AGE_SECONDS = -1  # type: ignore[attr-defined]
    with pytest.raises(HandoffError, match="expired"):
        tour_from_handoff(token=token)


def test_a_tampered_link_is_refused() -> None:
    other = _tour()
    token = handoff_token(tour=_tour())
    forged = other.public_id.hex + token[len(other.public_id.hex) :]
    with pytest.raises(HandoffError, match="not valid"):
        tour_from_handoff(token=forged)
    with pytest.raises(HandoffError, match="not valid"):
        tour_from_handoff(token="garbage")


def test_a_link_signed_for_something_else_is_refused() -> None:
    tour = _tour()
    token = signing.TimestampSigner(salt="another.purpose").sign(tour.public_id.hex)
    with pytest.raises(HandoffError):
        tour_from_handoff(token=token)


def test_a_link_to_a_deleted_tour_says_so() -> None:
    tour = _tour()
    token = handoff_token(tour=tour)
    tour.delete()
    with pytest.raises(HandoffError, match="no longer exists"):
        tour_from_handoff(token=token)


def test_the_qr_code_is_named_svg_without_inline_style() -> None:
    svg = qr_svg(url="https://museum.example/tours/h/abc/")
    assert svg.startswith("<svg") and 'role="img"' in svg and "aria-label" in svg
    assert "style=" not in svg and "<script" not in svg

"""The kiosk's hand-off: a QR code and the link as text; the link opens the same tour."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.tours.views.collection import small_museum
from tests.tours.views.planning import plan_tour
from tours.handoff import handoff_token

pytestmark = pytest.mark.django_db


def test_the_take_away_page_shows_a_qr_code_and_the_link_as_text() -> None:
    small_museum()
    kiosk = Client()
    tour = plan_tour(kiosk)
    response = kiosk.get(reverse("tours:take-away", kwargs={"public_id": tour.public_id}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "QR code" in html
    assert "valid for 6 hours" in html
    link = re.search(r'<a href="(http://testserver/tours/h/[^"]+/)">', html)
    assert link is not None

    phone = Client()
    opened = phone.get(link.group(1), follow=True)
    assert opened.status_code == 200
    assert opened.redirect_chain[-1][0] == reverse(
        "tours:tour", kwargs={"public_id": tour.public_id}
    )
    assert "the tour from the kiosk" in opened.content.decode()


def test_an_expired_link_says_so_clearly(settings: object) -> None:
    small_museum()
    tour = plan_tour(Client())
    url = reverse("tours:handoff-open", kwargs={"token": handoff_token(tour=tour)})
    settings.TOURS_HANDOFF_MAX_AGE_SECONDS = -1  # type: ignore[attr-defined]
    response = Client().get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "This link has expired" in html
    assert reverse("tours:start") in html


def test_a_broken_link_says_so_clearly() -> None:
    response = Client().get(reverse("tours:handoff-open", kwargs={"token": "not-a-real-token"}))
    assert response.status_code == 400
    assert "not valid" in response.content.decode()

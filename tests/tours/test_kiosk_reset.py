"""Resetting a kiosk: the next visitor finds no session, tour or history of the last one."""

import pytest
from django.test import Client
from django.urls import reverse

from tests import builders
from tests.tours.views.collection import small_museum
from tours.models import Interaction, Tour, VisitorProfile
from tours.visitors import SESSION_KEY

pytestmark = pytest.mark.django_db


def _visit(kiosk: Client) -> Tour:
    """A visitor likes an object and plans a tour at the kiosk."""
    museum = small_museum()
    liked = museum.prints[0]
    added = kiosk.post(
        reverse("tours:add-to-tour", kwargs={"slug": liked.slug}), {"source": "kiosk"}
    )
    assert added.status_code == 303
    planned = kiosk.post(reverse("kiosk:tour-start"), {"mode": "online", "budget": "30"})
    assert planned.status_code == 302
    return Tour.objects.get()


def test_reset_forgets_the_session_tour_and_history() -> None:
    kiosk = Client()
    tour = _visit(kiosk)
    assert Interaction.objects.exists() and tour.profile is not None
    old_session = kiosk.session.session_key
    assert "Objects you added or liked" in kiosk.get(reverse("tours:start")).content.decode()

    response = kiosk.post(reverse("kiosk:reset"))

    assert response.status_code == 302 and response["Location"] == reverse("kiosk:attract")
    assert not VisitorProfile.objects.exists()
    assert not Interaction.objects.exists()
    tour.refresh_from_db()
    assert tour.profile is None  # no longer this kiosk's; a phone it was handed to keeps it
    assert kiosk.session.session_key != old_session
    assert SESSION_KEY not in kiosk.session
    # The planning form no longer offers what the last visitor liked.
    start = kiosk.get(reverse("tours:start")).content.decode()
    assert "Objects you added or liked" not in start


def test_reset_leaves_other_visitors_alone() -> None:
    kiosk = Client()
    _visit(kiosk)
    other = Client()
    obj = builders.make_object(title="Another")
    other.post(reverse("tours:add-to-tour", kwargs={"slug": obj.slug}))
    kiosk.post(reverse("kiosk:reset"))
    assert VisitorProfile.objects.count() == 1
    assert Interaction.objects.filter(collection_object=obj).exists()


def test_reset_needs_the_csrf_token() -> None:
    kiosk = Client(enforce_csrf_checks=True)
    assert kiosk.get(reverse("kiosk:browse")).status_code == 200  # sets the CSRF cookie
    assert kiosk.post(reverse("kiosk:reset")).status_code == 403
    token = kiosk.cookies["csrftoken"].value
    assert kiosk.post(reverse("kiosk:reset"), HTTP_X_CSRFTOKEN=token).status_code == 302


def test_reset_is_post_only() -> None:
    assert Client().get(reverse("kiosk:reset")).status_code == 405


def test_reset_without_a_visitor_is_harmless() -> None:
    response = Client().post(reverse("kiosk:reset"))
    assert response.status_code == 302

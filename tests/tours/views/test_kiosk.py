"""Kiosk pages (/kiosk/): they render, keep the visitor inside the kiosk, and serve the worker."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests import builders
from tests.tours.views.collection import small_museum
from tours.models import Tour

pytestmark = pytest.mark.django_db

HREF = re.compile(r'(?<![-\w])href="([^"]*)"')
ACTION = re.compile(r'(?<![-\w])action="([^"]*)"')


def _links(html: str) -> list[str]:
    return HREF.findall(html) + ACTION.findall(html)


def _assert_stays_in_kiosk(html: str) -> None:
    """Every link and form goes to a kiosk page (or the guide's own form), none elsewhere."""
    for target in _links(html):
        if target.startswith("#") or target.startswith("?"):
            continue
        assert target.startswith(("/kiosk/", "/static/", "/guide/ask/")), target
    assert "/admin/" not in html
    assert "login" not in html.lower()


def test_the_attract_screen_shows_featured_objects_and_a_way_in() -> None:
    obj = builders.make_object(title="The Hay Wain", featured=True)
    builders.add_image(obj)
    response = Client().get(reverse("kiosk:attract"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Touch to start" in html and "The Hay Wain" in html
    assert f'href="/kiosk/objects/{obj.slug}/"' in html
    _assert_stays_in_kiosk(html)
    assert 'data-kiosk-idle-seconds="120"' in html
    assert 'data-kiosk-warning-seconds="30"' in html


def test_browsing_lists_public_objects_in_kiosk_chrome_only() -> None:
    museum = small_museum()
    for obj in museum.public:
        builders.add_image(obj)
    builders.add_image(museum.hidden)
    response = Client().get(reverse("kiosk:browse"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Wave print 1" in html and museum.hidden.title not in html
    assert "site-header" not in html and "site-footer" not in html
    _assert_stays_in_kiosk(html)


def test_an_object_view_has_its_picture_facts_and_no_link_out() -> None:
    obj = builders.make_object(
        title="The Hay Wain",
        creator=builders.make_agent("John Constable"),
        date_display="1821",
        description="A rural scene on the River Stour.",
    )
    builders.add_image(obj, width=320, height=240)
    response = Client().get(reverse("kiosk:object", kwargs={"slug": obj.slug}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "The Hay Wain" in html and "John Constable, 1821" in html
    assert "A rural scene on the River Stour." in html
    assert 'class="deep-zoom"' in html and "/iiif/" in html
    assert 'data-guide-object="' + obj.slug + '"' in html  # the guide panel
    assert "Open the full image" not in html  # the raw file would leave the kiosk
    _assert_stays_in_kiosk(html)


def test_a_restricted_object_is_not_found_in_the_kiosk() -> None:
    museum = small_museum()
    response = Client().get(reverse("kiosk:object", kwargs={"slug": museum.hidden.slug}))
    assert response.status_code == 404


def test_planning_a_tour_shows_it_with_the_hand_off_qr_code() -> None:
    small_museum()
    kiosk = Client()
    start = kiosk.get(reverse("kiosk:tour-start"))
    assert start.status_code == 200
    _assert_stays_in_kiosk(start.content.decode())
    planned = kiosk.post(reverse("kiosk:tour-start"), {"mode": "building", "budget": "60"})
    assert planned.status_code == 302
    tour = Tour.objects.get()
    assert planned["Location"] == reverse("kiosk:tour", kwargs={"public_id": tour.public_id})
    html = kiosk.get(planned["Location"]).content.decode()
    assert "<svg" in html and "QR code that opens this tour" in html
    assert "/kiosk/objects/" in html
    _assert_stays_in_kiosk(html)


def test_a_bad_plan_is_refused_in_words() -> None:
    small_museum()
    response = Client().post(reverse("kiosk:tour-start"), {"mode": "sideways", "budget": "60"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_the_warning_gives_at_least_twenty_seconds(settings: object) -> None:
    settings.KIOSK_WARNING_SECONDS = 5  # type: ignore[attr-defined]
    html = Client().get(reverse("kiosk:attract")).content.decode()
    assert 'data-kiosk-warning-seconds="20"' in html


def test_the_service_worker_is_served_for_the_kiosk_and_never_cached() -> None:
    response = Client().get(reverse("kiosk:service-worker"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert b'addEventListener("fetch"' in response.content


def test_kiosk_pages_are_never_stored_by_http_caches() -> None:
    response = Client().get(reverse("kiosk:browse"))
    assert "no-store" in response["Cache-Control"]

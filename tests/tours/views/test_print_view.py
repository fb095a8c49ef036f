"""The print view: every stop with its reason, the map and the route in words."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.tours.views.collection import small_museum
from tests.tours.views.planning import plan_tour

pytestmark = pytest.mark.django_db


def test_the_print_view_lists_every_stop_with_its_reason_and_the_route() -> None:
    small_museum()
    client = Client()
    tour = plan_tour(client)
    response = client.get(reverse("tours:print", kwargs={"public_id": tour.public_id}))
    assert response.status_code == 200
    html = response.content.decode()
    for stop in tour.stops.select_related("collection_object"):
        assert stop.collection_object.title in html
        assert stop.reason in html
    assert "<svg" in html and "The route in words" in html
    assert "css/tours.css" in html
    assert "demo data" in html
    assert "Seen it" not in html  # nothing to press on paper

"""Curators edit a draft beside its picture; the review page previews it."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from descriptions.services import description_draft
from tests import builders

pytestmark = pytest.mark.django_db


def test_curator_edits_beside_the_picture_and_the_edit_is_theirs(
    client: Client, curator: User
) -> None:
    obj = builders.make_object(title="Harbour")
    builders.add_image(obj)
    description = description_draft(collection_object=obj)
    client.force_login(curator)
    url = reverse("admin:descriptions_description_change", args=[description.pk])
    page = client.get(url).content.decode()
    assert obj.images.first().original.url in page  # type: ignore[union-attr]
    assert "Passes every mechanical rule" in page
    response = client.post(
        url,
        {
            "alt_text": "Painting: Harbour at dusk",
            "short_text": description.short_text,
            "long_text": description.long_text,
        },
    )
    assert response.status_code == 302
    description.refresh_from_db()
    assert description.alt_text == "Painting: Harbour at dusk"
    assert description.edited_by == curator


def test_review_page_previews_the_description(client: Client, curator: User) -> None:
    obj = builders.make_object(title="Harbour")
    builders.add_image(obj)
    description = description_draft(collection_object=obj)
    client.force_login(curator)
    url = reverse("admin:exhibition_machineoutput_change", args=[description.machine_output_id])
    page = client.get(url).content.decode()
    assert "Each sentence and its sources" in page
    assert "image:concept:boathouse" in page

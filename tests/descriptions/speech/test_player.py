"""The "Listen" panel on the object page and the player on a tour's next stop."""

import pytest
from django.test import Client
from django.urls import reverse

from exhibition.models import ReviewStatus
from tests import builders

pytestmark = pytest.mark.django_db


def _page(client: Client, slug: str) -> str:
    response = client.get(reverse("exhibition:object-detail", kwargs={"slug": slug}))
    assert response.status_code == 200
    return response.content.decode()


def test_a_draft_is_offered_to_listen_to_labelled_with_captions_and_transcript(
    client: Client,
) -> None:
    obj = builders.make_object()
    builders.add_description(obj)
    html = _page(client, obj.slug)
    assert "Listen to a description" in html
    assert "Machine-drafted description, awaiting review." in html
    assert f'src="/descriptions/objects/{obj.slug}/speech.ogg?lang=en"' in html
    assert 'kind="captions"' in html and f"/descriptions/objects/{obj.slug}/captions.vtt" in html
    assert "In the foreground two fishing boats rest on the water." in html
    assert "Space or K plays and pauses" in html
    assert "/media/speech/" not in html  # never the stored file's own path


def test_an_approved_description_is_not_labelled_a_draft(client: Client) -> None:
    obj = builders.make_object()
    builders.add_description(obj, status=ReviewStatus.APPROVED, reviewer=builders.make_curator())
    html = _page(client, obj.slug)
    assert "Listen to a description" in html
    assert "awaiting review" not in html


def test_an_object_without_a_description_has_no_player(client: Client) -> None:
    obj = builders.make_object()
    assert "Listen to a description" not in _page(client, obj.slug)


def test_a_description_in_a_language_without_a_voice_says_so(client: Client) -> None:
    obj = builders.make_object()
    builders.add_description(obj, language="xx")
    assert "read in the default voice" in _page(client, obj.slug)

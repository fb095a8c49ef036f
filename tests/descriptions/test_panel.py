"""The object page: the approved description, or a draft labelled as one; alt text."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from descriptions.services import description_draft
from exhibition.services.review import machine_output_approve
from tests import builders

pytestmark = pytest.mark.django_db


def test_a_draft_is_shown_labelled_as_awaiting_review(client: Client) -> None:
    obj = builders.make_object(title="Harbour")
    image = builders.add_image(obj)
    description = description_draft(collection_object=obj)
    page = client.get(obj.get_absolute_url()).content.decode()
    assert "Machine-drafted description, awaiting review." in page
    assert description.short_text in page
    # A draft never becomes the alt text: the record's own stays.
    assert f'alt="{image.alt_text}"' in page


def test_an_approved_description_is_shown_and_gives_the_alt_text(
    client: Client, curator: User
) -> None:
    obj = builders.make_object(title="Harbour")
    builders.add_image(obj)
    description = description_draft(collection_object=obj)
    machine_output_approve(output=description.machine_output, reviewer=curator)
    page = client.get(obj.get_absolute_url()).content.decode()
    assert "awaiting review" not in page
    assert description.short_text in page
    assert f'alt="{description.alt_text}"' in page


def test_an_object_without_a_description_has_no_panel(client: Client) -> None:
    obj = builders.make_object()
    builders.add_image(obj)
    page = client.get(obj.get_absolute_url()).content.decode()
    assert "What it looks like" not in page

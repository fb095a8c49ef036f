"""Media files in the embedded default: served with the right types, hidden when not public."""

import pytest
from django.test import Client

from exhibition.models import ReviewStatus, Visibility
from tests import builders

pytestmark = pytest.mark.django_db


def test_glb_is_served_as_gltf_binary_with_caching(client: Client) -> None:
    model = builders.add_model(builders.make_object())
    response = client.get(model.glb.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "model/gltf-binary"
    assert "max-age=" in response["Cache-Control"]
    assert b"".join(response.streaming_content)[:4] == b"glTF"


def test_restricted_object_media_is_not_found(client: Client) -> None:
    image = builders.add_image(builders.make_object(visibility=Visibility.RESTRICTED))
    assert client.get(image.original.url).status_code == 404


def test_staff_can_see_draft_object_media(client: Client, curator: object) -> None:
    image = builders.add_image(builders.make_object(visibility=Visibility.DRAFT))
    client.force_login(curator)  # type: ignore[arg-type]
    assert client.get(image.original.url).status_code == 200


def test_unapproved_restoration_files_are_not_public(client: Client, curator: object) -> None:
    image = builders.add_image(builders.make_object())
    draft = builders.add_restoration(image)
    approved = builders.add_restoration(image, status=ReviewStatus.APPROVED, reviewer=curator)  # type: ignore[arg-type]
    assert client.get(draft.result.url).status_code == 404
    assert client.get(approved.result.url).status_code == 200


def test_paths_outside_media_root_are_refused(client: Client) -> None:
    assert client.get("/media/../config/settings.py").status_code == 404
    assert client.get("/media/%2e%2e/manage.py").status_code == 404

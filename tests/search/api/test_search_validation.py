"""Bad input to the search API: a clear 4xx with a message, never a 500."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from tests.builders import png_bytes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("q", ["", "   ", "\t\n"])
def test_empty_query_is_400_with_a_message(client: Client, q: str) -> None:
    response = client.get("/api/search/", {"q": q})
    assert response.status_code == 400
    assert "Type some words" in response.json()["detail"]


def test_missing_query_is_400(client: Client) -> None:
    assert client.get("/api/search/").status_code == 400


def test_query_over_500_characters_is_400(client: Client) -> None:
    response = client.get("/api/search/", {"q": "ship " * 101})
    assert response.status_code == 400
    assert "500 characters" in response.json()["detail"]


def test_unknown_parameter_is_400_naming_it(client: Client) -> None:
    response = client.get("/api/search/", {"q": "ship", "colour": "blue"})
    assert response.status_code == 400
    assert "colour" in response.json()["detail"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date_from": "soon"}, "date_from"),
        ({"page": ["1", "2"]}, "only once"),
        ({"has_3d": ""}, "empty"),
        ({"page": "0"}, "page"),
        ({"page_size": "1000"}, "page_size"),
        ({"has_3d": "maybe"}, "has_3d"),
    ],
)
def test_bad_filter_values_are_400(client: Client, params: dict[str, str], message: str) -> None:
    response = client.get("/api/search/", {"q": "ship", **params})
    assert response.status_code == 400
    assert message in response.json()["detail"]


def _post(client: Client, data: bytes, name: str = "photo.png") -> object:
    return client.post(
        "/api/search/by-image/", {"image": SimpleUploadedFile(name, data)}, format="multipart"
    )


def test_photo_that_is_not_an_image_is_415(client: Client) -> None:
    response = _post(client, b"%PDF-1.4 not a photo", name="photo.jpg")
    assert response.status_code == 415  # type: ignore[attr-defined]
    assert "JPEG, PNG or WebP" in response.json()["detail"]  # type: ignore[attr-defined]


def test_gif_is_415_even_when_named_png(client: Client) -> None:
    gif = io.BytesIO()
    Image.new("RGB", (8, 8)).save(gif, format="GIF")
    assert _post(client, gif.getvalue()).status_code == 415  # type: ignore[attr-defined]


def test_damaged_photo_is_400(client: Client) -> None:
    response = _post(client, png_bytes(300, 300)[:80])
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "damaged" in response.json()["detail"]  # type: ignore[attr-defined]


def test_photo_over_the_size_limit_is_413(client: Client, settings: object) -> None:
    settings.VITRINE_MAX_UPLOAD_BYTES = 1000  # type: ignore[attr-defined]
    response = _post(client, png_bytes(400, 400, (1, 2, 3)) + b"\0" * 2000)
    assert response.status_code == 413  # type: ignore[attr-defined]


def test_photo_over_the_pixel_limit_is_413(client: Client, settings: object) -> None:
    settings.VITRINE_MAX_IMAGE_PIXELS = 100  # type: ignore[attr-defined]
    response = _post(client, png_bytes(20, 20))
    assert response.status_code == 413  # type: ignore[attr-defined]
    assert "megapixels" in response.json()["detail"]  # type: ignore[attr-defined]


def test_missing_photo_field_is_400(client: Client) -> None:
    response = client.post("/api/search/by-image/", {"picture": "x"})
    assert response.status_code == 400
    assert "'image'" in response.json()["detail"]


def test_get_on_the_photo_endpoint_is_405(client: Client) -> None:
    assert client.get("/api/search/by-image/").status_code == 405

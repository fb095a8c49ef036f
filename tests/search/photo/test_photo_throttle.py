"""Search by photo is throttled on the page form as on the API, with one shared count."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

pytestmark = pytest.mark.django_db


def _not_a_photo() -> SimpleUploadedFile:
    # Refused (415) without decoding: the throttle counts it all the same.
    return SimpleUploadedFile("photo.jpg", b"GIF89a not really")


def test_the_page_form_answers_429_with_a_clear_page(client: Client, settings: object) -> None:
    settings.SEARCH_PHOTO_RATE = "2/minute"  # type: ignore[attr-defined]
    for _ in range(2):
        assert client.post("/search/photo/", {"image": _not_a_photo()}).status_code == 415
    response = client.post("/search/photo/", {"image": _not_a_photo()})
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    html = response.content.decode()
    assert "You have searched with a photo many times in a short while" in html
    assert "<form" in html  # still the search page, with its forms


def test_the_page_form_and_the_api_share_one_count(client: Client, settings: object) -> None:
    settings.SEARCH_PHOTO_RATE = "2/minute"  # type: ignore[attr-defined]
    client.post("/search/photo/", {"image": _not_a_photo()})
    client.post("/api/search/by-image/", {"image": _not_a_photo()})
    for url in ("/api/search/by-image/", "/search/photo/"):
        response = client.post(url, {"image": _not_a_photo()})
        assert response.status_code == 429
    assert "searched with a photo many times" in response.content.decode()
    api = client.post("/api/search/by-image/", {"image": _not_a_photo()})
    assert "searched with a photo many times" in api.json()["detail"]


def test_a_signed_in_curator_is_counted_too(
    client: Client, curator: object, settings: object
) -> None:
    settings.SEARCH_PHOTO_RATE = "1/minute"  # type: ignore[attr-defined]
    client.force_login(curator)  # type: ignore[arg-type]
    client.post("/search/photo/", {"image": _not_a_photo()})
    assert client.post("/search/photo/", {"image": _not_a_photo()}).status_code == 429


def test_words_are_not_limited_by_the_photo_rate(client: Client, settings: object) -> None:
    settings.SEARCH_PHOTO_RATE = "1/minute"  # type: ignore[attr-defined]
    client.post("/search/photo/", {"image": _not_a_photo()})
    assert client.get("/search/", {"q": ""}).status_code == 200

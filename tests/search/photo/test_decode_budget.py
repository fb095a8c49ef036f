"""Photos are decoded within a per-process memory budget; a visitor who cannot be served
soon is told so (503 with Retry-After), not queued without end."""

import threading
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from search import decode_budget
from search.uploads import PhotoSearchBusy, open_upload
from tests.search.photo.images import encoded

MIB = 1024 * 1024


@pytest.fixture
def small_budget(settings: object) -> None:
    settings.SEARCH_PHOTO_DECODE_BUDGET_MB = 40  # type: ignore[attr-defined]
    settings.SEARCH_PHOTO_DECODE_WAIT_SECONDS = 0  # type: ignore[attr-defined]
    settings.SEARCH_PHOTO_DECODE_MAX_WAITING = 4  # type: ignore[attr-defined]


def _photo() -> bytes:
    return encoded(Image.new("RGB", (2000, 1500), (90, 90, 200)), "PNG")  # ~27 MiB to read


def test_a_photo_waits_for_room_and_is_refused_when_none_comes(small_budget: None) -> None:
    with decode_budget.reserve(30 * MIB), pytest.raises(PhotoSearchBusy) as refused:
        open_upload(_photo())
    assert refused.value.status_code == 503
    assert refused.value.retry_after == 1
    assert decode_budget.bytes_in_use() == 0
    assert open_upload(_photo()).size == (1024, 768)  # room again


def test_a_waiting_photo_is_read_once_room_is_freed(small_budget: None, settings: object) -> None:
    settings.SEARCH_PHOTO_DECODE_WAIT_SECONDS = 5  # type: ignore[attr-defined]
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with decode_budget.reserve(30 * MIB):
            held.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    threading.Timer(0.3, release.set).start()
    started = time.monotonic()
    assert open_upload(_photo()).size == (1024, 768)
    assert time.monotonic() - started >= 0.25
    holder.join()


def test_the_queue_of_waiting_photos_is_bounded(small_budget: None, settings: object) -> None:
    settings.SEARCH_PHOTO_DECODE_WAIT_SECONDS = 5  # type: ignore[attr-defined]
    settings.SEARCH_PHOTO_DECODE_MAX_WAITING = 0  # type: ignore[attr-defined]
    started = time.monotonic()
    with decode_budget.reserve(30 * MIB), pytest.raises(PhotoSearchBusy):
        open_upload(_photo())
    assert time.monotonic() - started < 1  # refused at once, not after the wait


@pytest.mark.django_db
def test_a_busy_page_form_answers_503_with_a_clear_message(
    small_budget: None, client: Client
) -> None:
    with decode_budget.reserve(30 * MIB):
        upload = SimpleUploadedFile("photo.png", _photo(), content_type="image/png")
        response = client.post("/search/photo/", {"image": upload})
    assert response.status_code == 503
    assert response["Retry-After"] == "1"
    assert "Search by photo is busy right now" in response.content.decode()


@pytest.mark.django_db
def test_a_busy_api_answers_503_in_json(small_budget: None, client: Client) -> None:
    with decode_budget.reserve(30 * MIB):
        upload = SimpleUploadedFile("photo.png", _photo(), content_type="image/png")
        response = client.post("/api/search/by-image/", {"image": upload})
    assert response.status_code == 503
    assert response["Retry-After"] == "1"
    assert "busy" in response.json()["detail"]

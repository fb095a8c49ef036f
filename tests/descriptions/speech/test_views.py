"""The audio and captions of a public object's description, over HTTP."""

import pytest
from django.test import Client
from django.urls import reverse

from exhibition.models import ReviewStatus
from tests import builders

pytestmark = pytest.mark.django_db


def _ogg_url(slug: str) -> str:
    return reverse("descriptions:speech-ogg", kwargs={"slug": slug})


def _body(response: object) -> bytes:
    return b"".join(response.streaming_content)  # type: ignore[attr-defined]


@pytest.fixture
def described() -> str:
    obj = builders.make_object()
    builders.add_description(obj)
    return obj.slug


def test_the_whole_file_is_served_with_ranges_offered_and_caching_headers(
    client: Client, described: str
) -> None:
    response = client.get(_ogg_url(described))
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/ogg"
    assert response["Accept-Ranges"] == "bytes"
    assert response["Cache-Control"].startswith("public, max-age=")
    body = _body(response)
    assert body[:4] == b"OggS" and int(response["Content-Length"]) == len(body)
    assert response["ETag"].startswith('"') and response["ETag"].endswith('-ogg"')


def test_a_range_gets_206_with_just_those_bytes(client: Client, described: str) -> None:
    whole = _body(client.get(_ogg_url(described)))
    size = len(whole)
    response = client.get(_ogg_url(described), HTTP_RANGE="bytes=100-199")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 100-199/{size}"
    assert _body(response) == whole[100:200]
    open_ended = client.get(_ogg_url(described), HTTP_RANGE="bytes=50-")
    assert _body(open_ended) == whole[50:]
    suffix = client.get(_ogg_url(described), HTTP_RANGE="bytes=-10")
    assert suffix["Content-Range"] == f"bytes {size - 10}-{size - 1}/{size}"
    assert _body(suffix) == whole[-10:]


def test_a_range_past_the_end_is_416(client: Client, described: str) -> None:
    size = len(_body(client.get(_ogg_url(described))))
    response = client.get(_ogg_url(described), HTTP_RANGE=f"bytes={size}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{size}"


def test_a_malformed_or_multiple_range_gets_the_whole_file(client: Client, described: str) -> None:
    for header in ("bytes=abc", "pages=1-2", "bytes=0-1,5-6", "bytes=9-3"):
        response = client.get(_ogg_url(described), HTTP_RANGE=header)
        assert response.status_code == 200, header


def test_an_unchanged_file_is_not_sent_again(client: Client, described: str) -> None:
    etag = client.get(_ogg_url(described))["ETag"]
    assert client.get(_ogg_url(described), HTTP_IF_NONE_MATCH=etag).status_code == 304
    stale = client.get(_ogg_url(described), HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"old"')
    assert stale.status_code == 200


def test_mp3_is_served_for_browsers_without_opus(client: Client, described: str) -> None:
    url = reverse("descriptions:speech-mp3", kwargs={"slug": described})
    response = client.get(url, HTTP_RANGE="bytes=0-1")
    assert response.status_code == 206 and response["Content-Type"] == "audio/mpeg"


def test_captions_are_webvtt_starting_with_the_draft_notice(client: Client, described: str) -> None:
    response = client.get(reverse("descriptions:speech-captions", kwargs={"slug": described}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vtt")
    text = response.content.decode()
    assert text.startswith("WEBVTT\n\n1\n00:00:00.000 --> ")
    assert text.index("Machine-drafted description, awaiting review.") < text.index("harbour")


@pytest.mark.parametrize("visibility", ["restricted", "draft"])
def test_a_restricted_or_draft_object_has_no_audio(client: Client, visibility: str) -> None:
    obj = builders.make_object(visibility=visibility)
    builders.add_description(obj, status=ReviewStatus.APPROVED, reviewer=builders.make_curator())
    for name in ("speech-ogg", "speech-mp3", "speech-captions"):
        assert (
            client.get(reverse(f"descriptions:{name}", kwargs={"slug": obj.slug})).status_code
            == 404
        )


def test_the_stored_file_is_not_readable_by_its_media_path(client: Client, described: str) -> None:
    from descriptions.models import SpeechAudio

    client.get(_ogg_url(described))
    stored = SpeechAudio.objects.get()
    assert client.get(f"/media/{stored.ogg.name}").status_code == 404


def test_an_object_without_a_description_has_no_audio(client: Client) -> None:
    obj = builders.make_object()
    assert client.get(_ogg_url(obj.slug)).status_code == 404


def test_posting_is_refused(client: Client, described: str) -> None:
    assert client.post(_ogg_url(described)).status_code == 405

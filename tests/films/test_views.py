"""The film on the exhibition page and at its addresses: shown and served only while the
exhibition is public and the film is current."""

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from exhibition.models import Exhibition, Visibility
from films.models import ExhibitionFilm, FilmStatus
from films.services import film_build
from films.storyboard import film_storyboard, film_version_key
from tests.films.filming import DRAFT, HARBOUR, VASE, tiny_exhibition

pytestmark = pytest.mark.django_db


def _url(name: str, exhibition: Exhibition, language: str = "en") -> str:
    return reverse(f"films:{name}", kwargs={"slug": exhibition.slug, "language": language})


def _body(response: object) -> bytes:
    return b"".join(response.streaming_content)  # type: ignore[attr-defined]


def _ready_film(exhibition: Exhibition, language: str = "en") -> ExhibitionFilm:
    """A film row as a finished build leaves it, for the current content (small files)."""
    key = film_version_key(film_storyboard(exhibition=exhibition, language=language))
    film = ExhibitionFilm(
        exhibition=exhibition,
        language=language,
        status=FilmStatus.READY,
        version_key=key,
        duration_seconds=75,
        size_bytes=2_000,
        object_count=2,
        narrated_count=2,
    )
    film.video.save(f"t/{language}.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 2_000))
    film.captions.save(f"t/{language}.vtt", ContentFile(b"WEBVTT\n"))
    film.poster.save(f"t/{language}.jpg", ContentFile(b"\xff\xd8\xff"))
    return film


@pytest.mark.django_db(transaction=True)  # each write commits: the page cache moves on
def test_a_built_film_is_on_the_exhibition_page_and_served_with_ranges(client: Client) -> None:
    tiny = tiny_exhibition()
    page = client.get(tiny.exhibition.get_absolute_url())
    assert b"<video" not in page.content  # nothing to show before a film is ready

    film = film_build(exhibition=tiny.exhibition, language="en").film
    assert film is not None and film.status == FilmStatus.READY
    page = client.get(tiny.exhibition.get_absolute_url()).content.decode()
    assert '<video class="story-film__video" controls preload="none"' in page
    assert f'poster="{_url("film-poster", tiny.exhibition)}"' in page
    # Named by its heading for screen readers (a video has no name of its own).
    assert 'aria-labelledby="story-film-heading" aria-describedby="story-film-about"' in page
    assert (
        f'<track kind="captions" src="{_url("film-captions", tiny.exhibition)}" srclang="en"'
        in page
    )
    assert 'label="English" default>' in page
    assert f'<a class="button" href="{_url("film-video", tiny.exhibition)}" download>' in page
    assert "synthetic speech (eSpeak NG)" in page
    assert "approved by the museum" in page

    video = client.get(_url("film-video", tiny.exhibition))
    assert video.status_code == 200 and video["Content-Type"] == "video/mp4"
    assert video["Accept-Ranges"] == "bytes"
    whole = _body(video)
    assert whole == Path(film.video.path).read_bytes()
    part = client.get(_url("film-video", tiny.exhibition), HTTP_RANGE="bytes=0-99")
    assert part.status_code == 206 and _body(part) == whole[:100]
    captions = client.get(_url("film-captions", tiny.exhibition))
    assert captions["Content-Type"].startswith("text/vtt")
    assert b"A calm harbour at dusk" in _body(captions)
    assert client.get(_url("film-poster", tiny.exhibition))["Content-Type"] == "image/jpeg"
    # The raw media address is not a way round: no record a visitor may see owns the file.
    assert client.get(f"/media/{film.video.name}").status_code == 404


def test_an_unpublished_exhibitions_film_is_not_served_nor_shown(client: Client) -> None:
    tiny = tiny_exhibition()
    _ready_film(tiny.exhibition)
    assert client.get(_url("film-video", tiny.exhibition)).status_code == 200
    Exhibition.objects.filter(pk=tiny.exhibition.pk).update(visibility=Visibility.DRAFT)
    for name in ("film-video", "film-captions", "film-poster"):
        assert client.get(_url(name, tiny.exhibition)).status_code == 404


@pytest.mark.django_db(transaction=True)  # each write commits: the page cache moves on
def test_a_film_made_before_an_object_was_restricted_is_stale(client: Client) -> None:
    tiny = tiny_exhibition()
    _ready_film(tiny.exhibition)
    assert b"<video" in client.get(tiny.exhibition.get_absolute_url()).content
    tiny.vase.visibility = Visibility.RESTRICTED
    tiny.vase.save()
    assert client.get(_url("film-video", tiny.exhibition)).status_code == 404
    assert b"<video" not in client.get(tiny.exhibition.get_absolute_url()).content


def test_a_film_being_built_or_failed_is_absent(client: Client) -> None:
    tiny = tiny_exhibition()
    film = _ready_film(tiny.exhibition)
    for status in (FilmStatus.BUILDING, FilmStatus.FAILED):
        ExhibitionFilm.objects.filter(pk=film.pk).update(status=status)
        assert client.get(_url("film-video", tiny.exhibition)).status_code == 404
        assert b"<video" not in client.get(tiny.exhibition.get_absolute_url()).content


def test_a_language_without_a_film_or_a_voice_is_404(client: Client) -> None:
    tiny = tiny_exhibition()
    _ready_film(tiny.exhibition)
    assert client.get(_url("film-video", tiny.exhibition, "fr")).status_code == 404
    assert client.get(_url("film-video", tiny.exhibition, "xx")).status_code == 404
    # The French page has no English film on it.
    french = client.get(f"/fr{tiny.exhibition.get_absolute_url()}")
    assert french.status_code == 200 and b"<video" not in french.content


def test_a_films_files_say_the_films_language_whatever_the_address(client: Client) -> None:
    tiny = tiny_exhibition()
    _ready_film(tiny.exhibition, "fr")
    # /films/ has no language prefix: the site's default language must not label them.
    for name in ("film-video", "film-captions", "film-poster"):
        response = client.get(_url(name, tiny.exhibition, "fr"))
        assert response.status_code == 200
        assert response["Content-Language"] == "fr"


def test_the_films_transcript_holds_its_approved_words_only(client: Client) -> None:
    tiny = tiny_exhibition(approve_vase=False)
    _ready_film(tiny.exhibition)

    page = client.get(tiny.exhibition.get_absolute_url()).content.decode()
    transcript = page[page.index('<details class="story-film__transcript">') :]
    transcript = transcript[: transcript.index("</details>")]

    assert "<summary>Transcript</summary>" in transcript
    assert "Sea and Porcelain." in transcript and "synthetic speech (eSpeak NG)" in transcript
    assert "<h3>Harbour at Dusk</h3>" in transcript and HARBOUR in transcript
    # The vase is shown in silence: its title, and never its draft.
    assert "<h3>Dragon Vase</h3>" in transcript
    assert DRAFT not in transcript and VASE not in transcript


def test_curators_see_the_film_in_the_admin(client: Client, curator: User) -> None:
    tiny = tiny_exhibition()
    film = _ready_film(tiny.exhibition)
    client.force_login(curator)
    page = client.get(reverse("admin:films_exhibitionfilm_change", args=[film.pk]))
    assert page.status_code == 200
    assert f'src="{film.video.url}"'.encode() in page.content

"""Curators ask for films from the exhibitions' list or the command line; a failure is
reported to them, never an error page."""

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from films.models import ExhibitionFilm, FilmStatus
from tests.films.filming import tiny_exhibition

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)  # the build starts once the action commits
def test_the_exhibition_admin_action_builds_and_reports_a_failure(
    client: Client, curator: User, settings: object
) -> None:
    tiny = tiny_exhibition()
    settings.FILMS_FFMPEG = "/bin/false"  # type: ignore[attr-defined]
    client.force_login(curator)
    # In-process (no broker here), so the build has run when the page comes back.
    response = client.post(
        reverse("admin:exhibition_exhibition_changelist"),
        {"action": "build_narrated_films", "_selected_action": [tiny.exhibition.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert b"Films asked for 1 exhibition" in response.content
    film = ExhibitionFilm.objects.get(exhibition=tiny.exhibition, language="en")
    assert film.status == FilmStatus.FAILED and "ffmpeg failed" in film.error
    listing = client.get(reverse("admin:films_exhibitionfilm_changelist"))
    assert listing.status_code == 200 and b"Failed" in listing.content


def test_the_command_names_each_film_and_fails_when_one_does(settings: object) -> None:
    tiny = tiny_exhibition()
    settings.FILMS_FFMPEG = "/bin/false"  # type: ignore[attr-defined]
    with pytest.raises(CommandError, match="1 film"):
        call_command("build_exhibition_films", exhibition=tiny.exhibition.slug)
    film = ExhibitionFilm.objects.get(exhibition=tiny.exhibition)
    assert film.language == "en" and film.status == FilmStatus.FAILED


def test_the_command_refuses_an_unknown_exhibition_or_language() -> None:
    with pytest.raises(CommandError, match="No exhibition"):
        call_command("build_exhibition_films", exhibition="no-such-show")
    with pytest.raises(CommandError, match="No voice"):
        call_command("build_exhibition_films", language="xx")

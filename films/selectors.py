"""Reading films: the one a visitor may watch, decided on the exhibition as it is now.

A film is shown and served only when its exhibition is public, it is ready, and it was
built from the exhibition's current content (its version key is today's): an object made
restricted, a description withdrawn or a picture replaced since makes it stale at once.
The check reads the records, so its answer is cached per collection version (which every
write to the collection moves on) and for at most a minute (for changes of settings).
"""

from django.core.cache import cache
from django.http import Http404

from exhibition.models import Exhibition, Visibility
from exhibition.page_cache import collection_version
from exhibition.selectors import get_public_exhibition
from films.models import ExhibitionFilm, FilmStatus
from films.storyboard import film_languages, film_storyboard, film_version_key

CURRENT_SECONDS = 60


def is_current(film: ExhibitionFilm) -> bool:
    """True when the film's files hold what the exhibition would show now."""
    key = f"films:current:{film.pk}:{film.version_key}:{collection_version()}"
    known = cache.get(key)
    if known is None:
        storyboard = film_storyboard(exhibition=film.exhibition, language=film.language)
        known = film_version_key(storyboard) == film.version_key
        cache.set(key, known, CURRENT_SECONDS)
    return bool(known)


def current_film(*, exhibition: Exhibition, language: str) -> ExhibitionFilm | None:
    """The ready, current film of a public exhibition in ``language``, else None."""
    if exhibition.visibility != Visibility.PUBLIC:
        return None
    film = (
        ExhibitionFilm.objects.filter(
            exhibition=exhibition, language=language, status=FilmStatus.READY
        )
        .exclude(video="")
        .select_related("exhibition")
        .first()
    )
    if film is None or not is_current(film):
        return None
    return film


def get_public_film(*, slug: str, language: str) -> ExhibitionFilm:
    """The film a visitor may watch, or Http404 (an unpublished exhibition looks absent)."""
    exhibition = get_public_exhibition(slug)
    if language not in film_languages():
        raise Http404("No film in this language.")
    film = current_film(exhibition=exhibition, language=language)
    if film is None:
        raise Http404("This exhibition has no film ready.")
    return film

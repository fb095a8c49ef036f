"""``{% exhibition_film exhibition as film %}``: what the exhibition page needs to show the
film in the page's language, or None when there is no ready, current film (a feature that
does not work yet is absent). The exhibition page is cached whole per collection version,
so this runs once per version and language, not once per visitor."""

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language, gettext

from descriptions.page_panels import language_name
from exhibition.models import Exhibition
from films.formats import film_format
from films.selectors import current_film
from films.storyboard import film_storyboard
from films.transcript import film_transcript

register = template.Library()


def film_length(seconds: float) -> str:
    """'3 min 05 s' (or '45 s'), as the note beside the player says it; its spaces do not
    break, so a narrow screen does not set '2 min' on one line and '36 s' on the next."""
    minutes, secs = divmod(round(seconds), 60)
    if not minutes:
        length = gettext("%(seconds)d s") % {"seconds": secs}
    else:
        length = gettext("%(minutes)d min %(seconds)02d s") % {"minutes": minutes, "seconds": secs}
    return length.replace(" ", "\N{NO-BREAK SPACE}")


@register.simple_tag
def exhibition_film(exhibition: Exhibition) -> dict[str, Any] | None:
    language = (get_language() or str(settings.LANGUAGE_CODE)).split("-")[0]
    film = current_film(exhibition=exhibition, language=language)
    if film is None:
        return None
    names = {"slug": exhibition.slug, "language": film.language}
    shape = film_format()
    # The film is current, so today's storyboard is the one it was built from.
    storyboard = film_storyboard(exhibition=exhibition, language=film.language)
    return {
        "language": film.language,
        "language_name": language_name(film.language),
        "video_url": reverse("films:film-video", kwargs=names),
        "captions_url": reverse("films:film-captions", kwargs=names),
        "poster_url": reverse("films:film-poster", kwargs=names),
        "length": film_length(film.duration_seconds),
        "duration_iso": f"PT{round(film.duration_seconds)}S",
        "size_bytes": film.size_bytes,
        "width": shape.width,
        "height": shape.height,
        "object_count": film.object_count,
        "narrated_count": film.narrated_count,
        "transcript_intro": storyboard.intro_text,
        "transcript": film_transcript(storyboard),
    }

"""A public exhibition's film, its captions and its poster, with byte ranges for players.

Each request resolves the exhibition through exhibition's public selector and checks that
the film is ready and current (``films.selectors.get_public_film``): a film of an
unpublished exhibition, or one built before an object was restricted, answers 404. The
files under MEDIA_ROOT/films/ belong to no record that ``exhibition.media_access`` lists,
so /media/ never serves them to visitors either.
"""

from pathlib import Path

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_safe

from descriptions.speech.http_ranges import ranged_file_response
from exhibition.views.file_responses import stored_file_response
from films.selectors import get_public_film

# A film's URL keeps its address across rebuilds: browsers revalidate with the ETag (the
# film's version key) after a short while.
CACHE_CONTROL = "public, max-age=600"
KINDS = {
    "mp4": ("video", "video/mp4"),
    "vtt": ("captions", "text/vtt; charset=utf-8"),
    "jpg": ("poster", "image/jpeg"),
}


@require_safe
def film_file(request: HttpRequest, slug: str, language: str, kind: str) -> HttpResponseBase:
    film = get_public_film(slug=slug, language=language)
    field_name, content_type = KINDS[kind]
    stored: FieldFile = getattr(film, field_name)
    path = Path(stored.path) if stored else None
    if path is None or not path.is_file():
        raise Http404("The film's file is missing.")
    etag = f"{film.version_key[:32]}-{kind}"
    if settings.VITRINE_MEDIA_ACCEL_REDIRECT:  # the proxy sends the bytes and ranges
        response = stored_file_response(path=path, name=str(stored.name), content_type=content_type)
        response["ETag"] = f'"{etag}"'
    else:
        response = ranged_file_response(request, path=path, content_type=content_type, etag=etag)
    response["Cache-Control"] = CACHE_CONTROL
    # The narration, captions and cards are in the film's language; /films/ has no language
    # prefix, so the locale middleware would otherwise label them with the default one.
    response["Content-Language"] = film.language
    if kind == "mp4":
        title = "".join(c if c.isalnum() or c in "-_" else "-" for c in film.exhibition.slug)
        response["Content-Disposition"] = f'inline; filename="{title}-{language}.mp4"'
    return response

"""Serves MEDIA_ROOT in the embedded default, honouring visibility and review state.

Whether a file may be read is decided on the record that owns it (see
``exhibition.media_access``), never on the shape of the URL: a restricted or draft
object's files, an unapproved restoration's files, IIIF tiles and files no record names
answer 404 to everyone but staff, however the path is spelled.
"""

import mimetypes

from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_safe

from exhibition.media_access import is_public_media, resolve_stored_file, stored_name
from exhibition.views.file_responses import stored_file_response

ONE_DAY = 86_400
CONTENT_TYPES = {".glb": "model/gltf-binary", ".json": "application/json"}


@require_safe
def serve_media(request: HttpRequest, path: str) -> HttpResponseBase:
    name = stored_name(path)
    full_path = resolve_stored_file(name) if name is not None else None
    if name is None or full_path is None:
        raise Http404("No such file.")
    is_staff = request.user.is_authenticated and request.user.is_staff
    if not is_staff and not is_public_media(name):
        raise Http404("No such file.")
    content_type = CONTENT_TYPES.get(full_path.suffix.lower()) or (
        mimetypes.guess_type(full_path.name)[0] or "application/octet-stream"
    )
    response = stored_file_response(path=full_path, name=name, content_type=content_type)
    # Files are content-addressed by import (a changed original gets a new name), so
    # browsers and kiosks may keep them a day without asking again; what staff see may
    # be unpublished and stays out of shared caches.
    response["Cache-Control"] = (
        f"public, max-age={ONE_DAY}" if not is_staff else "private, no-store"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response

"""Responses that hand a stored media file to the client, after its visibility was checked.

In the embedded default Django streams the file itself. Behind nginx, setting
``VITRINE_MEDIA_ACCEL_REDIRECT`` (e.g. ``/protected-media/``, an ``internal`` location
aliased to MEDIA_ROOT) makes Django answer with only an ``X-Accel-Redirect`` header, and
nginx sends the bytes: the proxy then never serves MEDIA_ROOT by URL, so a guessed tile or
file name of a restricted object cannot be fetched around the check.
"""

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase


def stored_file_response(*, path: Path, name: str, content_type: str) -> HttpResponseBase:
    """The file at ``path`` (stored as ``name`` under MEDIA_ROOT) as a response body."""
    internal_prefix = settings.VITRINE_MEDIA_ACCEL_REDIRECT
    if internal_prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = internal_prefix.rstrip("/") + "/" + name
        return response
    return FileResponse(path.open("rb"), content_type=content_type)

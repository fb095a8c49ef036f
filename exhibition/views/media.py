"""Serves MEDIA_ROOT in the embedded default, honouring visibility and review state.

Object media live under ``objects/<slug>/``; a restricted or draft object's files, and
an unapproved restoration's files, answer 404 to everyone but staff.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest
from django.utils._os import safe_join
from django.views.decorators.http import require_safe

from exhibition.models import CollectionObject, Restoration, ReviewStatus, Visibility

ONE_DAY = 86_400
CONTENT_TYPES = {".glb": "model/gltf-binary", ".json": "application/json"}


def media_is_public(relative_path: str) -> bool:
    parts = Path(relative_path).parts
    if parts and parts[0] == "iiif":
        return False  # tiles are served by /iiif/image/…, which checks visibility
    if len(parts) < 2 or parts[0] != "objects":
        return True
    slug = parts[1]
    if not CollectionObject.objects.filter(slug=slug, visibility=Visibility.PUBLIC).exists():
        return False
    if len(parts) >= 3 and parts[2] == "restorations":
        name = "/".join(parts)
        return Restoration.objects.filter(
            Q(result=name) | Q(mask=name) | Q(uncertainty=name),
            machine_output__status=ReviewStatus.APPROVED,
        ).exists()
    return True


@require_safe
def serve_media(request: HttpRequest, path: str) -> FileResponse:
    try:
        full_path = Path(safe_join(str(settings.MEDIA_ROOT), path))
    except Exception:  # SuspiciousFileOperation: a path escaping MEDIA_ROOT
        raise Http404("No such file.") from None
    if not full_path.is_file():
        raise Http404("No such file.")
    is_staff = request.user.is_authenticated and request.user.is_staff
    if not is_staff and not media_is_public(path):
        raise Http404("No such file.")
    content_type = CONTENT_TYPES.get(full_path.suffix.lower()) or (
        mimetypes.guess_type(full_path.name)[0] or "application/octet-stream"
    )
    response = FileResponse(full_path.open("rb"), content_type=content_type)
    # Files are content-addressed by import (a changed original gets a new name), so
    # browsers and kiosks may keep them a day without asking again.
    response["Cache-Control"] = (
        f"public, max-age={ONE_DAY}" if not is_staff else "private, no-store"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response

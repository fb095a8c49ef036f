"""Who may read a file under MEDIA_ROOT, decided on the record that owns it.

A media URL names a stored file. Visibility is never read off the URL's shape (a prefix
such as ``objects/<slug>/`` can be dodged with ``..``); instead the request must name a
file exactly as it is stored (no ``.``/``..`` segments, backslashes, empty segments or
leftover percent-escapes, and no symbolic link leading elsewhere), and that stored name
must belong to a record a visitor may see:

- an image's original or a 3D model's GLB or poster, of a public object;
- a restoration's result, mask or uncertainty map, once approved, of a public object.

Anything else — IIIF tiles (served by /iiif/image/…, which checks the image), files no
record names (a replaced original, a half-written run), other folders — is not public.
Curators (staff) may read any stored file.
"""

import posixpath
from pathlib import Path

from django.conf import settings
from django.db.models import Q

from exhibition.models import ObjectImage, ObjectModel3D, Restoration, ReviewStatus, Visibility

# Characters that never appear in a name we store and only serve to disguise one:
# a backslash (a separator on Windows, and to some proxies), a percent sign (a second
# layer of URL encoding), NUL and other control characters.
_FORBIDDEN = frozenset("\\%") | {chr(code) for code in range(32)} | {"\x7f"}


def stored_name(requested: str) -> str | None:
    """The stored file name a request names, or None if it does not name one exactly.

    Refuses every spelling that normalises to something else, rather than normalising it:
    a path that needs cleaning up is never one our own pages link to.
    """
    if not requested or requested.startswith("/") or _FORBIDDEN.intersection(requested):
        return None
    segments = requested.split("/")
    if any(segment in {"", ".", ".."} for segment in segments):
        return None
    if posixpath.normpath(requested) != requested:
        return None
    return requested


def resolve_stored_file(name: str) -> Path | None:
    """The file under MEDIA_ROOT with this stored name, if it is a regular file there.

    The resolved path (symbolic links followed) must still be MEDIA_ROOT/<name>:
    a link pointing elsewhere, even inside MEDIA_ROOT, is refused.
    """
    root = Path(settings.MEDIA_ROOT).resolve()
    candidate = root.joinpath(*name.split("/"))
    try:
        resolved = candidate.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if resolved != candidate or not resolved.is_file():
        return None
    return resolved


def is_public_media(name: str) -> bool:
    """True when a visitor may read the stored file ``name`` (see the module docstring)."""
    public_object = Visibility.PUBLIC
    if ObjectImage.objects.filter(
        original=name, collection_object__visibility=public_object
    ).exists():
        return True
    if ObjectModel3D.objects.filter(
        Q(glb=name) | Q(poster=name), collection_object__visibility=public_object
    ).exists():
        return True
    return Restoration.objects.filter(
        Q(result=name) | Q(mask=name) | Q(uncertainty=name),
        machine_output__status=ReviewStatus.APPROVED,
        source_image__collection_object__visibility=public_object,
    ).exists()

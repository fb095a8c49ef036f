"""Where an image's IIIF level-0 files live on disk, and the URLs that name them.

The tile generator (``tiles.py``) writes ``MEDIA_ROOT/iiif/<identifier>/`` (and, for an
approved restoration, ``MEDIA_ROOT/iiif-restorations/<pk>/``) with exactly the URL layout
of the Image API, so serving a tile is a strict path check plus a file read. These
helpers are shared by the IIIF views, the manifests and the REST API.
"""

import json
import logging
import mimetypes
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.urls import reverse

from exhibition.iiif.tiles import iiif_root, tile_dir
from exhibition.media_links import image_thumbnail
from exhibition.models import ObjectImage

logger = logging.getLogger(__name__)

IMAGE_CONTEXT = "http://iiif.io/api/image/3/context.json"
FULL_MAX = "full/max/0/default.jpg"

# Each path component of an image request, matched whole. None of them can hold a
# slash or "..", so a request can never name a file outside the image's own folder.
IDENTIFIER_RE = r"[-a-zA-Z0-9_]+"
REGION_RE = r"full|square|\d{1,7},\d{1,7},\d{1,7},\d{1,7}"
SIZE_RE = r"\^?(?:max|\d{1,7},|,\d{1,7}|!?\d{1,7},\d{1,7})"
ROTATION_RE = r"!?\d{1,3}"
QUALITY_RE = r"default|color|gray|bitonal"
FORMAT_CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
FORMAT_RE = "|".join(FORMAT_CONTENT_TYPES)

_COMPONENTS = {
    "identifier": re.compile(IDENTIFIER_RE),
    "region": re.compile(REGION_RE),
    "size": re.compile(SIZE_RE),
    "rotation": re.compile(ROTATION_RE),
    "quality": re.compile(QUALITY_RE),
    "format": re.compile(FORMAT_RE),
}

# Builds an absolute URL from a site path, e.g. ``request.build_absolute_uri``.
AbsoluteUrl = Callable[[str], str]


def tile_file(
    *, identifier: str, region: str, size: str, rotation: str, quality: str, fmt: str
) -> Path | None:
    """The stored file answering this image request, or None (level 0: no file, no image)."""
    if not _COMPONENTS["identifier"].fullmatch(identifier):
        return None
    return stored_tile(
        tile_dir(identifier), region=region, size=size, rotation=rotation, quality=quality, fmt=fmt
    )


def stored_tile(
    folder: Path, *, region: str, size: str, rotation: str, quality: str, fmt: str
) -> Path | None:
    """The file under one tile set's ``folder`` answering this request, or None."""
    parts = {
        "region": region,
        "size": size,
        "rotation": rotation,
        "quality": quality,
        "format": fmt,
    }
    if not all(_COMPONENTS[name].fullmatch(value) for name, value in parts.items()):
        return None
    root = folder.resolve()
    path = (root / region / size / rotation / f"{quality}.{fmt}").resolve()
    # Belt and braces: the regexes already forbid it, but never leave the image folder.
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path


def tile_name(path: Path) -> str:
    """A tile file's stored name under MEDIA_ROOT (e.g. ``iiif/<identifier>/…``)."""
    return path.relative_to(iiif_root().resolve().parent).as_posix()


def read_stored_info(identifier: str) -> dict[str, Any] | None:
    """The info.json the tile generator stored, or None when it is missing or unreadable."""
    if not _COMPONENTS["identifier"].fullmatch(identifier):
        return None
    return read_info_file(tile_dir(identifier))


def read_info_file(folder: Path) -> dict[str, Any] | None:
    """The info.json of the tile set in ``folder``, or None when missing or unreadable."""
    path = folder / "info.json"
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        logger.warning("Unreadable IIIF info.json at %s", path)
        return None
    return info if isinstance(info, dict) else None


def service_path(identifier: str) -> str:
    return reverse("iiif:image-base", kwargs={"identifier": identifier})


def info_path(identifier: str) -> str:
    return reverse("iiif:image-info", kwargs={"identifier": identifier})


def full_image_path(identifier: str) -> str:
    return f"{service_path(identifier)}/{FULL_MAX}"


def restoration_service_path(pk: int) -> str:
    return reverse("iiif:restoration-base", kwargs={"pk": pk})


def restoration_info_path(pk: int) -> str:
    return reverse("iiif:restoration-info", kwargs={"pk": pk})


def image_service(absolute: AbsoluteUrl, identifier: str) -> dict[str, str]:
    """The IIIF Presentation reference to this image's level-0 Image API service."""
    return level0_service(absolute, service_path(identifier))


def level0_service(absolute: AbsoluteUrl, path: str) -> dict[str, str]:
    """The IIIF Presentation reference to the level-0 Image API service at ``path``."""
    return {"id": absolute(path), "type": "ImageService3", "profile": "level0"}


def original_content_type(image: ObjectImage) -> str:
    return mimetypes.guess_type(image.original.name)[0] or "image/jpeg"


def thumbnail_resource(absolute: AbsoluteUrl, image: ObjectImage) -> dict[str, Any]:
    """A small rendition for viewers: the pages' card thumbnail, with its service if IIIF."""
    thumb = image_thumbnail(image)
    resource: dict[str, Any] = {
        "id": absolute(thumb.url),
        "type": "Image",
        "format": original_content_type(image),
        "width": thumb.width,
        "height": thumb.height,
    }
    if thumb.url.startswith(service_path(image.iiif_identifier) + "/"):
        resource["format"] = "image/jpeg"
        resource["service"] = [image_service(absolute, image.iiif_identifier)]
    return resource

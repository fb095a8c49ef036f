"""IIIF level-0 tiles of virtual restorations, so the comparison zooms through a pyramid.

A reconstruction is as large as its original (thousands of pixels a side). Handed to the
viewer as one picture it showed grain at low zoom, while the original beside it, drawn from
tiles reduced on the server, looked smooth. Cut into the same pyramid as the original (same
tile size, same levels), both layers are drawn from equally reduced pixels and line up
exactly; visitors no longer download the full-size PNG either.

Tiles are cut when a curator approves the restoration (the review service schedules the
task, as the importer does for images) and, for restorations approved before that, by
``manage.py cut_restoration_tiles``. They live under
``MEDIA_ROOT/iiif-restorations/<pk>/`` — outside ``iiif/``, whose folder names are image
identifiers — and are served at ``/iiif/restoration/<pk>/…`` only while the restoration is
approved and its object public.
"""

import logging
import shutil
from pathlib import Path

from django.conf import settings
from PIL import Image, UnidentifiedImageError

from exhibition.iiif.tiles import cut_tile_set
from exhibition.models import Restoration
from exhibition.page_cache import collection_changed

logger = logging.getLogger(__name__)


def restoration_tiles_root() -> Path:
    return Path(settings.MEDIA_ROOT) / "iiif-restorations"


def restoration_tile_dir(pk: int) -> Path:
    return restoration_tiles_root() / str(pk)


def restoration_tiles_are_current(restoration: Restoration) -> bool:
    """True when the restoration's tiles are marked ready and still on disk.

    A restoration's result is never replaced (a new run makes a new restoration), so tiles
    once cut stay right; only their absence needs checking.
    """
    return (
        restoration.tiles_ready and (restoration_tile_dir(restoration.pk) / "info.json").is_file()
    )


def restoration_generate_tiles(*, restoration: Restoration, force: bool = False) -> bool:
    """Cut the result's tile set and mark it ready; False when it was already current.

    Raises TileSourceTooLarge for a result over ``VITRINE_MAX_IMAGE_PIXELS`` (the limit
    every original passed), and OSError when the result file is missing or unreadable.
    """
    if not force and restoration_tiles_are_current(restoration):
        return False
    with restoration.result.open("rb") as fh:
        size = cut_tile_set(
            fh,
            restoration_tile_dir(restoration.pk),
            max_pixels=settings.VITRINE_MAX_IMAGE_PIXELS,
            icc_profile=_source_profile(restoration),
        )
    source = restoration.source_image
    if source.width and source.height and size != (source.width, source.height):
        # The viewer scales both layers to one width; only a different shape misaligns.
        logger.warning(
            "restoration %s is %s×%s but its source image is %s×%s",
            restoration.pk,
            *size,
            source.width,
            source.height,
        )
    Restoration.objects.filter(pk=restoration.pk).update(tiles_ready=True)
    restoration.tiles_ready = True
    collection_changed()  # the object page now offers the tiles; `update()` sends no signal
    return True


def restoration_delete_tiles(*, restoration_id: int) -> None:
    """Remove a restoration's tiles (its approval was withdrawn or it was rejected).

    They were no longer served anyway (only an approved restoration's are); this frees the
    disk, and a new approval cuts them again.
    """
    shutil.rmtree(restoration_tile_dir(restoration_id), ignore_errors=True)
    Restoration.objects.filter(pk=restoration_id).update(tiles_ready=False)
    collection_changed()  # the object page no longer offers them


def _source_profile(restoration: Restoration) -> bytes | None:
    """The colour profile of the original the result was computed from, if it still is.

    Restoration works on the original's pixel values without converting colours, and
    stores its PNG untagged. Tagged with the original's profile, the reconstruction's
    tiles show in the same colours as the original's tiles beside them.
    """
    source = restoration.source_image
    if restoration.machine_output.input_checksums.get("source") != source.checksum:
        return None  # the original was replaced since: its profile may not apply
    try:
        with source.original.open("rb") as fh, Image.open(fh) as opened:
            profile = opened.info.get("icc_profile")
    except (OSError, UnidentifiedImageError):
        return None
    return profile if isinstance(profile, bytes) else None

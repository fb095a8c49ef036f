"""Produce (or find already produced) the file a visitor downloads."""

import io
import threading

from django.conf import settings
from PIL import Image

from exhibition.downloads.glb_metadata import glb_with_notice
from exhibition.downloads.image_metadata import jpeg_save_options
from exhibition.downloads.notice import RightsNotice
from exhibition.downloads.sizes import ImageSize
from exhibition.downloads.storage import (
    StoredDownload,
    download_key,
    stored_download,
    write_atomically,
)
from exhibition.models import ObjectImage, ObjectModel3D

JPEG_QUALITY = 90
# One file made at a time per process: a burst of first downloads of full-size images
# (up to VITRINE_MAX_IMAGE_PIXELS each, decoded in memory) cannot pile up in one worker.
_GENERATING = threading.Lock()


class ModelTooLarge(ValueError):
    """The stored GLB is over the import limit (a limit lowered since it was imported)."""


def _jpeg(image: ObjectImage, size: ImageSize, notice: RightsNotice) -> bytes:
    with image.original.open("rb") as stored, Image.open(stored) as picture:
        # JPEG decoders can scale by 1/2, 1/4, 1/8 while decoding: far less memory.
        picture.draft("RGB", (size.width, size.height))
        rgb = picture.convert("RGB")
    if rgb.size != (size.width, size.height):
        rgb = rgb.resize((size.width, size.height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    rgb.save(
        buffer, format="JPEG", quality=JPEG_QUALITY, progressive=True, **jpeg_save_options(notice)
    )
    return buffer.getvalue()


def image_download(*, image: ObjectImage, size: ImageSize, notice: RightsNotice) -> StoredDownload:
    """The JPEG of ``image`` at ``size`` with ``notice`` written in, cached by content."""
    key = download_key(
        source_checksum=image.checksum, variant=f"jpeg-{size.width}x{size.height}", notice=notice
    )
    stored = stored_download(key, ".jpg")
    if stored.path.is_file():
        return stored
    with _GENERATING:
        # Checked under the lock: a request that waited finds the file another one made.
        if not stored.path.is_file():
            write_atomically(stored.path, _jpeg(image, size, notice))
    return stored


def model_download(*, model: ObjectModel3D, notice: RightsNotice) -> StoredDownload:
    """The GLB of ``model`` with ``notice`` in its asset, cached by content.

    Raises ``InvalidGlb`` for a file that is not a well-formed GLB, ``ModelTooLarge``
    for one over VITRINE_MAX_MODEL_BYTES.
    """
    # A mesh decimated for the web keeps its full-resolution conversion: that is the
    # one a researcher downloads.
    source = model.original if model.original else model.glb
    variant = "glb-original" if model.original else "glb"
    key = download_key(source_checksum=model.checksum, variant=variant, notice=notice)
    stored = stored_download(key, ".glb")
    if stored.path.is_file():
        return stored
    with _GENERATING:
        if stored.path.is_file():
            return stored
        if source.size > settings.VITRINE_MAX_MODEL_BYTES:
            raise ModelTooLarge(f"{source.name} is over VITRINE_MAX_MODEL_BYTES")
        with source.open("rb") as stored_glb:
            data = stored_glb.read()
        write_atomically(stored.path, glb_with_notice(data, notice))
    return stored

"""IIIF Image API 3.0 level-0 static tiles: every URL OpenSeadragon 6 asks for, on disk.

A level-0 service cannot cut tiles on request, so at import we write, under
``MEDIA_ROOT/iiif/<identifier>/``, the exact files a viewer will fetch:

- ``info.json`` (all fields but ``id``, which the serving view fills from the request);
- the pyramid tiles, named as OpenSeadragon's ``IIIFTileSource.getTileUrl`` names them for
  a version-3 service with one ``tiles`` entry (region ``x,y,w,h`` or ``full``, size
  ``w,h`` or ``max``, levels from ``scaleFactors``, sizes rounded up as it does);
- ``full/<w>,<h>/0/default.jpg`` for every entry of ``sizes`` (thumbnails in Mirador and
  Universal Viewer) and ``full/max/0/default.jpg``.

A tile set is written to a temporary folder and renamed into place, so a half-written
set is never served.
"""

import json
import os
import shutil
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from django.conf import settings
from PIL import Image, ImageOps

from exhibition.image_limits import too_many_pixels_message
from exhibition.models import ObjectImage
from exhibition.page_cache import collection_changed

CONTEXT = "http://iiif.io/api/image/3/context.json"
JPEG_QUALITY = 85
# Smallest thumbnail listed in `sizes` (longest side, pixels).
MIN_SIZE_EDGE = 64


class TileSourceTooLarge(ValueError):
    """The image to cut has more pixels than allowed; the message names the limit."""


@dataclass(frozen=True)
class TileSpec:
    """One file to write: ``path`` under the identifier's folder, cut from the image
    reduced by ``scale_factor``, at ``box`` (left, top, right, bottom) in that level."""

    path: str
    scale_factor: int
    box: tuple[int, int, int, int]


def iiif_root() -> Path:
    return Path(settings.MEDIA_ROOT) / "iiif"


def tile_dir(identifier: str) -> Path:
    return iiif_root() / identifier


def scale_factors(width: int, height: int, tile_size: int) -> list[int]:
    """1, 2, 4, … until the whole reduced image fits in one tile."""
    factors = [1]
    while _ceil_div(width, factors[-1]) > tile_size or _ceil_div(height, factors[-1]) > tile_size:
        factors.append(factors[-1] * 2)
    return factors


def full_sizes(width: int, height: int) -> list[tuple[int, int]]:
    """Reduced whole-image sizes (halving, down to ~MIN_SIZE_EDGE), smallest first."""
    return [(w, h) for _, w, h in _size_levels(width, height)]


def _size_levels(width: int, height: int) -> list[tuple[int, int, int]]:
    """(scale factor, width, height) of each entry of `sizes`, smallest first."""
    levels, factor = [], 2
    while max(_ceil_div(width, factor), _ceil_div(height, factor)) >= MIN_SIZE_EDGE:
        levels.append((factor, _ceil_div(width, factor), _ceil_div(height, factor)))
        factor *= 2
    return list(reversed(levels)) or [(1, width, height)]


def info_json(width: int, height: int, tile_size: int) -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "id": "",
        "type": "ImageService3",
        "protocol": "http://iiif.io/api/image",
        "profile": "level0",
        "width": width,
        "height": height,
        "tiles": [{"width": tile_size, "scaleFactors": scale_factors(width, height, tile_size)}],
        "sizes": [{"width": w, "height": h} for w, h in full_sizes(width, height)],
    }


def osd_tiles(width: int, height: int, tile_size: int) -> list[TileSpec]:
    """The tiles OpenSeadragon 6 requests, level by level (its getTileUrl for version 3)."""
    factors = scale_factors(width, height, tile_size)
    specs: list[TileSpec] = []
    for factor in factors:
        level_w, level_h = _ceil_div(width, factor), _ceil_div(height, factor)
        if level_w < tile_size and level_h < tile_size:
            size = "max" if (level_w, level_h) == (width, height) else f"{level_w},{level_h}"
            specs.append(TileSpec(f"full/{size}/0/default.jpg", factor, (0, 0, level_w, level_h)))
            continue
        span = tile_size * factor  # one tile's extent in full-resolution pixels
        for y in range(_ceil_div(level_h, tile_size)):
            for x in range(_ceil_div(level_w, tile_size)):
                rx, ry = x * span, y * span
                rw, rh = min(span, width - rx), min(span, height - ry)
                whole = (rx, ry, rw, rh) == (0, 0, width, height)
                region = "full" if whole else f"{rx},{ry},{rw},{rh}"
                sw = min(tile_size, level_w - x * tile_size)
                sh = min(tile_size, level_h - y * tile_size)
                size = "max" if (sw, sh) == (width, height) else f"{sw},{sh}"
                left, top = x * tile_size, y * tile_size
                box = (left, top, left + sw, top + sh)
                specs.append(TileSpec(f"{region}/{size}/0/default.jpg", factor, box))
    return specs


def tile_specs(width: int, height: int, tile_size: int) -> list[TileSpec]:
    """Every file of a tile set: OpenSeadragon's tiles, the `sizes` and `max`."""
    specs = {spec.path: spec for spec in osd_tiles(width, height, tile_size)}
    specs.setdefault(
        "full/max/0/default.jpg", TileSpec("full/max/0/default.jpg", 1, (0, 0, width, height))
    )
    for factor, w, h in _size_levels(width, height):
        path = f"full/{w},{h}/0/default.jpg"
        specs.setdefault(path, TileSpec(path, factor, (0, 0, w, h)))
    return list(specs.values())


def tiles_are_current(image: ObjectImage) -> bool:
    """True when the tiles on disk were cut from the image's current original."""
    return (
        image.tiles_ready
        and image.tiles_checksum == image.checksum
        and (tile_dir(image.iiif_identifier) / "info.json").is_file()
    )


def image_generate_tiles(*, image: ObjectImage, force: bool = False) -> bool:
    """Write the image's tile set and mark it ready; False when it was already current."""
    if not force and tiles_are_current(image):
        return False
    checksum = image.checksum
    with image.original.open("rb") as fh:
        cut_tile_set(fh, tile_dir(image.iiif_identifier))
    # Only mark ready if the original has not been replaced while we were cutting.
    ObjectImage.objects.filter(pk=image.pk, checksum=checksum).update(
        tiles_ready=True, tiles_checksum=checksum
    )
    image.tiles_ready, image.tiles_checksum = True, checksum
    collection_changed()  # pages now show deep zoom; `update()` sends no signal
    return True


def cut_tile_set(
    source: BinaryIO,
    final: Path,
    *,
    max_pixels: int | None = None,
    icc_profile: bytes | None = None,
) -> tuple[int, int]:
    """Cut the image file ``source`` into a tile set at ``final``; the image's size.

    ``max_pixels`` refuses a larger image from its header, before any pixel is decoded.
    ``icc_profile`` tags the tiles when the file itself carries no profile.
    """
    try:
        with Image.open(source) as opened:
            if max_pixels is not None and opened.width * opened.height > max_pixels:
                raise TileSourceTooLarge(too_many_pixels_message(*opened.size, max_pixels))
            upright = ImageOps.exif_transpose(opened)
            icc_profile = opened.info.get("icc_profile") or icc_profile
            pixels = _as_rgb(upright)
    except Image.DecompressionBombError:
        # Pillow's own bound, far above ours, refused it before reading the size.
        raise TileSourceTooLarge(too_many_pixels_message(None, None, max_pixels or 0)) from None
    # Staged beside its final place, so the swap is a rename on one file system.
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = final.with_name(f".tmp-{final.name}-{uuid.uuid4().hex}")
    try:
        _write_tile_set(
            pixels, staging, tile_size=settings.VITRINE_TILE_SIZE, icc_profile=icc_profile
        )
        _swap_into_place(staging, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return pixels.size


def image_delete_tiles(*, identifier: str) -> None:
    shutil.rmtree(tile_dir(identifier), ignore_errors=True)


def _write_tile_set(
    image: Image.Image, folder: Path, *, tile_size: int, icc_profile: bytes | None
) -> None:
    width, height = image.size
    folder.mkdir(parents=True)
    (folder / "info.json").write_text(json.dumps(info_json(width, height, tile_size), indent=2))
    by_factor: dict[int, list[TileSpec]] = defaultdict(list)
    for spec in tile_specs(width, height, tile_size):
        by_factor[spec.scale_factor].append(spec)
    level, factor = image, 1
    for wanted in sorted(by_factor):
        # Halving the previous level gives ceil(size / factor), exactly the sizes above.
        while factor < wanted:
            level, factor = level.reduce(2), factor * 2
        for spec in by_factor[wanted]:
            target = folder / spec.path
            target.parent.mkdir(parents=True, exist_ok=True)
            tile = level.crop(spec.box)
            tile.save(target, "JPEG", quality=JPEG_QUALITY, icc_profile=icc_profile)


def _swap_into_place(staging: Path, final: Path) -> None:
    """Replace ``final`` by ``staging`` with renames: readers see the old set or the new.

    A concurrent writer of the same identifier can put its set in place between our two
    renames; then we retire that one and try again.
    """
    for _attempt in range(3):
        retired = final.with_name(f".old-{final.name}-{uuid.uuid4().hex}")
        try:
            os.rename(final, retired)
            had_old = True
        except FileNotFoundError:
            had_old = False
        try:
            os.rename(staging, final)
            return
        except OSError:
            continue
        finally:
            if had_old:
                shutil.rmtree(retired, ignore_errors=True)
    raise OSError(f"could not move the tile set into place at {final}")


def _as_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGB", "L"):
        return image
    if image.mode in ("RGBA", "LA", "P", "PA") or "transparency" in image.info:
        # Transparent areas show as white, as on the page background.
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)

"""URLs of an object's media as pages show them: IIIF services, thumbnails, posters.

A thumbnail is one of the pre-cut IIIF ``full/<w>,<h>/0/default.jpg`` size files when the
image's tiles exist (small and long-cacheable), else the original file.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from exhibition.models import CollectionObject, ObjectImage, ObjectModel3D

CARD_WIDTH = 400
# Sizes listed in a stored info.json change only when the tiles are cut again, and then
# `tiles_checksum` changes too, so it is part of the cache key.
SIZES_CACHE_SECONDS = 6 * 60 * 60


@dataclass(frozen=True)
class Thumbnail:
    url: str
    width: int
    height: int
    alt: str


def iiif_image_base(identifier: str) -> str:
    """The Image API base URI of an image (``/iiif/image/<identifier>``)."""
    return reverse("iiif:image-info", args=[identifier]).removesuffix("/info.json")


def iiif_info_url(image: ObjectImage) -> str:
    return reverse("iiif:image-info", args=[image.iiif_identifier])


def iiif_manifest_url(collection_object: CollectionObject) -> str:
    return reverse("iiif:manifest", args=[collection_object.slug])


def _stored_sizes(image: ObjectImage) -> list[tuple[int, int]]:
    key = f"vitrine:iiif-sizes:{image.iiif_identifier}:{image.tiles_checksum}"
    sizes: list[tuple[int, int]] | None = cache.get(key)
    if sizes is None:
        sizes = _read_sizes(Path(settings.MEDIA_ROOT) / "iiif" / image.iiif_identifier)
        cache.set(key, sizes, SIZES_CACHE_SECONDS)
    return sizes


def _read_sizes(folder: Path) -> list[tuple[int, int]]:
    """The sizes the stored info.json lists whose files really exist, smallest first."""
    try:
        info = json.loads((folder / "info.json").read_text(encoding="utf-8"))
        listed = [(int(s["width"]), int(s["height"])) for s in info.get("sizes", [])]
    except (OSError, ValueError, TypeError, KeyError):
        return []
    existing = [
        (w, h) for w, h in listed if (folder / "full" / f"{w},{h}" / "0" / "default.jpg").is_file()
    ]
    return sorted(existing)


def image_thumbnail(image: ObjectImage, *, width: int = CARD_WIDTH) -> Thumbnail:
    """The smallest pre-cut size at least ``width`` wide, or the original image."""
    # A small original is its own best thumbnail; a large one is never sent to a card.
    small_original = 0 < image.width <= 2 * width
    if image.tiles_ready:
        sizes = _stored_sizes(image)
        fitting = [size for size in sizes if size[0] >= width]
        if fitting or (sizes and not small_original):
            w, h = fitting[0] if fitting else sizes[-1]
            url = f"{iiif_image_base(image.iiif_identifier)}/full/{w},{h}/0/default.jpg"
            return Thumbnail(url=url, width=w, height=h, alt=image.alt_text)
    return Thumbnail(
        url=image.original.url, width=image.width, height=image.height, alt=image.alt_text
    )


def model_poster(model: ObjectModel3D) -> Thumbnail | None:
    if not model.poster:
        return None
    # Reading a poster's pixel size would open the file on every listing; 0 means unknown.
    return Thumbnail(url=model.poster.url, width=0, height=0, alt=model.alt_text)


def object_thumbnail(collection_object: CollectionObject) -> Thumbnail | None:
    """A card picture: the first image, else the first model's poster (prefetch both)."""
    images = list(collection_object.images.all())
    if images:
        return image_thumbnail(images[0])
    for model in collection_object.models3d.all():
        poster = model_poster(model)
        if poster is not None:
            return poster
    return None

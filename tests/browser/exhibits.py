"""Test data for the browser tests: real media on disk, as a visitor's browser needs it.

Builds on ``tests.builders`` and adds what the browser must actually render: a large,
structured image cut into real IIIF tiles, GLB models (the tiny builder one and, when
the demo collection is present, the real Draco-compressed fossil), an approved
restoration and an exhibition.
"""

import hashlib
import io
import math
from pathlib import Path

import numpy as np
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from exhibition.iiif.tiles import image_generate_tiles
from exhibition.models import (
    CollectionObject,
    Exhibition,
    ObjectImage,
    ObjectModel3D,
    Restoration,
    ReviewStatus,
)
from tests import builders

DRACO_MODEL = "fossil-usnm-1145291.glb"
IMAGE_SIZE = (1600, 1200)


def structured_jpeg(width: int = IMAGE_SIZE[0], height: int = IMAGE_SIZE[1]) -> bytes:
    """A photograph-sized JPEG with gradients, a grid and shapes, so every tile differs."""
    xs = np.linspace(0, 255, width, dtype=np.float32)[None, :].repeat(height, axis=0)
    ys = np.linspace(0, 255, height, dtype=np.float32)[:, None].repeat(width, axis=1)
    channels = np.stack([xs, ys, (xs + ys) / 2], axis=-1).astype(np.uint8)
    image = Image.fromarray(channels)
    draw = ImageDraw.Draw(image)
    for x in range(0, width, 100):
        draw.line([(x, 0), (x, height)], fill=(250, 250, 250), width=2)
    for y in range(0, height, 100):
        draw.line([(0, y), (width, y)], fill=(250, 250, 250), width=2)
    for index in range(12):
        cx = width / 2 + math.cos(index) * width / 3
        cy = height / 2 + math.sin(index) * height / 3
        draw.ellipse([cx - 60, cy - 60, cx + 60, cy + 60], outline=(10, 10, 10), width=6)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def add_tiled_image(collection_object: CollectionObject, *, order: int = 0) -> ObjectImage:
    """A large image whose IIIF tiles and info.json are cut for real."""
    data = structured_jpeg()
    image = ObjectImage(
        collection_object=collection_object,
        checksum=hashlib.sha256(data).hexdigest(),
        alt_text=f"Photograph of {collection_object.title}: a coloured grid with dark rings.",
        order=order,
    )
    image.original.save(f"{collection_object.slug}-{order}.jpg", ContentFile(data), save=False)
    # Django reads the dimensions back only for small files here; we know them anyway.
    image.width, image.height = IMAGE_SIZE
    image.save()
    cut_tiles(image)
    return image


def cut_tiles(image: ObjectImage) -> None:
    """Runs the project's IIIF tile generator on the image."""
    image_generate_tiles(image=image, force=True)
    image.refresh_from_db()
    if not image.tiles_ready:
        raise AssertionError(f"the tile generator left {image.iiif_identifier} without tiles")


def image_object(**fields: object) -> CollectionObject:
    fields.setdefault("title", "Harbour at dusk")
    fields.setdefault("description", "A test photograph cut into deep zoom tiles.")
    collection_object = builders.make_object(**fields)
    add_tiled_image(collection_object)
    return collection_object


def model_object(**fields: object) -> CollectionObject:
    fields.setdefault("title", "Bronze triangle")
    fields.setdefault("object_type", "sculpture")
    collection_object = builders.make_object(**fields)
    builders.add_model(collection_object)
    return collection_object


def draco_model_path() -> Path | None:
    path = Path(settings.VITRINE_COLLECTION) / "models" / DRACO_MODEL
    return path if path.is_file() else None


def draco_object(source: Path) -> CollectionObject:
    """An object carrying the demo collection's real Draco-compressed scan."""
    collection_object = builders.make_object(
        title="Fossil specimen USNM 1145291", object_type="natural history specimen"
    )
    data = source.read_bytes()
    model = ObjectModel3D(
        collection_object=collection_object,
        checksum=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        alt_text="3D scan of a fossil specimen.",
    )
    model.glb.save(DRACO_MODEL, ContentFile(data), save=False)
    model.save()
    return collection_object


def restoration_object(curator: User, **fields: object) -> tuple[CollectionObject, Restoration]:
    fields.setdefault("title", "Damaged fresco")
    collection_object = image_object(is_damaged=True, **fields)
    restoration = builders.add_restoration(
        collection_object.images.get(),
        status=ReviewStatus.APPROVED,
        reviewer=curator,
        engine="telea",
    )
    return collection_object, restoration


def exhibition_with(*objects: CollectionObject) -> Exhibition:
    return builders.make_exhibition(*objects, title="Light and water")

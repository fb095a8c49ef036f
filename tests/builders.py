"""Small builders for test data: objects, images, GLB models, restorations, descriptions,
personas.

Tests make their own small files instead of loading fixture piles.
"""

import hashlib
import io
import json
import struct
from datetime import UTC, datetime
from itertools import count
from typing import Any

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from PIL import Image

from descriptions.models import Description
from exhibition.models import (
    Agent,
    CollectionObject,
    Exhibition,
    ExhibitionSection,
    MachineOutput,
    MachineOutputKind,
    ObjectCreator,
    ObjectImage,
    ObjectModel3D,
    ObjectTranslation,
    Restoration,
    ReviewStatus,
    SectionObject,
    Visibility,
)

_seq = count(1)

DESCRIPTION_LONG_TEXT = (
    "Oil painting by Test Painter, dated 1850, on canvas. "
    "A calm harbour at dusk, seen from the quay. "
    "In the foreground two fishing boats rest on the water. "
    "Behind them the town climbs a hill under an orange sky."
)


def png_bytes(
    width: int = 64, height: int = 48, color: tuple[int, int, int] = (180, 90, 40)
) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_bytes(
    width: int = 64, height: int = 48, color: tuple[int, int, int] = (40, 90, 180)
) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def glb_bytes() -> bytes:
    """A valid binary glTF 2.0 file holding one triangle."""
    positions = struct.pack("<9f", 0, 0, 0, 1, 0, 0, 0, 1, 0)
    document = {
        "asset": {"version": "2.0", "generator": "vitrine tests"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
        "buffers": [{"byteLength": len(positions)}],
        "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": len(positions)}],
        "accessors": [
            {
                "bufferView": 0,
                "componentType": 5126,
                "count": 3,
                "type": "VEC3",
                "min": [0, 0, 0],
                "max": [1, 1, 0],
            }
        ],
    }
    json_chunk = json.dumps(document).encode()
    json_chunk += b" " * (-len(json_chunk) % 4)
    bin_chunk = positions + b"\x00" * (-len(positions) % 4)
    body = (
        struct.pack("<I4s", len(json_chunk), b"JSON")
        + json_chunk
        + struct.pack("<I4s", len(bin_chunk), b"BIN\x00")
        + bin_chunk
    )
    return struct.pack("<4sII", b"glTF", 2, 12 + len(body)) + body


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make_curator(username: str = "curator") -> User:
    return User.objects.create_user(
        username=username, password="a-long-test-password", is_staff=True, is_superuser=True
    )


def make_visitor(username: str = "visitor") -> User:
    return User.objects.create_user(username=username, password="a-long-test-password")


def make_agent(name: str = "Test Painter") -> Agent:
    n = next(_seq)
    return Agent.objects.create(slug=f"agent-{n}", name=name)


def make_object(**fields: Any) -> CollectionObject:
    n = next(_seq)
    creator = fields.pop("creator", None)
    defaults: dict[str, Any] = {
        "slug": f"object-{n}",
        "accession_number": f"T.{n:05d}",
        "title": f"Test object {n}",
        "object_type": "painting",
        "licence": "PDM-1.0",
        "visibility": Visibility.PUBLIC,
        "description": "A test object.",
        "date_display": "1850",
        "date_start": 1850,
        "date_end": 1850,
    }
    defaults.update(fields)
    obj = CollectionObject.objects.create(**defaults)
    if creator is not None:
        ObjectCreator.objects.create(collection_object=obj, agent=creator, role="artist")
    return obj


def add_image(
    obj: CollectionObject, *, width: int = 64, height: int = 48, order: int = 0
) -> ObjectImage:
    data = jpeg_bytes(width, height)
    image = ObjectImage(
        collection_object=obj, checksum=sha256(data), alt_text=f"Image of {obj.title}", order=order
    )
    image.original.save(f"{obj.slug}-{order}.jpg", ContentFile(data), save=False)
    image.width, image.height = width, height
    image.save()
    return image


def add_model(obj: CollectionObject, *, order: int = 0) -> ObjectModel3D:
    data = glb_bytes()
    model = ObjectModel3D(
        collection_object=obj,
        checksum=sha256(data),
        size_bytes=len(data),
        alt_text=f"3D model of {obj.title}",
        order=order,
    )
    model.glb.save(f"{obj.slug}-{order}.glb", ContentFile(data), save=False)
    model.save()
    return model


def add_restoration(
    image: ObjectImage,
    *,
    status: str = ReviewStatus.DRAFT,
    reviewer: User | None = None,
    engine: str = "telea",
) -> Restoration:
    now = datetime.now(UTC)
    output = MachineOutput.objects.create(
        kind=MachineOutputKind.RESTORATION,
        collection_object=image.collection_object,
        method="inpainting",
        engine=engine,
        engine_version="4.10.0",
        parameters={"radius": 3},
        input_checksums={"source": image.checksum},
        produced_at=now,
        status=status,
        reviewed_by=reviewer if status != ReviewStatus.DRAFT else None,
        reviewed_at=now if status != ReviewStatus.DRAFT else None,
    )
    restoration = Restoration(source_image=image, machine_output=output)
    restoration.result.save(
        f"restored-{output.pk}.png", ContentFile(png_bytes(image.width, image.height)), save=False
    )
    restoration.mask.save(
        f"mask-{output.pk}.png",
        ContentFile(png_bytes(image.width, image.height, (255, 255, 255))),
        save=False,
    )
    restoration.save()
    return restoration


def make_exhibition(*objects: CollectionObject, **fields: Any) -> Exhibition:
    n = next(_seq)
    defaults: dict[str, Any] = {
        "slug": f"exhibition-{n}",
        "title": f"Exhibition {n}",
        "summary": "A test exhibition.",
        "visibility": Visibility.PUBLIC,
        "featured": True,
    }
    defaults.update(fields)
    exhibition = Exhibition.objects.create(**defaults)
    section = ExhibitionSection.objects.create(
        exhibition=exhibition, order=0, heading="First room", body="Introductory text."
    )
    for order, obj in enumerate(objects):
        SectionObject.objects.create(section=section, collection_object=obj, order=order)
    return exhibition


def add_translation(
    obj: CollectionObject, language: str, *, title: str, description: str = ""
) -> ObjectTranslation:
    """The record's title (and description) in another site language."""
    return ObjectTranslation.objects.create(
        collection_object=obj, language=language, title=title, description=description
    )


def add_description(
    obj: CollectionObject,
    *,
    long_text: str = DESCRIPTION_LONG_TEXT,
    short_text: str = "Painting, oil on canvas, landscape: a harbour at dusk.",
    alt_text: str = "A harbour at dusk with two boats",
    language: str = "en",
    status: str = ReviewStatus.DRAFT,
    reviewer: User | None = None,
) -> Description:
    """A verbal description, recorded the way the drafting step records one (a machine
    output by the "templates 2" engine), then reviewed when ``status`` says so."""
    now = datetime.now(UTC)
    reviewed = status != ReviewStatus.DRAFT
    output = MachineOutput.objects.create(
        kind=MachineOutputKind.DESCRIPTION,
        collection_object=obj,
        method="verbal description",
        engine="templates",
        engine_version="2",
        produced_at=now,
        status=status,
        reviewed_by=reviewer if reviewed else None,
        reviewed_at=now if reviewed else None,
    )
    return Description.objects.create(
        collection_object=obj,
        machine_output=output,
        language=language,
        alt_text=alt_text,
        short_text=short_text,
        long_text=long_text,
    )

"""Search by photo says when nothing in the collection looks close, and finds what does."""

import numpy as np
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image, ImageDraw

from exhibition.models import CollectionObject, ObjectImage
from tests import builders
from tests.search.photo.images import encoded

pytestmark = pytest.mark.django_db

INK = {
    "stripes": (20, 40, 160),
    "checks": (160, 30, 20),
    "rings": (30, 120, 40),
    "diagonals": (120, 60, 140),
    "dots": (200, 140, 20),
    "bands": (40, 40, 40),
}


def _pattern(name: str) -> Image.Image:
    image = Image.new("RGB", (240, 180), (235, 230, 215))
    draw, ink = ImageDraw.Draw(image), INK[name]
    if name == "stripes":
        for x in range(0, 240, 24):
            draw.rectangle([x, 0, x + 10, 180], fill=ink)
    elif name == "checks":
        for x in range(0, 240, 30):
            for y in range(0, 180, 30):
                if (x + y) // 30 % 2:
                    draw.rectangle([x, y, x + 29, y + 29], fill=ink)
    elif name == "rings":
        for radius in range(10, 120, 16):
            draw.ellipse(
                [120 - radius, 90 - radius, 120 + radius, 90 + radius], outline=ink, width=5
            )
    elif name == "diagonals":
        for x in range(-180, 240, 20):
            draw.line([x, 180, x + 180, 0], fill=ink, width=6)
    elif name == "dots":
        for x in range(12, 240, 28):
            for y in range(12, 180, 28):
                draw.ellipse([x - 7, y - 7, x + 7, y + 7], fill=ink)
    else:
        for y in range(0, 180, 45):
            draw.rectangle([0, y, 240, y + 20], fill=ink)
    return image


def _pictured(name: str) -> CollectionObject:
    obj = builders.make_object(title=f"A {name} sampler", description=f"Needlework: {name}.")
    data = encoded(_pattern(name), "JPEG", quality=92)
    image = ObjectImage(collection_object=obj, checksum=builders.sha256(data), alt_text=name)
    image.original.save(f"{obj.slug}.jpg", ContentFile(data), save=False)
    image.width, image.height = 240, 180
    image.save()
    return obj


@pytest.fixture
def samplers() -> dict[str, CollectionObject]:
    from search import relevance
    from search.embeddings import object_embed
    from search.indexing import rebuild_indexes

    objects = {name: _pictured(name) for name in INK}
    for obj in objects.values():
        object_embed(collection_object=obj)
    rebuild_indexes()
    relevance.forget()
    return objects


def _photo_of(name: str) -> bytes:
    """A visitor's snapshot of the object: off-centre, a little dimmer, recompressed."""
    picture = _pattern(name).crop((14, 8, 230, 172)).resize((320, 243))
    dimmer = Image.eval(picture, lambda value: int(value * 0.9))
    return encoded(dimmer, "JPEG", quality=75)


def _unrelated() -> bytes:
    noise = np.random.default_rng(7).integers(0, 256, (240, 320, 3), dtype=np.uint8)
    return encoded(Image.fromarray(noise), "PNG")


def _search(client: Client, data: bytes, url: str = "/api/search/by-image/") -> object:
    upload = SimpleUploadedFile("photo.jpg", data, content_type="image/jpeg")
    return client.post(url, {"image": upload})


def test_a_photo_of_an_object_finds_it_first_and_only_what_looks_close(
    client: Client, samplers: dict[str, CollectionObject]
) -> None:
    body = _search(client, _photo_of("rings")).json()  # type: ignore[attr-defined]
    assert body["match"] == "matched"
    assert body["results"][0]["object"]["slug"] == samplers["rings"].slug
    assert body["count"] == len(body["results"]) < len(samplers)


@pytest.mark.parametrize("picture", ["noise", "flat grey"])
def test_an_unrelated_picture_finds_nothing_close(
    client: Client, samplers: dict[str, CollectionObject], picture: str
) -> None:
    flat = encoded(Image.new("RGB", (320, 240), (128, 128, 128)), "PNG")
    body = _search(client, _unrelated() if picture == "noise" else flat).json()  # type: ignore[attr-defined]
    assert (body["match"], body["count"], body["results"]) == ("none", 0, [])


def test_the_page_says_nothing_looks_close_to_the_photo(
    client: Client, samplers: dict[str, CollectionObject]
) -> None:
    response = _search(client, _unrelated(), url="/search/photo/")
    html = response.content.decode()  # type: ignore[attr-defined]
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "Nothing in the collection looks close to your photo" in html
    assert 'class="search-hit"' not in html
    found = _search(client, _photo_of("checks"), url="/search/photo/").content.decode()  # type: ignore[attr-defined]
    assert samplers["checks"].title in found and "result" in found

"""Downloads carry their licence: in the file, beside the button, and only where allowed."""

import io
import json
import struct
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.test import Client
from PIL import Image, IptcImagePlugin

from exhibition.downloads.glb_metadata import JSON_CHUNK
from exhibition.downloads.image_metadata import NS
from exhibition.models import CollectionObject, ObjectImage, ObjectModel3D, Visibility
from exhibition.restoration_display import AI_LABEL
from exhibition.restoration_downloads import BAND_COLOUR
from tests import builders

pytestmark = pytest.mark.django_db

CREDIT = "Photo: Example Museum"
PAGE = "http://testserver/objects/harbour/"


def harbour(**fields: object) -> CollectionObject:
    defaults: dict[str, object] = {
        "slug": "harbour",
        "title": "Harbour at dusk",
        "licence": "CC-BY-4.0",
        "credit_line": CREDIT,
        "creator": builders.make_agent("Anna Ancher"),
    }
    return builders.make_object(**{**defaults, **fields})


def image_url(image: ObjectImage, size: str, slug: str = "harbour") -> str:
    return f"/objects/{slug}/download/image-{image.pk}-{size}.jpg"


def model_url(model: ObjectModel3D, slug: str = "harbour") -> str:
    return f"/objects/{slug}/download/model-{model.pk}.glb"


def body(response: object) -> bytes:
    return b"".join(response.streaming_content)  # type: ignore[attr-defined]


def xmp_values(picture: Image.Image) -> dict[str, list[str]]:
    """Every XMP property's text (or rdf:resource), by prefixed name."""
    root = ET.fromstring(picture.info["xmp"])
    names = {f"{{{uri}}}": prefix for prefix, uri in NS.items()}
    values: dict[str, list[str]] = {}
    for element in root.iter():
        for uri, prefix in names.items():
            if element.tag.startswith(uri) and prefix in {"dc", "xmpRights", "photoshop", "cc"}:
                texts = [t.strip() for t in element.itertext() if t.strip()]
                resource = element.get(f"{{{NS['rdf']}}}resource")
                values[f"{prefix}:{element.tag[len(uri) :]}"] = texts or [resource or ""]
    return values


def glb_chunks(data: bytes) -> list[tuple[int, bytes]]:
    magic, version, length = struct.unpack_from("<4sII", data)
    assert (magic, version, length) == (b"glTF", 2, len(data))
    chunks, offset = [], 12
    while offset < len(data):
        chunk_length, chunk_type = struct.unpack_from("<II", data, offset)
        assert chunk_length % 4 == 0 and offset % 4 == 0
        chunks.append((chunk_type, data[offset + 8 : offset + 8 + chunk_length]))
        offset += 8 + chunk_length
    assert offset == len(data)
    return chunks


# --- images ---------------------------------------------------------------------------


def test_jpeg_carries_licence_and_credit_in_xmp_iptc_and_exif(client: Client) -> None:
    image = builders.add_image(harbour(), width=1000, height=500)

    response = client.get(image_url(image, "800"))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == 'attachment; filename="harbour-0-800.jpg"'
    picture = Image.open(io.BytesIO(body(response)))
    assert picture.format == "JPEG" and picture.size == (800, 400)
    xmp = xmp_values(picture)
    licence_url = "https://creativecommons.org/licenses/by/4.0/"
    assert xmp["dc:title"] == ["Harbour at dusk"]
    assert xmp["dc:creator"] == ["Anna Ancher"]
    assert CREDIT in xmp["dc:rights"][0] and licence_url in xmp["dc:rights"][0]
    assert xmp["xmpRights:UsageTerms"] == xmp["dc:rights"]
    assert xmp["xmpRights:WebStatement"] == [licence_url]
    assert xmp["xmpRights:Marked"] == ["True"]
    assert xmp["photoshop:Credit"] == [f"CC BY 4.0 · {CREDIT}"]
    assert xmp["cc:license"] == [licence_url]
    assert xmp["dc:source"] == [PAGE]
    iptc = IptcImagePlugin.getiptcinfo(picture)
    assert iptc is not None
    assert iptc[(2, 5)] == b"Harbour at dusk"
    assert iptc[(2, 80)] == b"Anna Ancher"
    assert b"Creative Commons Attribution 4.0" in iptc[(2, 116)]
    exif = picture.getexif()
    assert exif[0x013B] == "Anna Ancher"
    assert CREDIT in exif[0x8298]


def test_public_domain_is_not_marked_as_rights_reserved(client: Client) -> None:
    image = builders.add_image(harbour(licence="PDM-1.0"), width=300, height=200)

    picture = Image.open(io.BytesIO(body(client.get(image_url(image, "full")))))

    xmp = xmp_values(picture)
    assert xmp["xmpRights:Marked"] == ["False"]
    assert xmp["xmpRights:WebStatement"] == ["https://creativecommons.org/publicdomain/mark/1.0/"]


def test_iptc_text_is_utf8(client: Client) -> None:
    image = builders.add_image(harbour(title="Port au crépuscule"), width=300, height=200)

    picture = Image.open(io.BytesIO(body(client.get(image_url(image, "full")))))

    iptc = IptcImagePlugin.getiptcinfo(picture)
    assert iptc is not None
    assert iptc[(1, 90)] == b"\x1b%G"  # the ISO 2022 escape that declares UTF-8
    assert iptc[(2, 5)] == "Port au crépuscule".encode()
    assert xmp_values(picture)["dc:title"] == ["Port au crépuscule"]


@pytest.mark.parametrize(
    ("size", "expected"), [("800", (800, 400)), ("1600", (1600, 800)), ("full", (2000, 1000))]
)
def test_each_offered_size_has_its_long_edge(
    client: Client, size: str, expected: tuple[int, int]
) -> None:
    image = builders.add_image(harbour(), width=2000, height=1000)

    picture = Image.open(io.BytesIO(body(client.get(image_url(image, size)))))

    assert picture.size == expected


@pytest.mark.parametrize("size", ["2400", "100", "0", "-1", "full-size", "800px"])
def test_sizes_outside_the_fixed_list_are_not_found(client: Client, size: str) -> None:
    image = builders.add_image(harbour(), width=2000, height=1000)

    assert client.get(image_url(image, size)).status_code == 404


def test_sizes_larger_than_the_image_are_not_offered(client: Client) -> None:
    image = builders.add_image(harbour(), width=600, height=400)

    assert client.get(image_url(image, "800")).status_code == 404
    assert client.get(image_url(image, "1600")).status_code == 404
    picture = Image.open(io.BytesIO(body(client.get(image_url(image, "full")))))
    assert picture.size == (600, 400)


def test_full_size_is_bounded_by_the_pixel_limit(client: Client, settings: object) -> None:
    settings.VITRINE_MAX_IMAGE_PIXELS = 500_000  # type: ignore[attr-defined]
    image = builders.add_image(harbour(), width=2000, height=1000)

    picture = Image.open(io.BytesIO(body(client.get(image_url(image, "full")))))

    assert picture.width * picture.height <= 500_000
    assert abs(picture.width / picture.height - 2) < 0.01


def test_generated_file_is_cached_by_content_and_never_served_as_media(
    client: Client, settings: object
) -> None:
    obj = harbour()
    image = builders.add_image(obj, width=400, height=300)
    client.get(image_url(image, "full"))
    folder = Path(settings.MEDIA_ROOT) / "downloads"  # type: ignore[attr-defined]
    cached = sorted(folder.rglob("*.jpg"))
    assert len(cached) == 1
    modified = cached[0].stat().st_mtime_ns

    client.get(image_url(image, "full"))
    assert sorted(folder.rglob("*.jpg")) == cached
    assert cached[0].stat().st_mtime_ns == modified
    name = cached[0].relative_to(settings.MEDIA_ROOT).as_posix()  # type: ignore[attr-defined]
    assert client.get(f"/media/{name}").status_code == 404

    # A new credit is a new file: a stale notice is never handed out.
    obj.credit_line = "Photo: Another Museum"
    obj.save()
    picture = Image.open(io.BytesIO(body(client.get(image_url(image, "full")))))
    assert len(sorted(folder.rglob("*.jpg"))) == 2
    assert xmp_values(picture)["photoshop:Credit"] == ["CC BY 4.0 · Photo: Another Museum"]


# --- who may download -----------------------------------------------------------------


@pytest.mark.parametrize("licence", ["InC", "InC-EDU", "CNE", "CC-BY-ND-4.0", "NoC-US"])
def test_licences_that_forbid_copies_are_refused_with_a_page(client: Client, licence: str) -> None:
    obj = harbour(licence=licence)
    image = builders.add_image(obj, width=1000, height=500)
    model = builders.add_model(obj)

    for url in (image_url(image, "800"), model_url(model)):
        response = client.get(url)
        assert response.status_code == 403
        assert "This file is not available for download" in response.content.decode()
        assert "Content-Disposition" not in response
    page = client.get("/objects/harbour/").content.decode()
    assert "cannot be downloaded" in page
    assert "/download/" not in page


@pytest.mark.parametrize("visibility", [Visibility.RESTRICTED, Visibility.DRAFT])
def test_hidden_objects_look_absent(client: Client, visibility: str) -> None:
    obj = harbour(visibility=visibility)
    image = builders.add_image(obj, width=1000, height=500)
    model = builders.add_model(obj)

    assert client.get(image_url(image, "800")).status_code == 404
    assert client.get(model_url(model)).status_code == 404


def test_media_of_another_object_is_not_found_under_this_one(client: Client) -> None:
    hidden = harbour(slug="hidden", visibility=Visibility.RESTRICTED)
    image = builders.add_image(hidden, width=1000, height=500)
    model = builders.add_model(hidden)
    harbour(slug="public-one")

    assert client.get(image_url(image, "800", slug="public-one")).status_code == 404
    assert client.get(model_url(model, slug="public-one")).status_code == 404


# --- 3D models ------------------------------------------------------------------------


def test_glb_carries_the_notice_in_its_asset_and_keeps_its_binary_chunk(client: Client) -> None:
    model = builders.add_model(harbour())
    original = builders.glb_bytes()

    response = client.get(model_url(model))

    assert response.status_code == 200
    assert response["Content-Type"] == "model/gltf-binary"
    assert response["Content-Disposition"] == 'attachment; filename="harbour-0.glb"'
    data = body(response)
    chunks = glb_chunks(data)
    assert [kind for kind, _ in chunks] == [kind for kind, _ in glb_chunks(original)]
    assert chunks[0][0] == JSON_CHUNK
    assert chunks[1:] == glb_chunks(original)[1:]  # the binary chunk, byte for byte
    document = json.loads(chunks[0][1])
    asset = document["asset"]
    assert asset["version"] == "2.0" and asset["generator"] == "vitrine tests"
    assert CREDIT in asset["copyright"]
    assert "Creative Commons Attribution 4.0" in asset["copyright"]
    rights = asset["extras"]["rights"]
    assert rights["title"] == "Harbour at dusk"
    assert rights["creators"] == ["Anna Ancher"]
    assert rights["licence_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert rights["source"] == PAGE
    original_document = json.loads(glb_chunks(original)[0][1])
    assert {k: v for k, v in document.items() if k != "asset"} == {
        k: v for k, v in original_document.items() if k != "asset"
    }


def test_a_broken_glb_is_not_found_rather_than_an_error(client: Client) -> None:
    obj = harbour()
    model = builders.add_model(obj)
    model.glb.save("broken.glb", ContentFile(b"glTF\x02\x00\x00\x00garbage"), save=True)

    assert client.get(model_url(model)).status_code == 404


def test_a_missing_original_is_not_found_rather_than_an_error(client: Client) -> None:
    image = builders.add_image(harbour(), width=1000, height=500)
    Path(image.original.path).unlink()

    assert client.get(image_url(image, "800")).status_code == 404


def test_a_model_over_the_size_limit_is_not_offered(client: Client, settings: object) -> None:
    model = builders.add_model(harbour())
    settings.VITRINE_MAX_MODEL_BYTES = 100  # type: ignore[attr-defined]

    assert client.get(model_url(model)).status_code == 404


# --- restorations ---------------------------------------------------------------------


def test_restoration_keeps_its_label_band_and_gains_the_licence(
    client: Client, curator: User
) -> None:
    image = builders.add_image(harbour(), width=320, height=200)
    item = builders.add_restoration(image, status="approved", reviewer=curator)

    response = client.get(f"/objects/harbour/restorations/{item.pk}/download.png")

    picture = Image.open(io.BytesIO(response.content))
    text = picture.text  # type: ignore[attr-defined]
    assert text["Title"] == f"{AI_LABEL}: Harbour at dusk"
    assert text["Disclaimer"].startswith(AI_LABEL)
    assert text["Author"] == "Anna Ancher"
    assert CREDIT in text["Copyright"] and "Attribution 4.0" in text["Copyright"]
    assert text["Source"] == PAGE
    assert AI_LABEL in text["XML:com.adobe.xmp"]
    band = picture.convert("RGB").crop((0, 200, 320, picture.height))
    assert picture.height > 210 and band.getpixel((1, 1)) == BAND_COLOUR


def test_restoration_of_an_in_copyright_object_is_refused(client: Client, curator: User) -> None:
    image = builders.add_image(harbour(licence="InC"), width=320, height=200)
    item = builders.add_restoration(image, status="approved", reviewer=curator)

    response = client.get(f"/objects/harbour/restorations/{item.pk}/download.png")

    assert response.status_code == 403
    # and the object page does not offer the button that would lead there
    page = client.get("/objects/harbour/").content.decode()
    assert "restoration-compare" in page
    assert f"/restorations/{item.pk}/download.png" not in page


# --- the panel ------------------------------------------------------------------------


def test_object_page_offers_sizes_with_pixels_beside_the_licence(client: Client) -> None:
    obj = harbour()
    image = builders.add_image(obj, width=2000, height=1000)
    model = builders.add_model(obj)

    page = client.get("/objects/harbour/").content.decode()

    assert image_url(image, "800") in page and "800 × 400 pixels" in page
    assert image_url(image, "1600") in page and "1600 × 800 pixels" in page
    assert image_url(image, "full") in page and "Full size, 2000 × 1000 pixels" in page
    assert model_url(model) in page and "GLB, " in page
    panel = page[page.index('class="downloads"') :]
    assert 'rel="license">Creative Commons Attribution 4.0</a>' in panel
    assert CREDIT in panel


def test_object_page_in_french_offers_the_downloads_in_french(client: Client) -> None:
    obj = harbour()
    image = builders.add_image(obj, width=2000, height=1000)

    page = client.get("/fr/objects/harbour/").content.decode()

    assert f"/fr/objects/harbour/download/image-{image.pk}-800.jpg" in page
    assert "800 × 400 pixels" in page
    assert "Taille réelle, 2000 × 1000 pixels" in page
    assert "Full size" not in page
    assert "Mention à faire figurer en cas de réutilisation" in page


def test_refusal_page_in_french(client: Client) -> None:
    image = builders.add_image(harbour(licence="InC"), width=1000, height=500)

    response = client.get(f"/fr/objects/harbour/download/image-{image.pk}-800.jpg")

    page = response.content.decode()
    assert response.status_code == 403
    assert "Ce fichier n’est pas disponible au téléchargement" in page
    assert "Ses droits sont réservés ou inconnus" in page
    assert "not available for download" not in page


def test_no_panel_for_an_object_without_images_or_models(client: Client) -> None:
    harbour(licence="InC")

    page = client.get("/objects/harbour/").content.decode()

    assert 'class="downloads"' not in page

"""A downloaded reconstruction says what it is, in its pixels and in its metadata."""

import io
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from PIL import Image

from exhibition import restoration_downloads as downloads
from exhibition.models import Restoration, ReviewStatus, Visibility
from exhibition.restoration_display import AI_LABEL
from exhibition.restoration_downloads import BAND_COLOUR, TEXT_COLOUR, labelled_image
from tests import builders

pytestmark = pytest.mark.django_db

WIDTH, HEIGHT = 320, 200


def restoration(
    curator: User, *, status: str = ReviewStatus.APPROVED, **fields: object
) -> Restoration:
    obj = builders.make_object(slug="torn-map", title="Torn map", **fields)
    image = builders.add_image(obj, width=WIDTH, height=HEIGHT)
    return builders.add_restoration(image, status=status, reviewer=curator, engine="biharmonic")


def url(item: Restoration) -> str:
    return f"/objects/torn-map/restorations/{item.pk}/download.png"


def test_download_is_an_attachment_with_the_label_in_its_metadata(
    client: Client, curator: User
) -> None:
    item = restoration(curator)
    output = item.machine_output

    response = client.get(url(item))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "torn-map-ai-reconstruction" in response["Content-Disposition"]
    text = Image.open(io.BytesIO(response.content)).text  # type: ignore[attr-defined]
    assert text["Description"] == (
        f"{AI_LABEL} · biharmonic 4.10.0 · {output.produced_at:%Y-%m-%d}"
    )
    assert text["Source"] == "http://testserver/objects/torn-map/"
    provenance = json.loads(text["Comment"])
    assert provenance["label"] == AI_LABEL
    assert provenance["engine"] == "biharmonic"
    assert provenance["engine_version"] == "4.10.0"
    assert provenance["parameters"] == {"radius": 3}
    assert provenance["input_checksums"] == output.input_checksums
    assert provenance["review"]["status"] == ReviewStatus.APPROVED


def test_downloaded_image_carries_a_label_band_under_the_reconstruction(
    client: Client, curator: User
) -> None:
    item = restoration(curator)

    picture = Image.open(io.BytesIO(client.get(url(item)).content)).convert("RGB")

    width, height = picture.size
    assert width == WIDTH and height > HEIGHT + 10
    # The reconstruction itself is untouched above the band ...
    assert picture.getpixel((WIDTH // 2, HEIGHT // 2)) == (180, 90, 40)
    # ... and the band below is dark with white lettering in it.
    band = picture.crop((0, HEIGHT, width, height))
    colours = {colour for _, colour in band.getcolors(maxcolors=width * height) or []}
    assert BAND_COLOUR in colours and TEXT_COLOUR in colours


def test_label_wraps_to_fit_a_narrow_image() -> None:
    narrow = Image.new("RGB", (60, 40), (200, 200, 200))

    labelled = labelled_image(narrow, f"{AI_LABEL} · telea 4.10.0 · 2026-01-01")

    assert labelled.width == 60
    assert labelled.height > 40 + 3 * 10  # several lines of at least the minimum size


@pytest.mark.parametrize("status", [ReviewStatus.DRAFT, ReviewStatus.REJECTED])
def test_unapproved_restorations_cannot_be_downloaded(
    client: Client, curator: User, status: str
) -> None:
    item = restoration(curator, status=status)

    assert client.get(url(item)).status_code == 404


@pytest.mark.parametrize("visibility", [Visibility.RESTRICTED, Visibility.DRAFT])
def test_restorations_of_hidden_objects_cannot_be_downloaded(
    client: Client, curator: User, visibility: str
) -> None:
    item = restoration(curator, visibility=visibility)

    assert client.get(url(item)).status_code == 404


def test_a_restoration_of_another_object_is_not_found_under_this_one(
    client: Client, curator: User
) -> None:
    item = restoration(curator)
    builders.make_object(slug="other-object")

    response = client.get(f"/objects/other-object/restorations/{item.pk}/download.png")

    assert response.status_code == 404


def test_label_is_drawn_with_pillows_own_font_when_dejavu_is_absent(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(downloads, "DEJAVU", tmp_path / "absent.ttf")
    downloads.label_font.cache_clear()
    try:
        labelled = labelled_image(Image.new("RGB", (400, 100)), f"{AI_LABEL} · ns 1 · 2026-01-01")
    finally:
        downloads.label_font.cache_clear()

    band = labelled.crop((0, 100, 400, labelled.height))
    assert TEXT_COLOUR in {colour for _, colour in band.getcolors(maxcolors=400 * 200) or []}

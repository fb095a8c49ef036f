"""A restoration's IIIF Image service: visible exactly when the restoration is public.

Tiles are cut for real (small images, small tiles) and stay on disk whatever the review
state does next, so every refusal below is the view's decision, not a missing file.
"""

import io
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from PIL import Image

from exhibition.iiif.restoration_tiles import restoration_generate_tiles
from exhibition.iiif.tiles import tile_specs
from exhibition.models import MachineOutput, Restoration, ReviewStatus, Visibility
from tests import builders

pytestmark = pytest.mark.django_db

TILE = 32
WIDTH, HEIGHT = 96, 64


@pytest.fixture(autouse=True)
def _small_tiles(settings: Any) -> None:
    settings.VITRINE_TILE_SIZE = TILE


@pytest.fixture
def make_tiled_restoration(curator: User) -> Callable[..., Restoration]:
    def make(
        *, status: str = ReviewStatus.APPROVED, visibility: str = Visibility.PUBLIC
    ) -> Restoration:
        obj = builders.make_object(visibility=visibility)
        image = builders.add_image(obj, width=WIDTH, height=HEIGHT)
        restoration = builders.add_restoration(image, status=status, reviewer=curator)
        restoration_generate_tiles(restoration=restoration)
        return restoration

    return make


def _info_url(restoration: Restoration) -> str:
    return f"/iiif/restoration/{restoration.pk}/info.json"


def _tile_url(restoration: Restoration) -> str:
    return f"/iiif/restoration/{restoration.pk}/0,0,{TILE},{TILE}/{TILE},{TILE}/0/default.jpg"


def test_approved_restoration_has_an_info_json_of_its_own_size(
    client: Client, make_tiled_restoration: Callable[..., Restoration]
) -> None:
    restoration = make_tiled_restoration()

    response = client.get(_info_url(restoration))

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    info = json.loads(response.content)
    assert info["id"] == f"http://testserver/iiif/restoration/{restoration.pk}"
    assert (info["type"], info["profile"]) == ("ImageService3", "level0")
    # The same size as the original, so the two layers line up pixel for pixel.
    assert (info["width"], info["height"]) == (WIDTH, HEIGHT)
    assert info["tiles"] == [{"width": TILE, "scaleFactors": [1, 2, 4]}]


def test_every_tile_of_an_approved_restoration_is_served(
    client: Client, make_tiled_restoration: Callable[..., Restoration]
) -> None:
    restoration = make_tiled_restoration()

    for spec in tile_specs(WIDTH, HEIGHT, TILE):
        response = client.get(f"/iiif/restoration/{restoration.pk}/{spec.path}")
        assert response.status_code == 200, spec.path
        assert response["Content-Type"] == "image/jpeg"
        body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
        with Image.open(io.BytesIO(body)) as tile:
            left, top, right, bottom = spec.box
            assert tile.size == (right - left, bottom - top), spec.path


def test_tiles_show_the_reconstruction_not_the_original(
    client: Client, make_tiled_restoration: Callable[..., Restoration]
) -> None:
    restoration = make_tiled_restoration()
    # The builders' original is blue, their reconstruction orange.
    response = client.get(_tile_url(restoration))
    body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    with Image.open(io.BytesIO(body)) as tile:
        red, _green, blue = tile.convert("RGB").getpixel((TILE // 2, TILE // 2))  # type: ignore[misc]
    assert red > 150 and blue < 80


def test_restoration_tiles_expire_from_caches_within_a_day(
    client: Client, make_tiled_restoration: Callable[..., Restoration]
) -> None:
    # An approval can be withdrawn; the tiles must not outlive it in caches for a week.
    response = client.get(_tile_url(make_tiled_restoration()))
    assert response["Cache-Control"] == "public, max-age=86400"


@pytest.mark.parametrize("status", [ReviewStatus.DRAFT, ReviewStatus.REJECTED])
def test_pending_or_rejected_restoration_is_not_found(
    client: Client, make_tiled_restoration: Callable[..., Restoration], status: str
) -> None:
    restoration = make_tiled_restoration(status=status)

    for url in (_info_url(restoration), _tile_url(restoration)):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Access-Control-Allow-Origin"] == "*"
    assert client.get(f"/iiif/restoration/{restoration.pk}").status_code == 404


def test_withdrawn_approval_hides_tiles_already_cut(
    client: Client, make_tiled_restoration: Callable[..., Restoration]
) -> None:
    restoration = make_tiled_restoration()
    assert client.get(_tile_url(restoration)).status_code == 200

    MachineOutput.objects.filter(pk=restoration.machine_output_id).update(status=ReviewStatus.DRAFT)

    assert client.get(_info_url(restoration)).status_code == 404
    assert client.get(_tile_url(restoration)).status_code == 404


@pytest.mark.parametrize("visibility", [Visibility.RESTRICTED, Visibility.DRAFT])
def test_approved_restoration_of_a_hidden_object_is_not_found(
    client: Client, make_tiled_restoration: Callable[..., Restoration], visibility: str
) -> None:
    restoration = make_tiled_restoration(visibility=visibility)

    assert client.get(_info_url(restoration)).status_code == 404
    assert client.get(_tile_url(restoration)).status_code == 404


def test_staff_get_no_more_than_visitors(
    client: Client, curator: User, make_tiled_restoration: Callable[..., Restoration]
) -> None:
    # The review page shows the result file itself; the tiles are only for the public page.
    restoration = make_tiled_restoration(status=ReviewStatus.DRAFT)
    client.force_login(curator)

    assert client.get(_info_url(restoration)).status_code == 404


def test_guessed_and_malformed_identifiers_are_not_found(
    client: Client, make_tiled_restoration: Callable[..., Restoration]
) -> None:
    restoration = make_tiled_restoration()
    for url in (
        f"/iiif/restoration/{restoration.pk + 1000}/info.json",
        "/iiif/restoration/0/info.json",
        "/iiif/restoration/1234567890123/info.json",
        f"/iiif/restoration/{restoration.pk}/../{restoration.pk}/info.json",
        f"/iiif/restoration/{restoration.pk}/0,0,1,1/1,1/0/default.jpg",
        f"/iiif/restoration/{restoration.pk}/full/max/0/default.png",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/json", url


@pytest.mark.parametrize("status", [ReviewStatus.APPROVED, ReviewStatus.DRAFT])
def test_tile_files_cannot_be_fetched_around_the_check(
    client: Client, make_tiled_restoration: Callable[..., Restoration], status: str
) -> None:
    # Stored under MEDIA_ROOT, but no record names them: /media/ never serves them.
    restoration = make_tiled_restoration(status=status)
    folder = f"/media/iiif-restorations/{restoration.pk}"

    assert client.get(f"{folder}/info.json").status_code == 404
    assert client.get(f"{folder}/full/max/0/default.jpg").status_code == 404


def test_tiles_wait_until_marked_ready(
    client: Client, make_tiled_restoration: Callable[..., Restoration]
) -> None:
    restoration = make_tiled_restoration()
    Restoration.objects.filter(pk=restoration.pk).update(tiles_ready=False)

    assert client.get(_info_url(restoration)).status_code == 404
    assert client.get(_tile_url(restoration)).status_code == 404


def test_base_url_redirects_to_info_json(
    client: Client, make_tiled_restoration: Callable[..., Restoration]
) -> None:
    restoration = make_tiled_restoration()

    response = client.get(f"/iiif/restoration/{restoration.pk}")

    assert response.status_code == 303
    assert response["Location"] == _info_url(restoration)


def test_manifest_points_viewers_at_the_restoration_tiles(
    client: Client, make_tiled_restoration: Callable[..., Restoration]
) -> None:
    restoration = make_tiled_restoration()
    slug = restoration.source_image.collection_object.slug

    manifest = client.get(f"/iiif/{slug}/manifest.json").json()

    canvas = next(c for c in manifest["items"] if c["id"].endswith(f"restoration-{restoration.pk}"))
    body = canvas["items"][0]["items"][0]["body"]
    assert body["service"] == [
        {
            "id": f"http://testserver/iiif/restoration/{restoration.pk}",
            "type": "ImageService3",
            "profile": "level0",
        }
    ]
    assert body["id"].endswith(restoration.result.url)


def test_object_page_feeds_the_comparison_from_the_tiles(
    client: Client, make_tiled_restoration: Callable[..., Restoration]
) -> None:
    restoration = make_tiled_restoration()
    slug = restoration.source_image.collection_object.slug

    html = client.get(f"/objects/{slug}/").content.decode()

    assert f'data-result-info-url="{_info_url(restoration)}"' in html
    # The full-size result is only in the no-JavaScript fallback, which a browser
    # running the viewer never fetches.
    fallbacks = "".join(re.findall(r"<noscript>.*?</noscript>", html, flags=re.DOTALL))
    outside = re.sub(r"<noscript>.*?</noscript>", "", html, flags=re.DOTALL)
    assert f'src="{restoration.result.url}"' in fallbacks
    assert f'src="{restoration.result.url}"' not in outside


def test_object_page_uses_the_file_until_tiles_are_cut(client: Client, curator: User) -> None:
    image = builders.add_image(builders.make_object(slug="fresco"), width=WIDTH, height=HEIGHT)
    builders.add_restoration(image, status=ReviewStatus.APPROVED, reviewer=curator)

    html = client.get("/objects/fresco/").content.decode()

    assert "data-result-info-url" not in html

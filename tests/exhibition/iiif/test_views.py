"""IIIF Image API level 0: info.json, tiles, the base redirect, CORS and refusals."""

import io
import json

import pytest
from django.test import Client
from PIL import Image

from exhibition.models import Visibility
from tests import builders
from tests.exhibition.iiif.helpers import write_tiles

pytestmark = pytest.mark.django_db


@pytest.fixture
def tiled_image():  # type: ignore[no-untyped-def]
    obj = builders.make_object(slug="harbour", title="Harbour at dusk")
    image = builders.add_image(obj, width=96, height=64)
    write_tiles(image)
    return image


def test_info_json_names_its_own_absolute_base_url(client: Client, tiled_image) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/iiif/image/harbour-0/info.json")
    assert response.status_code == 200
    info = json.loads(response.content)
    assert info["id"] == "http://testserver/iiif/image/harbour-0"
    assert info["type"] == "ImageService3"
    assert info["profile"] == "level0"
    assert (info["width"], info["height"]) == (96, 64)


def test_info_json_is_plain_json_unless_json_ld_is_asked_for(client: Client, tiled_image) -> None:  # type: ignore[no-untyped-def]
    plain = client.get("/iiif/image/harbour-0/info.json", HTTP_ACCEPT="application/json")
    assert plain["Content-Type"] == "application/json"
    assert "http://iiif.io/api/image/3/context.json" in plain["Link"]

    linked = client.get("/iiif/image/harbour-0/info.json", HTTP_ACCEPT="application/ld+json")
    assert linked["Content-Type"] == (
        'application/ld+json;profile="http://iiif.io/api/image/3/context.json"'
    )
    assert "Accept" in linked["Vary"]


def test_info_json_is_cacheable_and_open_to_other_origins(client: Client, tiled_image) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/iiif/image/harbour-0/info.json", HTTP_ORIGIN="https://viewer.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"].startswith("public, max-age=")


def test_info_json_of_hidden_objects_is_not_found(client: Client) -> None:
    for visibility in (Visibility.RESTRICTED, Visibility.DRAFT):
        obj = builders.make_object(visibility=visibility)
        write_tiles(builders.add_image(obj))
        response = client.get(f"/iiif/image/{obj.slug}-0/info.json")
        assert response.status_code == 404
        assert response["Access-Control-Allow-Origin"] == "*"
        assert obj.slug in response.json()["detail"]


def test_info_json_waits_for_the_tiles(client: Client) -> None:
    obj = builders.make_object(slug="fresh-import")
    builders.add_image(obj)
    response = client.get("/iiif/image/fresh-import-0/info.json")
    assert response.status_code == 404
    assert "not ready" in response.json()["detail"]


def test_base_url_redirects_to_info_json(client: Client, tiled_image) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/iiif/image/harbour-0")
    assert response.status_code == 303
    assert response["Location"] == "/iiif/image/harbour-0/info.json"
    assert client.get("/iiif/image/unknown-0").status_code == 404


def test_tile_is_served_as_a_jpeg_with_long_cache(client: Client, tiled_image) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/iiif/image/harbour-0/0,0,32,32/32,32/0/default.jpg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=604800"
    body = b"".join(response.streaming_content)
    with Image.open(io.BytesIO(body)) as tile:
        assert tile.size == (32, 32)


def test_full_size_and_listed_sizes_are_served(client: Client, tiled_image) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/iiif/image/harbour-0/full/max/0/default.jpg").status_code == 200
    assert client.get("/iiif/image/harbour-0/full/48,32/0/default.jpg").status_code == 200


def test_tile_revalidation_answers_not_modified(client: Client, tiled_image) -> None:  # type: ignore[no-untyped-def]
    url = "/iiif/image/harbour-0/full/max/0/default.jpg"
    first = client.get(url)
    again = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_level_0_refuses_requests_it_has_no_file_for(client: Client, tiled_image) -> None:  # type: ignore[no-untyped-def]
    for path in (
        "full/max/90/default.jpg",  # rotation is not pre-cut
        "full/max/0/gray.jpg",  # nor other qualities
        "full/max/0/default.png",  # nor other formats
        "0,0,10,10/10,10/0/default.jpg",  # nor arbitrary regions
    ):
        response = client.get(f"/iiif/image/harbour-0/{path}")
        assert response.status_code == 404, path
        assert response["Access-Control-Allow-Origin"] == "*"


def test_path_traversal_is_refused(client: Client, tiled_image, settings) -> None:  # type: ignore[no-untyped-def]
    secret = settings.MEDIA_ROOT / "secret.jpg"
    secret.write_bytes(b"not for you")
    for path in (
        "/iiif/image/harbour-0/../../secret.jpg",
        "/iiif/image/harbour-0/full/max/0/..%2F..%2F..%2Fsecret.jpg",
        "/iiif/image/harbour-0/%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.jpg",
        "/iiif/image/..%2F..%2Fsecret/full/max/0/default.jpg",
        "/iiif/image/harbour-0/full/max/0/default.jpg%00.png",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"not for you" not in body


def test_tiles_of_hidden_objects_are_not_found(client: Client) -> None:
    obj = builders.make_object(visibility=Visibility.RESTRICTED)
    write_tiles(builders.add_image(obj))
    response = client.get(f"/iiif/image/{obj.slug}-0/full/max/0/default.jpg")
    assert response.status_code == 404


def test_tiles_left_on_disk_are_hidden_until_marked_ready(client: Client, tiled_image) -> None:  # type: ignore[no-untyped-def]
    tiled_image.tiles_ready = False
    tiled_image.save()
    assert client.get("/iiif/image/harbour-0/full/max/0/default.jpg").status_code == 404


def test_writes_are_not_allowed(client: Client, tiled_image) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/iiif/image/harbour-0/info.json")
    assert response.status_code == 405
    assert response["Access-Control-Allow-Origin"] == "*"


def test_cors_preflight_is_answered(client: Client, tiled_image) -> None:  # type: ignore[no-untyped-def]
    response = client.options(
        "/iiif/image/harbour-0/info.json",
        HTTP_ORIGIN="https://viewer.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]


def test_every_generated_tile_is_served(client: Client, settings) -> None:  # type: ignore[no-untyped-def]
    """With the real level-0 generator: each file it writes answers at its IIIF URL."""
    from exhibition.iiif.tiles import image_generate_tiles, tile_specs

    settings.VITRINE_TILE_SIZE = 256
    obj = builders.make_object(slug="panorama")
    image = builders.add_image(obj, width=600, height=300)
    assert image_generate_tiles(image=image)
    info = client.get("/iiif/image/panorama-0/info.json").json()
    assert info["tiles"][0]["width"] == 256
    for spec in tile_specs(600, 300, 256):
        response = client.get(f"/iiif/image/panorama-0/{spec.path}")
        assert response.status_code == 200, spec.path
        with Image.open(io.BytesIO(b"".join(response.streaming_content))) as tile:
            left, top, right, bottom = spec.box
            assert tile.size == (right - left, bottom - top), spec.path

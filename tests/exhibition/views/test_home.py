"""The home page: featured exhibitions and objects, with thumbnails, public only."""

import json

import pytest
from django.test import Client

from exhibition.models import ObjectImage, Visibility
from tests import builders

pytestmark = pytest.mark.django_db


def test_shows_featured_exhibitions_and_objects(client: Client) -> None:
    star = builders.make_object(title="The Night Watch", featured=True)
    builders.add_image(star)
    builders.make_object(title="Not featured", featured=False)
    builders.make_exhibition(star, title="Faces of the Golden Age", featured=True)
    builders.make_exhibition(title="A quiet side show", featured=False)

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h2 id="exhibitions-heading">Featured exhibitions</h2>' in html
    assert "Faces of the Golden Age" in html
    assert "A quiet side show" not in html
    assert "The Night Watch" in html
    assert "Not featured" not in html
    assert "Explore 2 objects" in html


def test_without_featured_objects_shows_pictured_objects_by_title(client: Client) -> None:
    for title in ("Zebra print", "Armour", "Bowl"):
        builders.add_image(builders.make_object(title=title))
    builders.make_object(title="Aardvark record without image")

    html = client.get("/").content.decode()

    assert "Aardvark record without image" not in html
    assert html.index("Armour") < html.index("Bowl") < html.index("Zebra print")


def test_hidden_objects_and_exhibitions_never_appear(client: Client) -> None:
    secret = builders.make_object(
        title="Sacred bundle", featured=True, visibility=Visibility.RESTRICTED
    )
    builders.make_object(title="Draft record", featured=True, visibility=Visibility.DRAFT)
    builders.make_exhibition(secret, title="Unpublished show", visibility=Visibility.DRAFT)
    builders.make_object(title="Visible", featured=True)

    html = client.get("/").content.decode()

    assert "Visible" in html
    for hidden in ("Sacred bundle", "Draft record", "Unpublished show"):
        assert hidden not in html


def test_thumbnail_uses_a_pre_cut_iiif_size_when_tiles_exist(
    client: Client, settings: object
) -> None:
    obj = builders.make_object(slug="wave", title="Wave", featured=True)
    image = builders.add_image(obj, width=1600, height=1200)
    folder = settings.MEDIA_ROOT / "iiif" / image.iiif_identifier  # type: ignore[attr-defined]
    sizes = [(200, 150), (400, 300), (800, 600)]
    for w, h in sizes:
        (folder / "full" / f"{w},{h}" / "0").mkdir(parents=True)
        (folder / "full" / f"{w},{h}" / "0" / "default.jpg").write_bytes(builders.jpeg_bytes(w, h))
    info = {"width": 1600, "height": 1200, "sizes": [{"width": w, "height": h} for w, h in sizes]}
    (folder / "info.json").write_text(json.dumps(info))
    ObjectImage.objects.filter(pk=image.pk).update(tiles_ready=True, tiles_checksum="abc")

    html = client.get("/").content.decode()

    assert '<img src="/iiif/image/wave-0/full/400,300/0/default.jpg" alt="" loading="lazy"' in html


def test_thumbnail_falls_back_to_the_original_before_tiles_exist(client: Client) -> None:
    obj = builders.make_object(slug="sketch", title="Sketch", featured=True)
    image = builders.add_image(obj)

    html = client.get("/").content.decode()

    assert f'<img src="{image.original.url}" alt=""' in html


def test_object_with_content_note_shows_no_thumbnail(client: Client) -> None:
    obj = builders.make_object(
        title="Ancestor", featured=True, content_note="Shows a deceased person."
    )
    image = builders.add_image(obj)

    html = client.get("/").content.decode()

    assert "Ancestor" in html
    assert image.original.url not in html
    assert "Content note: open the object to view its media" in html


def test_page_has_landmarks_skip_link_and_navigation(client: Client) -> None:
    html = client.get("/").content.decode()

    assert '<html lang="en">' in html
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    for landmark in (
        "<header",
        '<nav class="site-nav" aria-label="Main">',
        '<main id="main"',
        "<footer",
    ):
        assert landmark in html
    for link in ("Home", "Browse", "Exhibitions", "Licences &amp; credits"):
        assert f">{link}</a>" in html
    assert '<a href="/" aria-current="page">Home</a>' in html


def test_small_image_without_a_big_enough_size_uses_its_original(
    client: Client, settings: object
) -> None:
    obj = builders.make_object(slug="small", title="Small", featured=True)
    image = builders.add_image(obj, width=330, height=450)
    folder = settings.MEDIA_ROOT / "iiif" / image.iiif_identifier  # type: ignore[attr-defined]
    (folder / "full" / "165,225" / "0").mkdir(parents=True)
    (folder / "full" / "165,225" / "0" / "default.jpg").write_bytes(builders.jpeg_bytes(165, 225))
    (folder / "info.json").write_text(json.dumps({"sizes": [{"width": 165, "height": 225}]}))
    ObjectImage.objects.filter(pk=image.pk).update(tiles_ready=True, tiles_checksum="def")

    html = client.get("/").content.decode()

    assert f'<img src="{image.original.url}" alt=""' in html
    assert "165,225" not in html

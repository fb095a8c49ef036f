# ruff: noqa: F811  (the loopback site fixture is imported, then named by each test)
"""A manifest with several canvases: each canvas's image, in canvas order, is one of the
object's images; a re-import writes nothing new, replaces what changed, drops what went."""

import json
from typing import Any

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from exhibition.importing.iiif import services
from exhibition.importing.iiif.services import iiif_import
from exhibition.models import AuditLogEntry, CollectionObject, ObjectImage
from tests.builders import jpeg_bytes
from tests.exhibition.importing.test_iiif_import import V2, V3, Site, site  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

# (width, height) of each canvas's image: distinct, so the order shows in the sizes.
SIZES = [(40, 30), (36, 48), (50, 20)]


def _serve_images(site: Site, sizes: list[tuple[int, int]], prefix: str = "p") -> list[str]:
    urls = []
    for number, (width, height) in enumerate(sizes, start=1):
        body = jpeg_bytes(width, height, (10 * number, 80, 160))
        urls.append(site.raw(f"/img/{prefix}{number}.jpg", body, Content_Type="image/jpeg"))
    return urls


def _v2_canvas(url: str, number: int) -> dict[str, Any]:
    return {
        "@id": f"https://museum.example/canvas/{number}",
        "@type": "sc:Canvas",
        "label": f"folio {number}",
        "images": [
            {
                "@type": "oa:Annotation",
                "motivation": "sc:painting",
                "resource": {"@id": url, "@type": "dctypes:Image", "format": "image/jpeg"},
            }
        ],
    }


def book_v2(site: Site, urls: list[str]) -> str:
    return site.json(
        "/m/book.json",
        {
            "@context": V2,
            "@id": "https://museum.example/iiif/book/manifest",
            "@type": "sc:Manifest",
            "label": "Book of hours",
            "license": "https://creativecommons.org/publicdomain/zero/1.0/",
            "sequences": [
                {"canvases": [_v2_canvas(url, n) for n, url in enumerate(urls, start=1)]}
            ],
        },
    )


def _v3_canvas(url: str, number: int, motivation: str = "painting") -> dict[str, Any]:
    body = {"id": url, "type": "Image", "format": "image/jpeg"}
    annotation: dict[str, Any] = {"type": "Annotation", "motivation": motivation, "body": body}
    return {
        "id": f"https://museum.example/canvas/v3-{number}",
        "type": "Canvas",
        "items": [{"type": "AnnotationPage", "items": [annotation]}],
    }


def album_v3(site: Site, urls: list[str]) -> str:
    canvases = [_v3_canvas(url, n) for n, url in enumerate(urls, start=1)]
    # A canvas carrying only a comment paints nothing and is passed over.
    canvases.insert(1, _v3_canvas(urls[0], 99, motivation="commenting"))
    return site.json(
        "/m/album.json",
        {
            "@context": V3,
            "id": "https://museum.example/iiif/album.json",
            "type": "Manifest",
            "label": {"en": ["Sketch album"]},
            "rights": "http://creativecommons.org/licenses/by/4.0/",
            "items": canvases,
        },
    )


def _sizes(title: str) -> list[tuple[int, int]]:
    obj = CollectionObject.objects.get(title=title)
    return [(i.width, i.height) for i in obj.images.order_by("order")]


def test_every_canvas_of_a_v2_and_a_v3_manifest_is_an_image_in_canvas_order(site: Site) -> None:
    summary = iiif_import(
        sources=[
            book_v2(site, _serve_images(site, SIZES)),
            album_v3(site, _serve_images(site, SIZES[::-1], "q")),
        ]
    )

    assert (summary.created, summary.failed) == (2, 0)
    assert _sizes("Book of hours") == SIZES
    assert _sizes("Sketch album") == SIZES[::-1]
    book = CollectionObject.objects.get(title="Book of hours")
    assert [i.order for i in book.images.order_by("order")] == [0, 1, 2]
    assert all(i.alt_text for i in book.images.all())
    assert book.images.get(order=2).alt_text.endswith("(3/3)")
    # The later images are in the object's history, one entry each, as imported.
    entries = AuditLogEntry.objects.filter(
        collection_object=book, target_model="exhibition.objectimage"
    )
    assert (entries.count(), {e.actor_name for e in entries}) == (2, {"import"})


def test_a_reimport_writes_nothing_new_then_replaces_and_drops_what_changed(site: Site) -> None:
    urls = _serve_images(site, SIZES)
    source = book_v2(site, urls)
    iiif_import(sources=[source])
    book = CollectionObject.objects.get(title="Book of hours")
    first = {i.order: (i.pk, i.checksum, i.original.name) for i in book.images.all()}
    entries = AuditLogEntry.objects.count()

    again = iiif_import(sources=[source])

    assert (again.unchanged, again.updated, ObjectImage.objects.count()) == (1, 0, 3)
    assert {i.order: (i.pk, i.checksum, i.original.name) for i in book.images.all()} == first
    assert AuditLogEntry.objects.count() == entries
    # Canvas 2 gets a new image; canvas 3 is taken out of the manifest.
    site.raw("/img/p2.jpg", jpeg_bytes(64, 64, (0, 200, 0)), Content_Type="image/jpeg")
    document = json.loads(site.routes["/m/book.json"][2])
    del document["sequences"][0]["canvases"][2]
    site.json("/m/book.json", document)

    changed = iiif_import(sources=[source])

    assert (changed.updated, changed.failed) == (1, 0)
    assert _sizes("Book of hours") == [SIZES[0], (64, 64)]
    replaced = book.images.get(order=1)
    assert replaced.pk == first[1][0] and replaced.checksum != first[1][1]
    assert book.images.get(order=0).checksum == first[0][1]
    logged = AuditLogEntry.objects.filter(target_model="exhibition.objectimage").order_by("pk")
    assert [e.action for e in logged][-2:] == ["changed", "deleted"]
    # The images are logged one by one, so the stream has an Update for each image written
    # (two with the first import, none for the unchanged one, two now): the last two say
    # that the manifest changed though the object's own fields did not.
    activities = Client().get("/iiif/discovery/page/1/").json()["orderedItems"]
    assert [a["type"] for a in activities] == ["Create"] + ["Update"] * 4
    assert all(a["object"]["id"].endswith(f"/iiif/{book.slug}/manifest.json") for a in activities)


def test_canvases_beyond_the_bound_are_left_out_with_a_report(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "MAX_CANVAS_IMAGES", 2)
    summary = iiif_import(sources=[book_v2(site, _serve_images(site, SIZES))])

    assert (summary.created, summary.failed) == (1, 0)
    assert _sizes("Book of hours") == SIZES[:2]
    assert any("the last 1 left out" in str(p) for p in summary.reports)
    assert "/img/p3.jpg" not in site.requested


def test_one_canvas_image_over_the_byte_bound_refuses_the_manifest(
    site: Site, settings: Settings
) -> None:
    urls = _serve_images(site, SIZES)
    site.raw("/img/p2.jpg", b"\xff\xd8\xff" + b"0" * 5000, Content_Type="image/jpeg")
    settings.VITRINE_MAX_UPLOAD_BYTES = 4000

    summary = iiif_import(sources=[book_v2(site, urls)])

    assert (summary.created, summary.failed, ObjectImage.objects.count()) == (0, 1, 0)
    assert "canvas 2:" in str(summary.reports[0]) and "VITRINE_MAX_UPLOAD_BYTES" in str(
        summary.reports[0]
    )

"""IIIF Presentation 3 manifests: structure, metadata, rights, restorations, refusals."""

import json

import pytest
from django.test import Client

from exhibition.iiif.manifests import iiif_rights, lang
from exhibition.models import Agent, ObjectCreator, Place, ReviewStatus, Tag, Visibility
from tests import builders
from tests.exhibition.iiif.helpers import presentation3_problems, write_tiles

pytestmark = pytest.mark.django_db


def _values(manifest: dict, label: str) -> list[str]:  # type: ignore[type-arg]
    for pair in manifest["metadata"]:
        if pair["label"]["en"] == [label]:
            return pair["value"]["en"]  # type: ignore[no-any-return]
    raise AssertionError(f"no metadata {label!r}")


@pytest.fixture
def lisa():  # type: ignore[no-untyped-def]
    place = Place.objects.create(slug="italy", name="Italy", latitude=42.8, longitude=12.8)
    obj = builders.make_object(
        slug="mona-lisa",
        title="Mona Lisa",
        date_display="c. 1503–1519",
        culture="Italy (Florentine)",
        medium="oil on poplar panel",
        dimensions="77 × 53 cm",
        accession_number="INV-779",
        licence="CC-BY-4.0",
        attribution="Photo: Example Museum, CC BY 4.0",
        description="Half-length portrait of a seated woman.",
        place=place,
    )
    leonardo = Agent.objects.create(slug="leonardo", name="Leonardo da Vinci")
    ObjectCreator.objects.create(
        collection_object=obj, agent=leonardo, role="artist", qualifier="attributed to"
    )
    obj.tags.add(Tag.objects.create(name="portrait"))
    write_tiles(builders.add_image(obj, width=96, height=64))
    return obj


def test_manifest_is_valid_presentation_3(client: Client, lisa) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/iiif/mona-lisa/manifest.json")
    assert response.status_code == 200
    manifest = response.json()
    assert presentation3_problems(manifest) == []
    assert manifest["id"] == "http://testserver/iiif/mona-lisa/manifest.json"
    assert manifest["label"] == {"en": ["Mona Lisa"]}
    assert manifest["summary"] == {"en": ["Half-length portrait of a seated woman."]}


def test_manifest_canvas_paints_the_image_through_its_service(client: Client, lisa) -> None:  # type: ignore[no-untyped-def]
    manifest = client.get("/iiif/mona-lisa/manifest.json").json()
    [canvas] = manifest["items"]
    assert canvas["id"] == "http://testserver/iiif/mona-lisa/canvas/0"
    assert (canvas["width"], canvas["height"]) == (96, 64)
    annotation = canvas["items"][0]["items"][0]
    body = annotation["body"]
    assert body["id"] == "http://testserver/iiif/image/mona-lisa-0/full/max/0/default.jpg"
    assert body["format"] == "image/jpeg"
    assert body["service"] == [
        {
            "id": "http://testserver/iiif/image/mona-lisa-0",
            "type": "ImageService3",
            "profile": "level0",
        }
    ]
    # The painted image and the service really answer.
    assert client.get(body["id"]).status_code == 200
    assert client.get(body["service"][0]["id"] + "/info.json").status_code == 200


def test_manifest_carries_the_record(client: Client, lisa) -> None:  # type: ignore[no-untyped-def]
    manifest = client.get("/iiif/mona-lisa/manifest.json").json()
    assert _values(manifest, "Creator") == ["attributed to Leonardo da Vinci (artist)"]
    assert _values(manifest, "Date") == ["c. 1503–1519"]
    assert _values(manifest, "Culture") == ["Italy (Florentine)"]
    assert _values(manifest, "Place") == ["Italy"]
    assert _values(manifest, "Medium") == ["oil on poplar panel"]
    assert _values(manifest, "Dimensions") == ["77 × 53 cm"]
    assert _values(manifest, "Accession number") == ["INV-779"]
    assert _values(manifest, "Tags") == ["portrait"]
    assert manifest["requiredStatement"] == {
        "label": {"en": ["Attribution"]},
        "value": {"en": ["Photo: Example Museum, CC BY 4.0"]},
    }
    assert manifest["rights"] == "http://creativecommons.org/licenses/by/4.0/"
    assert manifest["homepage"][0]["id"] == "http://testserver/objects/mona-lisa/"
    assert manifest["homepage"][0]["format"] == "text/html"
    thumbnail = manifest["thumbnail"][0]
    assert (thumbnail["width"], thumbnail["height"]) == (96, 64)
    assert client.get(thumbnail["id"]).status_code == 200


def test_large_image_thumbnail_is_a_stored_iiif_size(client: Client) -> None:
    obj = builders.make_object(slug="panorama")
    write_tiles(builders.add_image(obj, width=1000, height=600))
    [thumbnail] = client.get("/iiif/panorama/manifest.json").json()["thumbnail"]
    assert thumbnail["id"] == "http://testserver/iiif/image/panorama-0/full/500,300/0/default.jpg"
    assert thumbnail["service"][0]["id"] == "http://testserver/iiif/image/panorama-0"
    assert client.get(thumbnail["id"]).status_code == 200


def test_manifest_is_json_ld_only_when_asked(client: Client, lisa) -> None:  # type: ignore[no-untyped-def]
    plain = client.get("/iiif/mona-lisa/manifest.json")
    assert plain["Content-Type"] == "application/json"
    linked = client.get("/iiif/mona-lisa/manifest.json", HTTP_ACCEPT="application/ld+json")
    assert linked["Content-Type"] == (
        'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
    )
    assert linked["Access-Control-Allow-Origin"] == "*"
    assert json.loads(linked.content) == plain.json()


def test_manifest_before_tiles_exist_paints_the_original(client: Client) -> None:
    obj = builders.make_object(slug="just-imported")
    image = builders.add_image(obj, width=40, height=30)
    manifest = client.get("/iiif/just-imported/manifest.json").json()
    assert presentation3_problems(manifest) == []
    body = manifest["items"][0]["items"][0]["items"][0]["body"]
    assert body["id"] == f"http://testserver{image.original.url}"
    assert "service" not in body


def test_one_canvas_per_image_in_order(client: Client) -> None:
    obj = builders.make_object(slug="diptych")
    builders.add_image(obj, order=1, width=30, height=40)
    builders.add_image(obj, order=0, width=50, height=40)
    manifest = client.get("/iiif/diptych/manifest.json").json()
    assert presentation3_problems(manifest) == []
    assert [c["width"] for c in manifest["items"]] == [50, 30]
    assert [c["label"]["en"][0] for c in manifest["items"]] == ["Image 1", "Image 2"]


def test_approved_restorations_are_labelled_extra_canvases(client: Client, curator) -> None:  # type: ignore[no-untyped-def]
    obj = builders.make_object(slug="last-supper")
    image = builders.add_image(obj, width=64, height=48)
    approved = builders.add_restoration(image, status=ReviewStatus.APPROVED, reviewer=curator)
    builders.add_restoration(image, status=ReviewStatus.DRAFT, engine="unreviewed-engine")
    builders.add_restoration(image, status=ReviewStatus.REJECTED, reviewer=curator, engine="bad")
    manifest = client.get("/iiif/last-supper/manifest.json").json()
    assert presentation3_problems(manifest) == []
    original, restored = manifest["items"]
    assert original["label"] == {"en": ["Image 1"]}
    assert restored["label"] == {"en": ["AI reconstruction — not the original"]}
    assert restored["id"].endswith(f"/canvas/restoration-{approved.pk}")
    provenance = {p["label"]["en"][0]: p["value"]["en"][0] for p in restored["metadata"]}
    assert provenance["Engine"] == "telea"
    assert provenance["Engine version"] == "4.10.0"
    assert provenance["Method"] == "inpainting"
    assert provenance["Review state"] == "Approved"
    assert provenance["Reviewed by"] == "curator"
    assert '"radius": 3' in provenance["Parameters"]
    body = restored["items"][0]["items"][0]["body"]
    assert body["id"] == f"http://testserver{approved.result.url}"
    assert "unreviewed-engine" not in json.dumps(manifest)


def test_hidden_objects_have_no_manifest(client: Client) -> None:
    for visibility in (Visibility.RESTRICTED, Visibility.DRAFT):
        obj = builders.make_object(visibility=visibility)
        builders.add_image(obj)
        response = client.get(f"/iiif/{obj.slug}/manifest.json")
        assert response.status_code == 404
        assert response["Access-Control-Allow-Origin"] == "*"
    assert client.get("/iiif/no-such-object/manifest.json").status_code == 404


def test_object_without_image_has_no_manifest(client: Client) -> None:
    obj = builders.make_object(slug="fossil")
    builders.add_model(obj)
    response = client.get("/iiif/fossil/manifest.json")
    assert response.status_code == 404
    assert "no image" in response.json()["detail"]


def test_rights_only_for_creative_commons_and_rightsstatements() -> None:
    assert iiif_rights("PDM-1.0") == "http://creativecommons.org/publicdomain/mark/1.0/"
    assert iiif_rights("CC0-1.0") == "http://creativecommons.org/publicdomain/zero/1.0/"
    assert iiif_rights("InC") == "http://rightsstatements.org/vocab/InC/1.0/"
    assert iiif_rights("not-a-licence") is None


def test_plain_text_is_never_read_as_html_by_viewers() -> None:
    assert lang("<b>bold claim</b>") == {"en": [" <b>bold claim</b>"]}
    assert lang("a < b > c") == {"en": ["a < b > c"]}

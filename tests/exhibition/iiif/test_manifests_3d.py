"""A public object with only a 3D model has a manifest: the model painted on a Canvas sized
by its poster, the poster as placeholder and thumbnail, the GLB as a rendering."""

import io

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from PIL import Image

from exhibition.models import ObjectModel3D, Visibility
from tests import builders
from tests.exhibition.iiif.helpers import PRESENTATION_CONTEXT

pytestmark = pytest.mark.django_db


def _with_poster(model: ObjectModel3D, width: int = 80, height: int = 60) -> ObjectModel3D:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 190, 170)).save(buffer, format="WEBP")
    model.poster.save("poster.webp", ContentFile(buffer.getvalue()))
    return model


def test_a_3d_only_object_has_a_manifest_with_the_model_painted(client: Client) -> None:
    obj = builders.make_object(slug="fossil", title="Fossil")
    model = _with_poster(builders.add_model(obj))

    response = client.get("/iiif/fossil/manifest.json")

    assert response.status_code == 200
    manifest = response.json()
    assert manifest["@context"] == PRESENTATION_CONTEXT and manifest["type"] == "Manifest"
    assert manifest["label"] == {"en": ["Fossil"]}
    (canvas,) = manifest["items"]
    assert (canvas["type"], canvas["width"], canvas["height"]) == ("Canvas", 80, 60)
    annotation = canvas["items"][0]["items"][0]
    assert annotation["motivation"] == "painting" and annotation["target"] == canvas["id"]
    glb = f"http://testserver{model.glb.url}"
    assert annotation["body"] == {"id": glb, "type": "Model", "format": "model/gltf-binary"}
    poster = f"http://testserver{model.poster.url}"
    assert canvas["thumbnail"][0]["id"] == poster
    assert manifest["thumbnail"][0]["id"] == poster
    placeholder = canvas["placeholderCanvas"]
    assert placeholder["items"][0]["items"][0]["body"]["type"] == "Image"
    assert placeholder["items"][0]["items"][0]["target"] == placeholder["id"]
    assert [(r["id"], r["type"]) for r in manifest["rendering"]] == [(glb, "Model")]


def test_models_follow_the_images_of_an_object_that_has_both(client: Client) -> None:
    obj = builders.make_object(slug="vase")
    builders.add_image(obj)
    _with_poster(builders.add_model(obj))

    canvases = client.get("/iiif/vase/manifest.json").json()["items"]

    bodies = [c["items"][0]["items"][0]["body"]["type"] for c in canvases]
    assert bodies == ["Image", "Model"]
    assert len({c["id"] for c in canvases}) == 2


def test_a_model_waiting_for_its_poster_gives_no_canvas(client: Client) -> None:
    obj = builders.make_object(slug="unrendered")
    builders.add_model(obj)

    response = client.get("/iiif/unrendered/manifest.json")

    assert response.status_code == 404
    assert "poster" in response.json()["detail"]


@pytest.mark.parametrize("visibility", [Visibility.RESTRICTED, Visibility.DRAFT])
def test_hidden_3d_objects_have_no_manifest(client: Client, visibility: str) -> None:
    obj = builders.make_object(slug="hidden-fossil", visibility=visibility)
    _with_poster(builders.add_model(obj))

    assert client.get("/iiif/hidden-fossil/manifest.json").status_code == 404

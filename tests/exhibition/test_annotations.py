"""Annotations: checked geometry, audited writes, W3C Web Annotation JSON-LD, visibility."""

import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client

from exhibition.annotations.geometry import MAX_POLYGON_POINTS, model_bounds
from exhibition.annotations.jsonld import ANNO_CONTENT_TYPE
from exhibition.models import (
    Annotation,
    AuditLogEntry,
    CollectionObject,
    ObjectImage,
    ObjectModel3D,
    Visibility,
)
from exhibition.models.annotations import AnnotationVisibility
from exhibition.page_cache import collection_version
from exhibition.services.annotations import (
    AnnotationInput,
    annotation_create,
    annotation_delete,
    annotation_update,
)
from tests.builders import add_image, add_model, make_object
from tests.exhibition.iiif.helpers import presentation3_problems

pytestmark = pytest.mark.django_db

# The W3C Web Annotation Data Model's MUSTs for an Annotation and its parts.
ANNOTATION_REQUIRED = {"@context", "id", "type", "target"}


@pytest.fixture
def painting() -> tuple[CollectionObject, ObjectImage]:
    obj = make_object(title="The Hay Wain")
    return obj, add_image(obj, width=400, height=300)


def _rect(target: ObjectImage, **overrides: Any) -> AnnotationInput:
    fields: dict[str, Any] = {
        "selector_kind": "rect",
        "selector": {"x": 10, "y": 20, "w": 100, "h": 50},
        "body": "The cart in the river.",
        "image": target,
    }
    return AnnotationInput(**{**fields, **overrides})


def _point(target: ObjectModel3D, **overrides: Any) -> AnnotationInput:
    fields: dict[str, Any] = {
        "selector_kind": "point3d",
        "selector": {"x": 0.25, "y": 0.25, "z": 0, "normal": [0, 0, 2]},
        "body": "A chip in the glaze.",
        "model3d": target,
    }
    return AnnotationInput(**{**fields, **overrides})


def test_a_curator_annotates_a_rectangle_and_the_audit_log_says_so(
    curator: User, painting: tuple[CollectionObject, ObjectImage]
) -> None:
    obj, image = painting

    annotation = annotation_create(data=_rect(image), creator=curator)

    assert annotation.collection_object == obj and annotation.creator == curator
    entry = AuditLogEntry.objects.get(target_model="exhibition.annotation")
    assert entry.action == "created" and entry.actor == curator and entry.collection_object == obj
    assert entry.changes["body"]["new"] == "The cart in the river."


def test_an_edit_is_logged_with_old_and_new_text_and_keeps_the_creator(
    curator: User, painting: tuple[CollectionObject, ObjectImage]
) -> None:
    _obj, image = painting
    annotation = annotation_create(data=_rect(image), creator=curator)
    editor = User.objects.create_user(username="editor", is_staff=True)

    edited = annotation_update(
        annotation=annotation, data=_rect(image, body="The hay wain itself."), editor=editor
    )

    assert edited.creator == curator and edited.body == "The hay wain itself."
    entry = AuditLogEntry.objects.filter(action="changed").get()
    assert entry.actor == editor
    assert entry.changes["body"] == {"old": "The cart in the river.", "new": "The hay wain itself."}


def test_a_deletion_is_logged_and_the_annotation_is_gone(
    curator: User, painting: tuple[CollectionObject, ObjectImage]
) -> None:
    _obj, image = painting
    annotation = annotation_create(data=_rect(image), creator=curator)

    annotation_delete(annotation=annotation, editor=curator)

    assert not Annotation.objects.exists()
    assert AuditLogEntry.objects.filter(action="deleted").get().changes["body"]["old"]


@pytest.mark.django_db(transaction=True)
def test_a_write_moves_the_collection_version_so_cached_pages_are_rebuilt(
    curator: User, painting: tuple[CollectionObject, ObjectImage]
) -> None:
    _obj, image = painting
    before = collection_version()
    annotation = annotation_create(data=_rect(image), creator=curator)
    created = collection_version()
    annotation_delete(annotation=annotation, editor=curator)

    assert before < created < collection_version()


@pytest.mark.parametrize(
    "selector",
    [
        {"x": 350, "y": 0, "w": 100, "h": 10},  # past the right edge
        {"x": 0, "y": 0, "w": 0, "h": 10},  # empty
        {"x": -1, "y": 0, "w": 10, "h": 10},
        {"x": "1", "y": 0, "w": 10, "h": 10},
        {"x": float("nan"), "y": 0, "w": 10, "h": 10},
        {"x": 0, "y": 0, "w": 10},
        [0, 0, 10, 10],
    ],
)
def test_a_rectangle_must_lie_within_the_image(
    curator: User, painting: tuple[CollectionObject, ObjectImage], selector: Any
) -> None:
    _obj, image = painting
    with pytest.raises(ValidationError):
        annotation_create(data=_rect(image, selector=selector), creator=curator)
    assert not Annotation.objects.exists()


def test_a_polygon_is_bounded_in_points_and_in_the_image(
    curator: User, painting: tuple[CollectionObject, ObjectImage]
) -> None:
    _obj, image = painting
    too_many = [[i % 400, i % 300] for i in range(MAX_POLYGON_POINTS + 1)]
    for points in (too_many, [[0, 0], [10, 10]], [[0, 0], [10, 10], [401, 5]]):
        data = _rect(image, selector_kind="polygon", selector={"points": points})
        with pytest.raises(ValidationError):
            annotation_create(data=data, creator=curator)

    triangle = [[0, 0], [399.6, 0], [200, 300]]
    data = _rect(image, selector_kind="polygon", selector={"points": triangle})
    annotation = annotation_create(data=data, creator=curator)
    assert annotation.selector == {"points": [[0, 0], [400, 0], [200, 300]]}


def test_a_point_must_lie_within_the_models_bounds_and_its_normal_is_made_unit(
    curator: User,
) -> None:
    obj = make_object()
    model = add_model(obj)
    assert model_bounds(model) == ((0, 0, 0), (1, 1, 0))

    with pytest.raises(ValidationError, match="outside the model"):
        annotation_create(data=_point(model, selector={"x": 2, "y": 0, "z": 0}), creator=curator)
    with pytest.raises(ValidationError):
        point = {"x": 0, "y": 0, "z": 0, "normal": [0, 0, 0]}
        annotation_create(data=_point(model, selector=point), creator=curator)

    annotation = annotation_create(data=_point(model), creator=curator)
    assert annotation.selector["normal"] == [0.0, 0.0, 1.0]


def test_a_region_needs_an_image_and_a_point_needs_a_model(curator: User) -> None:
    obj = make_object()
    image, model = add_image(obj), add_model(obj)
    with pytest.raises(ValidationError):
        annotation_create(data=_rect(image, image=None, model3d=model), creator=curator)
    with pytest.raises(ValidationError):
        annotation_create(data=_point(model, model3d=None, image=image), creator=curator)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("body", "   "),
        ("body", "x" * 2001),
        ("body", "a bell\x07"),
        ("motivation", "painting"),
        ("visibility", "everyone"),
        ("language", "xx"),
    ],
)
def test_text_and_choices_are_bounded(
    curator: User, painting: tuple[CollectionObject, ObjectImage], field: str, value: str
) -> None:
    _obj, image = painting
    with pytest.raises(ValidationError):
        annotation_create(data=_rect(image, **{field: value}), creator=curator)


def _page(client: Client, slug: str) -> dict[str, Any]:
    response = client.get(f"/annotations/{slug}/")
    assert response.status_code == 200
    assert response["Content-Type"] == ANNO_CONTENT_TYPE
    assert response["Access-Control-Allow-Origin"] == "*"
    return json.loads(response.content)


def test_the_annotation_page_holds_w3c_web_annotations(
    client: Client, painting: tuple[CollectionObject, ObjectImage]
) -> None:
    obj, image = painting
    author = User.objects.create_user(
        username="ada@museum.example", email="ada@museum.example", first_name="Ada", is_staff=True
    )
    annotation_create(data=_rect(image, motivation="describing"), creator=author)
    polygon = {"points": [[0, 0], [40, 0], [20, 30]]}
    annotation_create(
        data=_rect(image, selector_kind="polygon", selector=polygon, body="A <b>cloud</b>"),
        creator=author,
    )
    model = add_model(obj)
    annotation_create(data=_point(model, language="fr", body="Un éclat."), creator=author)

    page = _page(client, obj.slug)

    assert page["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert page["type"] == "AnnotationPage" and page["id"].endswith(f"/annotations/{obj.slug}/")
    rect, polygon_json, point = page["items"]
    for item in page["items"]:
        assert ANNOTATION_REQUIRED - {"@context"} <= set(item)
        assert item["type"] == "Annotation"
        assert item["body"]["type"] == "TextualBody" and item["body"]["format"] == "text/plain"
        assert item["creator"]["type"] == "Person" and item["creator"]["name"] == "Ada"
        assert "ada@" not in json.dumps(item)
        assert item["created"] and item["modified"]
    manifest_base = f"http://testserver/iiif/{obj.slug}"
    assert rect["motivation"] == "describing"
    assert rect["target"]["source"] == f"{manifest_base}/canvas/0"
    assert rect["target"]["selector"] == {
        "type": "FragmentSelector",
        "conformsTo": "http://www.w3.org/TR/media-frags/",
        "value": "xywh=10,20,100,50",
    }
    assert polygon_json["target"]["selector"]["type"] == "SvgSelector"
    assert 'points="0,0 40,0 20,30"' in polygon_json["target"]["selector"]["value"]
    # The body is plain text, carried as it was written, never as markup.
    assert polygon_json["body"]["value"] == "A <b>cloud</b>"
    assert point["target"]["source"] == f"{manifest_base}/canvas/model-0"
    assert point["target"]["selector"] == {"type": "PointSelector", "x": 0.25, "y": 0.25, "z": 0}
    assert point["body"]["language"] == "fr" and point["body"]["value"] == "Un éclat."


def test_only_public_annotations_of_public_objects_are_served(
    client: Client, curator: User, painting: tuple[CollectionObject, ObjectImage]
) -> None:
    obj, image = painting
    annotation_create(data=_rect(image, body="For everyone."), creator=curator)
    hidden = AnnotationVisibility.CURATORS
    annotation_create(data=_rect(image, body="Curators only.", visibility=hidden), creator=curator)

    bodies = [item["body"]["value"] for item in _page(client, obj.slug)["items"]]
    assert bodies == ["For everyone."]

    CollectionObject.objects.filter(pk=obj.pk).update(visibility=Visibility.RESTRICTED)
    assert client.get(f"/annotations/{obj.slug}/").status_code == 404
    assert client.get("/annotations/no-such-object/").status_code == 404
    assert client.post(f"/annotations/{obj.slug}/").status_code == 405


def test_the_manifest_carries_each_canvas_annotations_and_stays_valid(
    client: Client, curator: User, painting: tuple[CollectionObject, ObjectImage]
) -> None:
    obj, image = painting
    second = add_image(obj, width=200, height=100, order=1)
    annotation_create(data=_rect(image), creator=curator)
    annotation_create(
        data=_rect(image, body="Not shown.", visibility=AnnotationVisibility.CURATORS),
        creator=curator,
    )

    manifest = json.loads(client.get(f"/iiif/{obj.slug}/manifest.json").content)

    assert presentation3_problems(manifest) == []
    first, other = manifest["items"]
    assert other["id"].endswith("/canvas/1") and "annotations" not in other
    (page,) = first["annotations"]
    assert page["type"] == "AnnotationPage"
    (item,) = page["items"]
    assert item["target"]["source"] == first["id"]
    assert item["body"]["value"] == "The cart in the river."
    assert second.pk  # the second image's canvas exists, without notes


def test_the_object_page_lists_the_notes_as_text(
    client: Client, curator: User, painting: tuple[CollectionObject, ObjectImage]
) -> None:
    obj, image = painting
    annotation_create(data=_rect(image), creator=curator)
    annotation_create(
        data=_rect(image, body="Curators only.", visibility=AnnotationVisibility.CURATORS),
        creator=curator,
    )

    html = client.get(obj.get_absolute_url()).content.decode()

    assert "Notes on this object" in html and "The cart in the river." in html
    assert "Curators only." not in html
    assert 'data-annotation-region="10,20,100,50"' in html


def test_the_object_page_lists_the_notes_in_french(
    client: Client, curator: User, painting: tuple[CollectionObject, ObjectImage]
) -> None:
    obj, image = painting
    annotation_create(data=_rect(image), creator=curator)

    html = client.get(f"/fr{obj.get_absolute_url()}").content.decode()

    assert "Notes sur cet objet" in html and "Notes on this object" not in html


def test_a_curator_adds_edits_and_deletes_an_annotation_in_the_admin(
    client: Client, curator: User, painting: tuple[CollectionObject, ObjectImage]
) -> None:
    obj, image = painting
    client.force_login(curator)
    object_page = client.get(f"/admin/exhibition/collectionobject/{obj.pk}/change/")
    add_url = f"/admin/exhibition/annotation/add/?image={image.pk}&selector_kind=rect"
    assert add_url.replace("&", "&amp;") in object_page.content.decode()
    form = {
        "image": str(image.pk),
        "model3d": "",
        "selector_kind": "rect",
        **{"rect_x": "5", "rect_y": "6", "rect_w": "50", "rect_h": "40"},
        "body": "Varnish bloom.",
        "language": "en",
        "motivation": "describing",
        "visibility": "public",
    }
    editor_page = client.get(add_url).content.decode()
    assert 'id="annotation-media"' in editor_page and image.original.url in editor_page

    assert client.post(add_url, form).status_code == 302
    annotation = Annotation.objects.get()
    assert annotation.selector == {"x": 5, "y": 6, "w": 50, "h": 40}
    assert annotation.creator == curator and annotation.collection_object == obj

    change_url = f"/admin/exhibition/annotation/{annotation.pk}/change/"
    refused = client.post(change_url, {**form, "rect_w": "399"})
    assert refused.status_code == 200 and "goes beyond the image" in refused.content.decode()
    polygon = {**form, "selector_kind": "polygon", "polygon_points": "0,0 30,0 15,20"}
    assert client.post(change_url, polygon).status_code == 302
    annotation.refresh_from_db()
    assert annotation.selector == {"points": [[0, 0], [30, 0], [15, 20]]}

    delete_url = f"/admin/exhibition/annotation/{annotation.pk}/delete/"
    assert client.post(delete_url, {"post": "yes"}).status_code == 302
    actions = list(
        AuditLogEntry.objects.filter(target_model="exhibition.annotation")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["created", "changed", "deleted"]
    assert not Annotation.objects.exists()


def test_the_admin_refuses_a_point_without_coordinates_and_badly_written_points(
    client: Client, curator: User
) -> None:
    obj = make_object()
    model, image = add_model(obj), add_image(obj)
    client.force_login(curator)
    base = {"body": "A note.", "language": "en", "motivation": "commenting"}
    base["visibility"] = "public"

    point = client.post(
        f"/admin/exhibition/annotation/add/?model3d={model.pk}",
        {**base, "model3d": str(model.pk), "image": "", "selector_kind": "point3d"},
    )
    polygon = client.post(
        f"/admin/exhibition/annotation/add/?image={image.pk}",
        {**base, "image": str(image.pk), "selector_kind": "polygon", "polygon_points": "1;2 3"},
    )

    assert point.status_code == 200 and "Pick the point on the model" in point.content.decode()
    assert polygon.status_code == 200 and "x,y pairs" in polygon.content.decode()
    assert not Annotation.objects.exists()

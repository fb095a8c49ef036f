"""The collection admin as a curator uses it: edits are audited and visible per object."""

import io
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from exhibition.models import AuditLogEntry, CollectionObject, ObjectImage, Tag
from tests.builders import add_image, glb_bytes, jpeg_bytes, make_object, sha256
from tests.exhibition.admin.html_forms import form_fields

pytestmark = pytest.mark.django_db


def _change_url(obj: CollectionObject) -> str:
    return reverse("admin:exhibition_collectionobject_change", args=[obj.pk])


@pytest.fixture
def curator_client(client: Client, curator: User) -> Client:
    client.force_login(curator)
    return client


def _post_change(client: Client, obj: CollectionObject, **changes: object) -> None:
    url = _change_url(obj)
    data = form_fields(client.get(url), "collectionobject_form")
    data.update(changes)  # type: ignore[arg-type]
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors


@pytest.mark.parametrize("persona", ["anonymous", "visitor"])
def test_a_visitor_cannot_reach_the_admin(client: Client, visitor: User, persona: str) -> None:
    if persona == "visitor":
        client.force_login(visitor)
    for url in (
        "/admin/",
        reverse("admin:exhibition_collectionobject_changelist"),
        reverse("admin:exhibition_machineoutput_changelist"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_the_admin_home_offers_the_review_queue(curator_client: Client) -> None:
    response = curator_client.get("/admin/")
    assert response.status_code == 200
    assert reverse("admin:exhibition_machineoutput_changelist").encode() in response.content
    assert b"Review queue" in response.content


def test_editing_a_title_is_audited_and_shown_on_the_object_page(
    curator_client: Client, curator: User
) -> None:
    obj = make_object(title="Haywain")

    _post_change(curator_client, obj, title="The Hay Wain")

    obj.refresh_from_db()
    assert obj.title == "The Hay Wain"
    entry = AuditLogEntry.objects.get(collection_object=obj)
    assert entry.action == AuditLogEntry.Action.CHANGED
    assert entry.changes == {"title": {"old": "Haywain", "new": "The Hay Wain"}}
    assert entry.actor == curator
    page = curator_client.get(_change_url(obj)).content.decode()
    assert "History of changes" in page
    history = page[page.index("History of changes") :]
    assert "Haywain" in history and "The Hay Wain" in history and "curator" in history


def test_saving_without_changes_writes_no_entry(curator_client: Client) -> None:
    obj = make_object()
    add_image(obj)
    _post_change(curator_client, obj)
    assert not AuditLogEntry.objects.exists()


def test_tag_changes_are_audited(curator_client: Client) -> None:
    obj = make_object()
    tag = Tag.objects.create(name="river")

    _post_change(curator_client, obj, tags=[str(tag.pk)])

    entry = AuditLogEntry.objects.get(collection_object=obj)
    assert entry.changes == {"tags": {"old": [], "new": ["river"]}}


def test_an_inline_image_edit_is_audited_under_its_object(curator_client: Client) -> None:
    obj = make_object()
    image = add_image(obj)

    _post_change(curator_client, obj, **{"images-0-alt_text": "A cart in a river"})

    entry = AuditLogEntry.objects.get(target_model="exhibition.objectimage")
    assert entry.collection_object == obj
    assert entry.target_pk == str(image.pk)
    assert entry.changes["alt_text"]["new"] == "A cart in a river"


def test_deleting_an_inline_image_is_audited(curator_client: Client) -> None:
    obj = make_object()
    image = add_image(obj)
    stored_name = image.original.name

    _post_change(curator_client, obj, **{"images-0-DELETE": "on"})

    assert not ObjectImage.objects.exists()
    entry = AuditLogEntry.objects.get(action=AuditLogEntry.Action.DELETED)
    assert entry.collection_object == obj
    assert entry.target_pk == str(image.pk)
    assert entry.changes["original"] == {"old": stored_name, "new": None}


def test_creating_and_deleting_an_object_are_audited(curator_client: Client) -> None:
    add_url = reverse("admin:exhibition_collectionobject_add")
    data = form_fields(curator_client.get(add_url), "collectionobject_form")
    data.update(
        title="View of Delft",
        slug="view-of-delft",
        accession_number="V.1",
        object_type="painting",
        licence="PDM-1.0",
        visibility="draft",
    )
    assert curator_client.post(add_url, data).status_code == 302
    obj = CollectionObject.objects.get(slug="view-of-delft")
    created = AuditLogEntry.objects.get(action=AuditLogEntry.Action.CREATED)
    assert created.collection_object == obj
    assert created.changes["title"] == {"old": None, "new": "View of Delft"}

    delete_url = reverse("admin:exhibition_collectionobject_delete", args=[obj.pk])
    assert curator_client.post(delete_url, {"post": "yes"}).status_code == 302
    deleted = AuditLogEntry.objects.get(action=AuditLogEntry.Action.DELETED)
    assert deleted.target_pk == str(created.target_pk)
    assert deleted.changes["title"] == {"old": "View of Delft", "new": None}


def test_an_uploaded_image_gets_its_checksum_size_and_tiles(
    curator_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    obj = make_object()
    data = jpeg_bytes(120, 80)
    url = reverse("admin:exhibition_objectimage_add")
    form = form_fields(curator_client.get(url), "objectimage_form")
    form.update(collection_object=str(obj.pk), alt_text="Test", order="0")
    upload = SimpleUploadedFile("photo.jpg", data, content_type="image/jpeg")

    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(url, {**form, "original": upload})

    assert response.status_code == 302
    image = ObjectImage.objects.get()
    assert image.checksum == sha256(data)
    assert (image.width, image.height) == (120, 80)
    assert AuditLogEntry.objects.get(collection_object=obj).action == "created"
    # Deep zoom works at once: the tiles were cut after the upload was saved.
    assert image.tiles_ready
    assert (Path(settings.MEDIA_ROOT) / "iiif" / image.iiif_identifier / "info.json").is_file()


def test_an_image_over_the_pixel_limit_gets_a_clear_error(
    curator_client: Client, settings: object
) -> None:
    settings.VITRINE_MAX_IMAGE_PIXELS = 100 * 100  # type: ignore[attr-defined]
    obj = make_object()
    buffer = io.BytesIO()
    Image.new("RGB", (200, 200)).save(buffer, format="PNG")
    url = reverse("admin:exhibition_objectimage_add")
    form = form_fields(curator_client.get(url), "objectimage_form")
    form.update(collection_object=str(obj.pk), order="0")
    upload = SimpleUploadedFile("big.png", buffer.getvalue(), content_type="image/png")

    response = curator_client.post(url, {**form, "original": upload})

    assert response.status_code == 200
    assert "at most 10,000 pixels" in str(response.context["adminform"].form.errors)
    assert not ObjectImage.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a model at all", "not a binary glTF"),
        (glb_bytes()[:-8], "truncated"),
        # A correct header around a JSON chunk that is not JSON: the importer's check.
        (
            glb_bytes()[:20] + b"{" * (len(glb_bytes()) - 20),
            "This GLB file is damaged",
        ),
    ],
)
def test_a_bad_glb_upload_gets_a_clear_error(
    curator_client: Client, content: bytes, message: str
) -> None:
    obj = make_object()
    url = reverse("admin:exhibition_objectmodel3d_add")
    form = form_fields(curator_client.get(url), "objectmodel3d_form")
    form.update(collection_object=str(obj.pk), order="0")
    upload = SimpleUploadedFile("model.glb", content, content_type="model/gltf-binary")

    response = curator_client.post(url, {**form, "glb": upload})

    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors)


def test_a_valid_glb_upload_records_checksum_and_size(curator_client: Client) -> None:
    obj = make_object()
    content = glb_bytes()
    url = reverse("admin:exhibition_objectmodel3d_add")
    form = form_fields(curator_client.get(url), "objectmodel3d_form")
    form.update(collection_object=str(obj.pk), order="0", alt_text="A triangle")
    upload = SimpleUploadedFile("model.glb", content, content_type="model/gltf-binary")

    assert curator_client.post(url, {**form, "glb": upload}).status_code == 302

    model = obj.models3d.get()
    assert (model.checksum, model.size_bytes) == (sha256(content), len(content))


def test_objects_can_be_found_by_accession_number(curator_client: Client) -> None:
    make_object(title="The Hay Wain", accession_number="NG1207")
    make_object(title="Mona Lisa", accession_number="INV779")
    url = reverse("admin:exhibition_collectionobject_changelist")
    page = curator_client.get(url, {"q": "NG1207"}).content.decode()
    assert "The Hay Wain" in page and "Mona Lisa" not in page


def test_the_object_page_links_the_restoration_tool_at_the_top(curator_client: Client) -> None:
    obj = make_object(title="Cracked fresco", is_damaged=True)
    first, second = add_image(obj), add_image(obj, order=1)
    response = curator_client.get(_change_url(obj))
    html = response.content.decode()
    top = html.index('class="object-restoration-tools"')
    for image in (first, second):
        tool = reverse("admin:exhibition_restoration_tool", args=[image.pk])
        # Above the form's fields (the title input), not only in the images table below.
        assert top < html.index(f'href="{tool}"') < html.index('name="title"')
    assert "this object is marked damaged" in html
    assert 'href="/static/css/admin-object.css"' in html

"""IIIF Change Discovery: a change to an object's media alone (an image or 3D model added,
replaced or removed, a public annotation, a restoration's approval) is an Update of its
manifest at the media's time; media of a hidden object, or curators-only notes, are not."""

from datetime import datetime
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import models
from django.test import Client

from exhibition.models import AuditLogEntry, CollectionObject, ObjectImage, Visibility
from exhibition.models.annotations import AnnotationVisibility
from exhibition.services.annotations import AnnotationInput, annotation_create, annotation_update
from exhibition.services.audit import audit_snapshot
from exhibition.services.collection_edits import collection_edit_record
from exhibition.services.review import machine_output_approve, machine_output_return_to_draft
from tests.builders import add_image, add_model, add_restoration, jpeg_bytes, make_curator
from tests.interop.iiif.test_discovery import _activities, _created
from tests.interop.oai.harvest import set_visibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator() -> User:
    return make_curator()


def _logged(instance: models.Model, curator: User, action: str, before: Any = None) -> None:
    """The entry the admin's inline forms write for a media record."""
    after = {} if action == AuditLogEntry.Action.DELETED else audit_snapshot(instance)
    collection_edit_record(
        instance=instance, before=before if before is not None else {}, after=after,
        action=action, actor=curator,
    )  # fmt: skip


def _end_times(client: Client) -> list[str]:
    top = client.get("/iiif/discovery/").json()
    page = client.get(top["last"]["id"].replace("http://testserver", "")).json()
    return [item["endTime"] for item in page["orderedItems"]]


def _latest_entry_time() -> datetime:
    entry = AuditLogEntry.objects.order_by("-at", "-pk").first()
    assert entry is not None
    return entry.at


def test_images_and_models_added_replaced_and_removed_update_the_manifest(
    client: Client, curator: User
) -> None:
    harbour = _created(curator, slug="harbour")
    image = add_image(harbour)
    _logged(image, curator, AuditLogEntry.Action.CREATED)
    before = audit_snapshot(image)
    image.original.save("harbour-new.jpg", ContentFile(jpeg_bytes(32, 32)), save=False)
    image.width = image.height = 32
    image.save()
    _logged(image, curator, AuditLogEntry.Action.CHANGED, before)
    model = add_model(harbour)
    _logged(model, curator, AuditLogEntry.Action.CREATED)
    _logged(image, curator, AuditLogEntry.Action.DELETED, audit_snapshot(image))
    image.delete()

    assert _activities(client) == [("Create", "harbour")] + [("Update", "harbour")] * 4
    # The media's own time, not the object's.
    assert _end_times(client)[-1] == _latest_entry_time().strftime("%Y-%m-%dT%H:%M:%SZ")


def test_media_of_a_hidden_object_leave_no_activity_and_no_data(
    client: Client, curator: User
) -> None:
    secret = _created(curator, slug="secret", title="A secret drawing")
    set_visibility(secret, Visibility.RESTRICTED, curator=curator)
    image = add_image(secret)
    _logged(image, curator, AuditLogEntry.Action.CREATED)
    _created(curator, slug="draft", visibility=Visibility.DRAFT)
    draft = CollectionObject.objects.get(slug="draft")
    _logged(add_model(draft), curator, AuditLogEntry.Action.CREATED)

    assert _activities(client) == [("Create", "secret"), ("Delete", "secret")]
    body = client.get("/iiif/discovery/page/1/").content.decode()
    assert "secret drawing" not in body and "/images/" not in body


def test_public_annotations_update_the_manifest_and_curators_notes_do_not(
    client: Client, curator: User
) -> None:
    harbour = _created(curator, slug="harbour")
    image = ObjectImage.objects.get(pk=add_image(harbour).pk)
    rect: dict[str, Any] = {
        "selector_kind": "rect",
        "selector": {"x": 1, "y": 2, "w": 10, "h": 5},
        "image": image,
    }
    private = AnnotationInput(
        body="Check the frame.", visibility=AnnotationVisibility.CURATORS, **rect
    )
    note = annotation_create(data=private, creator=curator)
    still_private = AnnotationInput(
        body="Check the frame again.", visibility=AnnotationVisibility.CURATORS, **rect
    )
    annotation_update(annotation=note, data=still_private, editor=curator)
    assert _activities(client) == [("Create", "harbour")]

    published = AnnotationInput(body="Check the frame.", **rect)
    annotation_update(annotation=note, data=published, editor=curator)  # made public
    public = annotation_create(data=AnnotationInput(body="The cart.", **rect), creator=curator)
    annotation_update(
        annotation=public, editor=curator, data=AnnotationInput(body="The cart, wading.", **rect)
    )

    assert _activities(client) == [("Create", "harbour")] + [("Update", "harbour")] * 3


def test_a_restorations_approval_and_its_withdrawal_update_the_manifest(
    client: Client, curator: User
) -> None:
    harbour = _created(curator, slug="harbour")
    restoration = add_restoration(add_image(harbour))  # a draft: not in the manifest
    assert _activities(client) == [("Create", "harbour")]

    machine_output_approve(output=restoration.machine_output, reviewer=curator)
    machine_output_return_to_draft(
        output=restoration.machine_output, reviewer=curator, note="The sky is wrong."
    )

    assert _activities(client) == [("Create", "harbour")] + [("Update", "harbour")] * 2

"""One path for every write to the collection: what is logged, and what is announced."""

from typing import Any

import pytest
from django.contrib.auth.models import User

from exhibition.models import AuditLogEntry, CollectionObject
from exhibition.services.audit import audit_object_snapshot, audit_snapshot
from exhibition.services.collection_edits import (
    collection_change_announce,
    collection_deletion_announce,
    collection_edit_record,
)
from exhibition.signals import collection_object_changed, collection_object_deleted
from tests.builders import add_image, add_model, make_object

pytestmark = pytest.mark.django_db


def test_an_edit_that_changes_nothing_leaves_no_entry(curator: User) -> None:
    obj = make_object(title="The Hay Wain")
    state = audit_snapshot(obj)

    entry = collection_edit_record(
        actor=curator, instance=obj, before=state, after=state, action="changed"
    )

    assert entry is None and not AuditLogEntry.objects.exists()


def test_a_creation_is_logged_even_with_nothing_filled_in(curator: User) -> None:
    obj = make_object()

    entry = collection_edit_record(
        actor=curator, instance=obj, before={}, after={}, action=AuditLogEntry.Action.CREATED
    )

    assert entry is not None and entry.action == "created" and entry.collection_object == obj


def test_an_import_snapshot_names_the_records_written_with_the_object() -> None:
    obj = make_object(title="Portrait")
    add_image(obj)
    add_model(obj)

    snapshot = audit_object_snapshot(obj)

    assert snapshot["title"] == "Portrait"
    assert snapshot["image.alt_text"] == "Image of Portrait"
    assert snapshot["image.original"] and snapshot["model.glb"]
    assert "image.tiles_ready" not in snapshot and "image.checksum" not in snapshot


def test_a_change_to_an_objects_image_is_announced_for_the_object_after_commit(
    django_capture_on_commit_callbacks: Any,
) -> None:
    obj = make_object()
    image = add_image(obj)
    heard: list[tuple[CollectionObject, str]] = []

    def listen(collection_object: CollectionObject, reason: str, **_: Any) -> None:
        heard.append((collection_object, reason))

    collection_object_changed.connect(listen)
    try:
        with django_capture_on_commit_callbacks(execute=False) as pending:
            collection_change_announce(instance=image, reason="admin")
        assert heard == []  # nothing before the write commits
        for callback in pending:
            callback()
    finally:
        collection_object_changed.disconnect(listen)
    assert heard == [(obj, "admin")]


def test_deleting_an_object_announces_its_id_and_slug(
    django_capture_on_commit_callbacks: Any,
) -> None:
    obj = make_object(slug="view-of-delft")
    heard: list[tuple[int, str]] = []

    def listen(object_id: int, slug: str, **_: Any) -> None:
        heard.append((object_id, slug))

    collection_object_deleted.connect(listen)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            collection_deletion_announce(instance=obj, reason="admin")
    finally:
        collection_object_deleted.disconnect(listen)
    assert heard == [(obj.pk, "view-of-delft")]

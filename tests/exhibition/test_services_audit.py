"""The audit log service: snapshots, diffs and append-only entries."""

import pytest
from django.contrib.auth.models import User

from exhibition.models import AuditLogEntry, Place, Tag
from exhibition.services.audit import (
    audit_collection_object_of,
    audit_diff,
    audit_record_change,
    audit_snapshot,
)
from tests.builders import add_image, add_model, make_object

pytestmark = pytest.mark.django_db


def test_a_title_change_is_recorded_with_old_and_new_value_actor_and_object(
    curator: User,
) -> None:
    obj = make_object(title="Untitled")
    before = audit_snapshot(obj)
    obj.title = "The Hay Wain"
    obj.save()

    entry = audit_record_change(
        actor=curator,
        instance=obj,
        changes=audit_diff(before=before, after=audit_snapshot(obj)),
        action=AuditLogEntry.Action.CHANGED,
        note="Title from the catalogue.",
    )

    entry.refresh_from_db()
    assert entry.changes == {"title": {"old": "Untitled", "new": "The Hay Wain"}}
    assert entry.actor == curator
    assert entry.actor_name == "curator"
    assert entry.collection_object == obj
    assert entry.target_model == "exhibition.collectionobject"
    assert entry.target_pk == str(obj.pk)
    assert entry.target_repr == "The Hay Wain"
    assert entry.note == "Title from the catalogue."


def test_snapshots_name_related_records_and_tags_and_skip_timestamps() -> None:
    place = Place.objects.create(slug="delft", name="Delft")
    obj = make_object(place=place)
    obj.tags.add(Tag.objects.create(name="river"), Tag.objects.create(name="cityscape"))

    snapshot = audit_snapshot(obj)

    assert snapshot["place"] == "Delft"
    assert snapshot["tags"] == ["cityscape", "river"]
    assert "created_at" not in snapshot and "updated_at" not in snapshot and "id" not in snapshot


def test_snapshot_reads_tags_from_the_database_not_a_stale_prefetch() -> None:
    obj = make_object()
    prefetched = type(obj).objects.prefetch_related("tags").get(pk=obj.pk)
    list(prefetched.tags.all())
    obj.tags.add(Tag.objects.create(name="sea"))
    assert audit_snapshot(prefetched)["tags"] == ["sea"]


def test_snapshot_records_a_file_by_its_stored_name() -> None:
    image = add_image(make_object(slug="hay-wain"))
    assert audit_snapshot(image)["original"] == image.original.name
    assert image.original.name.startswith("objects/hay-wain/images/")


def test_diff_lists_only_changed_fields_and_ignores_empty_to_empty() -> None:
    before = {"title": "A", "medium": "", "tags": [], "date_start": 1850}
    after = {"title": "B", "medium": None, "tags": [], "date_start": 1850}
    assert audit_diff(before=before, after=after) == {"title": {"old": "A", "new": "B"}}


def test_diff_against_nothing_describes_a_creation_and_a_deletion() -> None:
    state = {"name": "Delft", "latitude": 52.0, "slug": ""}
    assert audit_diff(before={}, after=state) == {
        "latitude": {"old": None, "new": 52.0},
        "name": {"old": None, "new": "Delft"},
    }
    assert audit_diff(before=state, after={})["name"] == {"old": "Delft", "new": None}


def test_media_and_restorations_are_grouped_under_their_object() -> None:
    obj = make_object()
    assert audit_collection_object_of(add_image(obj)) == obj
    assert audit_collection_object_of(add_model(obj)) == obj
    assert audit_collection_object_of(Place(slug="x", name="X")) is None


def test_an_unknown_action_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown audit action"):
        audit_record_change(actor=None, instance=make_object(), changes={}, action="edited")
    assert not AuditLogEntry.objects.exists()


def test_an_entry_without_actor_is_attributed_to_no_one() -> None:
    entry = audit_record_change(
        actor=None, instance=make_object(), changes={}, action=AuditLogEntry.Action.IMPORTED
    )
    assert entry.actor is None and entry.actor_name == ""


def test_entries_cannot_be_rewritten() -> None:
    entry = audit_record_change(
        actor=None, instance=make_object(), changes={}, action=AuditLogEntry.Action.CREATED
    )
    entry.note = "tampered"
    with pytest.raises(ValueError, match="append-only"):
        entry.save()

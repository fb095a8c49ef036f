"""Audit log entries for imports: what each import run changed on an object.

Kept self-contained (rather than calling ``exhibition.services.audit``) so the importer
depends only on the model; both write the same ``AuditLogEntry`` shape.
"""

from typing import Any

from django.utils import timezone

from exhibition.models import AuditLogEntry, CollectionObject

IMPORT_ACTOR = "import"
# {"field": {"old": value, "new": value}, ...}
Changes = dict[str, dict[str, Any]]


def diff_snapshots(old: dict[str, Any], new: dict[str, Any]) -> Changes:
    """The fields whose value differs, as {field: {"old": …, "new": …}}."""
    return {
        name: {"old": old.get(name), "new": value}
        for name, value in new.items()
        if old.get(name) != value
    }


def audit_import(
    *, collection_object: CollectionObject, changes: Changes, created: bool, note: str
) -> AuditLogEntry:
    """Append one "imported" entry for the object; the actor is the import itself."""
    return AuditLogEntry.objects.create(
        target_model=CollectionObject._meta.label_lower,
        target_pk=str(collection_object.pk),
        target_repr=str(collection_object)[:300],
        collection_object=collection_object,
        action=AuditLogEntry.Action.IMPORTED,
        actor=None,
        actor_name=IMPORT_ACTOR,
        at=timezone.now(),
        changes=changes,
        note=("Created by import. " if created else "Updated by import. ") + note,
    )

"""Every write to the collection, whoever makes it, is logged and announced the same way.

The admin (a curator's edit) and the importer (a batch) both come through here: the
difference between a record's state before and after the write goes to the append-only
audit log, and once the write has committed the apps that follow the collection (search,
tours) hear of it through the exhibition's signals.
"""

from django.contrib.auth.models import User
from django.db import models, transaction

from exhibition.models import AuditLogEntry, CollectionObject
from exhibition.services.audit import (
    Snapshot,
    audit_collection_object_of,
    audit_diff,
    audit_record_change,
)
from exhibition.signals import collection_object_changed, collection_object_deleted


def collection_edit_record(
    *,
    instance: models.Model,
    before: Snapshot,
    after: Snapshot,
    action: str,
    actor: User | None = None,
    actor_name: str = "",
    note: str = "",
) -> AuditLogEntry | None:
    """Log what a write changed; None when it changed nothing.

    A creation is logged even when every field is empty: that the record now exists is
    itself the change.
    """
    changes = audit_diff(before=before, after=after)
    if not changes and action != AuditLogEntry.Action.CREATED:
        return None
    return audit_record_change(
        actor=actor,
        actor_name=actor_name,
        instance=instance,
        changes=changes,
        action=action,
        note=note,
    )


def collection_change_announce(*, instance: models.Model, reason: str) -> None:
    """Tell other apps, once the write has committed, that the record's object changed.

    ``instance`` may be the object or a record that belongs to it (an image, a creator
    link); a record that belongs to no object announces nothing.
    """
    obj = audit_collection_object_of(instance)
    if obj is None or obj.pk is None:
        return
    transaction.on_commit(
        lambda: collection_object_changed.send(
            sender=CollectionObject, collection_object=obj, reason=reason
        )
    )


def collection_deletion_announce(*, instance: models.Model, reason: str) -> None:
    """Announce a deletion: of the object itself, or of a record that changes its object."""
    if not isinstance(instance, CollectionObject):
        collection_change_announce(instance=instance, reason=reason)
        return
    object_id, slug = instance.pk, instance.slug
    transaction.on_commit(
        lambda: collection_object_deleted.send(
            sender=CollectionObject, object_id=object_id, slug=slug
        )
    )

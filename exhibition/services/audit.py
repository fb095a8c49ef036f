"""The append-only audit log of curator edits: who changed which field, from what, to what.

Callers (the admin, importers, the review services) take a snapshot of a record before
and after a write, diff the two and record the difference. Values are stored as plain
JSON so an entry stays readable after the record it names is gone.
"""

import json
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import User
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from exhibition.models import AuditLogEntry, CollectionObject, ObjectTranslation

if TYPE_CHECKING:
    from exhibition.models import MachineOutput

Snapshot = dict[str, Any]
# {"field": {"old": value, "new": value}, ...}
Changes = dict[str, dict[str, Any]]

_REPR_LENGTH = AuditLogEntry._meta.get_field("target_repr").max_length or 300


def audit_snapshot(instance: models.Model, *, fields: tuple[str, ...] = ()) -> Snapshot:
    """The record's editable state as JSON values, one entry per field (or per ``fields``).

    Foreign keys and many-to-many links are recorded by their display names, because the
    log is read by people; files by their stored names. Automatic timestamps and the
    primary key are left out: they change on every save and say nothing about the edit.
    """
    snapshot: Snapshot = {}
    for field in instance._meta.concrete_fields:
        if field.primary_key or getattr(field, "auto_now", False):
            continue
        if getattr(field, "auto_now_add", False) or (fields and field.name not in fields):
            continue
        snapshot[field.name] = _field_value(instance, field)
    if instance.pk is not None:
        for m2m in instance._meta.many_to_many:
            through: Any = m2m.remote_field.through
            # Links through an explicit model (creators, section objects) are records of
            # their own and are audited when their inline forms are saved.
            if not through._meta.auto_created or (fields and m2m.name not in fields):
                continue
            # Read the database, not a prefetch cache that may predate the save.
            related_model: Any = m2m.related_model
            related = related_model._default_manager.filter(
                **{m2m.related_query_name(): instance.pk}
            )
            snapshot[m2m.name] = sorted(str(item) for item in related)
    return snapshot


# What an import writes along with an object: its own fields, its creators, and the
# curator-facing fields of its first image and model (sizes, checksums and tile state
# are derived from the files and would only repeat the file's change).
IMPORTED_IMAGE_FIELDS = ("original", "alt_text")
IMPORTED_MODEL_FIELDS = ("glb", "alt_text", "geometry_only")
TRANSLATION_FIELDS = ("title", "description")


def audit_object_snapshot(obj: CollectionObject) -> Snapshot:
    """An object with the records an import writes with it, in the one snapshot shape.

    Related records' fields are prefixed with the record's role ("image.alt_text"), so one
    entry on the object says everything an import changed, in the same field-to-value
    form an admin edit of each record writes.
    """
    snapshot = audit_snapshot(obj)
    snapshot["creators"] = [str(link) for link in obj.creator_links.select_related("agent")]
    image = obj.images.filter(order=0).first()
    model = obj.models3d.filter(order=0).first()
    if image is not None:
        snapshot.update(_prefixed("image", audit_snapshot(image, fields=IMPORTED_IMAGE_FIELDS)))
    if model is not None:
        snapshot.update(_prefixed("model", audit_snapshot(model, fields=IMPORTED_MODEL_FIELDS)))
        snapshot["model.hotspots"] = [f"{h.label} @ {h.position}" for h in model.hotspots.all()]
    if obj.pk is not None:
        # Read the database, not a prefetch cache that may predate the write.
        for translation in ObjectTranslation.objects.filter(collection_object=obj.pk):
            fields = audit_snapshot(translation, fields=TRANSLATION_FIELDS)
            snapshot.update(_prefixed(f"translation.{translation.language}", fields))
    return snapshot


def _prefixed(role: str, snapshot: Snapshot) -> Snapshot:
    return {f"{role}.{name}": value for name, value in snapshot.items()}


def _field_value(instance: models.Model, field: "models.Field[Any, Any]") -> Any:
    if field.is_relation:
        related = getattr(instance, field.name)
        return None if related is None else str(related)
    value = getattr(instance, field.attname)
    if isinstance(value, FieldFile):
        return value.name or None
    # Dates, decimals and UUIDs become the strings Django's JSON encoder writes.
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def audit_diff(*, before: Snapshot, after: Snapshot) -> Changes:
    """The fields whose value differs between two snapshots, with old and new values.

    A field missing from one side counts as empty there, so diffing against ``{}``
    describes a creation (or, the other way round, a deletion) field by field.
    """
    changes: Changes = {}
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if _is_empty(old) and _is_empty(new):
            continue
        if old != new:
            changes[name] = {"old": old, "new": new}
    return changes


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def audit_collection_object_of(instance: models.Model) -> CollectionObject | None:
    """The collection object an edit belongs to, so its page can list the edit."""
    if isinstance(instance, CollectionObject):
        return instance
    for path in ("collection_object", "model.collection_object", "source_image.collection_object"):
        target: Any = instance
        for attribute in path.split("."):
            target = getattr(target, attribute, None)
            if target is None:
                break
        if isinstance(target, CollectionObject):
            return target
    return None


def audit_record_change(
    *,
    actor: User | None,
    instance: models.Model,
    changes: Changes,
    action: str,
    note: str = "",
    actor_name: str = "",
) -> AuditLogEntry:
    """Append one entry to the audit log for a create, change, delete, import or review.

    `actor_name` names a non-person actor (e.g. "import") when `actor` is None.
    """
    if action not in AuditLogEntry.Action.values:
        raise ValueError(
            f"Unknown audit action {action!r}; expected one of "
            f"{', '.join(AuditLogEntry.Action.values)}."
        )
    collection_object = audit_collection_object_of(instance)
    entry = AuditLogEntry(
        target_model=instance._meta.label_lower,
        target_pk=str(instance.pk),
        target_repr=str(instance)[:_REPR_LENGTH],
        # An object being deleted is no longer there to point to once the delete lands.
        collection_object=collection_object if collection_object and collection_object.pk else None,
        action=action,
        actor=actor,
        actor_name=actor.get_username() if actor is not None else actor_name,
        at=timezone.now(),
        changes=changes,
        note=note,
    )
    entry.save()
    return entry


def audit_record_restoration_run(
    *, output: "MachineOutput", actor: User | None, target: models.Model | None = None
) -> AuditLogEntry:
    """Log a virtual restoration run (stored as a draft, or failed) in its object's history.

    A run is machine output, not a curator's edit, but a curator reading an object's history
    must see that a reconstruction of it was made, by which engine and from which mask, and
    find it in the review queue. `target` is the stored Restoration; a failed run has none
    and is logged against its MachineOutput.
    """
    parameters = output.parameters if isinstance(output.parameters, dict) else {}
    changes: Changes = {
        "engine": {"old": None, "new": f"{output.engine} {output.engine_version}".strip()},
        "mask": {"old": None, "new": parameters.get("mask")},
        "masked_fraction": {"old": None, "new": parameters.get("masked_fraction")},
        "status": {"old": None, "new": "failed" if output.error else output.status},
    }
    note = (
        f"Virtual restoration run failed: {output.error}"
        if output.error
        else "Virtual restoration run, stored as a draft for review"
    )
    return audit_record_change(
        actor=actor,
        instance=target if target is not None else output,
        changes=changes,
        action=AuditLogEntry.Action.CREATED,
        note=note,
        actor_name="restoration",
    )

"""Write a batch of records together: a few queries per batch, not per record.

A record that names no image or model, for an object that has none to remove, needs no
file work; its batch is written in one transaction with bulk inserts and updates of the
objects, their creator links, tags and translations, and the audit entries. A record
whose one image has the bytes of an image already stored and tiled (``known_media``)
joins them: its file is copied and its tile set linked before the transaction, and its
image row is inserted with the others. The outcome is the one
``objects.object_import_record`` gives record by record (the tests compare the two).
Records whose object has media go back to the caller, for that path.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from exhibition.iiif.tiles import image_delete_tiles
from exhibition.importing.authorities import agents_for_names, places_for_specs, tags_for_batch
from exhibition.importing.known_media import KnownImage, tile_set_link
from exhibition.importing.media import store_file
from exhibition.importing.objects import (
    IMPORT_ACTOR,
    SCALAR_FIELDS,
    assign_fields,
    clean_object,
    default_alt_text,
    wanted_creators,
)
from exhibition.importing.records import ImportRecord, RecordError
from exhibition.importing.rows import insert_rows
from exhibition.models import (
    Agent,
    AuditLogEntry,
    CollectionObject,
    ObjectCreator,
    ObjectImage,
    ObjectModel3D,
    ObjectTranslation,
    Place,
    Tag,
)
from exhibition.page_cache import collection_changed
from exhibition.services.audit import TRANSLATION_FIELDS, Snapshot, audit_diff, audit_snapshot
from exhibition.services.collection_edits import collection_change_announce

# What the audit log records of an object (as ``audit.audit_snapshot`` chooses them).
_AUDITED_FIELDS = [
    f
    for f in CollectionObject._meta.concrete_fields
    if not (f.primary_key or getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False))
]
_INSERTED_FIELDS = tuple(
    f.name for f in CollectionObject._meta.concrete_fields if not f.primary_key
)
_INSERTED_ATTNAMES = tuple(
    f.attname for f in CollectionObject._meta.concrete_fields if not f.primary_key
)
_AUDIT_FIELDS = (
    "target_model",
    "target_pk",
    "target_repr",
    "collection_object",
    "action",
    "actor",
    "actor_name",
    "at",
    "changes",
    "note",
)
_IMAGE_FIELDS = (
    "collection_object",
    "original",
    "width",
    "height",
    "checksum",
    "alt_text",
    "order",
    "tiles_ready",
    "tiles_checksum",
)
_OBJECT_LABEL = CollectionObject._meta.label_lower
_REPR_LENGTH = AuditLogEntry._meta.get_field("target_repr").max_length or 300
TagLink: Any = CollectionObject.tags.through


class _Link(NamedTuple):
    """A creator link to insert: the values of an ObjectCreator row, without the instance."""

    agent_id: int
    agent_name: str
    role: str
    qualifier: str
    order: int

    def __str__(self) -> str:
        # As ObjectCreator.__str__ words it: the audit log reads the same from either path.
        prefix = f"{self.qualifier} " if self.qualifier else ""
        return f"{prefix}{self.agent_name} ({self.role})"


@dataclass(frozen=True)
class BulkItem:
    line: int
    record: ImportRecord
    image: KnownImage | None = None  # the record's image, stored and tiled already

    @property
    def image_identifier(self) -> str:
        # As ObjectImage.iiif_identifier names the main image (order 0).
        return f"{self.record.slug}-0"


@dataclass
class BulkOutcome:
    statuses: dict[int, str] = field(default_factory=dict)  # line: created/updated/unchanged
    refused: dict[int, str] = field(default_factory=dict)  # line: reason, nothing written
    deferred: list[BulkItem] = field(default_factory=list)  # objects with media to remove
    images: set[int] = field(default_factory=set)  # lines whose image was written, tiled
    unlinked: set[str] = field(default_factory=set)  # checksums whose tiles could not be linked


@dataclass
class _Plan:
    """What one record changes: the object, and the related rows to replace."""

    item: BulkItem
    obj: CollectionObject
    created: bool
    before: Snapshot
    scalars_changed: bool
    alt_text: str = ""  # of the record's image, when it has one
    links: list[_Link] | None = None  # None: keep the current links
    tags: list[Tag] | None = None
    translations: list[ObjectTranslation] = field(default_factory=list)
    stale_translations: list[ObjectTranslation] = field(default_factory=list)
    changed_translations: list[ObjectTranslation] = field(default_factory=list)
    after_links: list[str] = field(default_factory=list)  # as the audit log names them
    after_tags: list[Tag] = field(default_factory=list)
    after_translations: list[ObjectTranslation] = field(default_factory=list)

    @property
    def changes_anything(self) -> bool:
        """False: the object already is what the record says, so there is nothing to log."""
        return (
            self.scalars_changed
            or self.links is not None
            or self.item.image is not None  # an object without media gets one
            or self.tags is not None
            or bool(self.translations or self.stale_translations or self.changed_translations)
        )


def bulk_import_records(
    *,
    items: list[BulkItem],
    damaged: set[str] | None,
    note: Callable[[int], str],
    announce: bool,
) -> BulkOutcome:
    """Create or update each record's object; refusals are returned, not raised.

    Raises DatabaseError when the batch's write fails as a whole (nothing is written then).
    """
    outcome = BulkOutcome()
    existing = _existing_objects([item.record.slug for item in items])
    ready: list[tuple[BulkItem, CollectionObject | None, list[tuple[str, str, str]]]] = []
    for item in items:
        current = existing.get(item.record.slug)
        if current is not None and current.has_media:  # type: ignore[attr-defined]
            outcome.deferred.append(item)
            continue
        try:
            ready.append((item, current, wanted_creators(item.record)))
        except RecordError as exc:
            outcome.refused[item.line] = str(exc)
    ready, stored = _store_images(ready, outcome)
    if not ready:  # all deferred or refused: nothing to write, no change to announce
        return outcome
    try:
        # Agents, places and tags a batch creates commit with its objects, or not at all.
        with transaction.atomic():
            agents = agents_for_names({name for _, _, wanted in ready for name, _, _ in wanted})
            places = places_for_specs([i.record.place for i, _, _ in ready if i.record.place])
            tags = tags_for_batch({name for i, _, _ in ready for name in i.record.tags})
            plans: list[_Plan] = []
            for item, current, wanted in ready:
                try:
                    plans.append(_plan(item, current, wanted, damaged, agents, places, tags))
                except RecordError as exc:
                    outcome.refused[item.line] = str(exc)
            entries = _write(plans, note)
            collection_changed()  # bulk writes send no signal; one bump for the batch
            for plan in plans:
                if plan.item.line in entries and announce:
                    collection_change_announce(instance=plan.obj, reason="imported")
    except BaseException:
        _unstore(stored, keep=set())
        raise
    _unstore(stored, keep={plan.item.line for plan in plans})
    outcome.images = {plan.item.line for plan in plans if plan.item.image is not None}
    for plan in plans:
        if plan.created:
            outcome.statuses[plan.item.line] = "created"
        else:
            changed = plan.item.line in entries
            outcome.statuses[plan.item.line] = "updated" if changed else "unchanged"
    return outcome


Ready = list[tuple[BulkItem, CollectionObject | None, list[tuple[str, str, str]]]]


def _store_images(
    ready: Ready, outcome: BulkOutcome
) -> tuple[Ready, dict[int, tuple[BulkItem, bool]]]:
    """Copy each known image's file and link its tiles, before the transaction opens (file
    work needs no lock); a record whose files fail goes to the one-by-one path, which
    says why. The stored items by line, each with whether its file was copied here."""
    kept: Ready = []
    stored: dict[int, tuple[BulkItem, bool]] = {}
    for entry in ready:
        item = entry[0]
        image = item.image
        if image is None:
            kept.append(entry)
            continue
        copied = False
        try:
            copied = store_file(source=image.source, name=image.name)
            tile_set_link(donor=image.donor, identifier=item.image_identifier)
        except OSError:
            if copied:
                default_storage.delete(image.name)
            outcome.deferred.append(item)
            outcome.unlinked.add(image.checksum)
            continue
        stored[item.line] = (item, copied)
        kept.append(entry)
    return kept, stored


def _unstore(stored: dict[int, tuple[BulkItem, bool]], *, keep: set[int]) -> None:
    """Remove the files and tiles of records that were not written after all."""
    for line, (item, copied) in stored.items():
        if line in keep or item.image is None:
            continue
        image_delete_tiles(identifier=item.image_identifier)
        if copied:
            default_storage.delete(item.image.name)


def _existing_objects(slugs: list[str]) -> dict[str, CollectionObject]:
    media = Exists(ObjectImage.objects.filter(collection_object=OuterRef("pk"))) | Exists(
        ObjectModel3D.objects.filter(collection_object=OuterRef("pk"))
    )
    found = (
        CollectionObject.objects.filter(slug__in=slugs)
        .annotate(has_media=media)
        .select_related("place")
        .prefetch_related("creator_links__agent", "tags", "translations")
    )
    return {obj.slug: obj for obj in found}


def _plan(
    item: BulkItem,
    current: CollectionObject | None,
    wanted: list[tuple[str, str, str]],
    damaged: set[str] | None,
    agents: dict[str, Agent],
    places: dict[str, Place],
    tags: dict[str, Tag],
) -> _Plan:
    record = item.record
    created = current is None
    obj = current or CollectionObject(slug=record.slug)
    current_links = [] if current is None else list(obj.creator_links.all())
    current_tags = [] if current is None else list(obj.tags.all())
    current_translations = [] if current is None else list(obj.translations.all())
    before = {}
    if current is not None:
        links = [str(link) for link in current_links]
        before = _snapshot(obj, links, current_tags, current_translations)
    old_scalars = {name: getattr(obj, name) for name in (*SCALAR_FIELDS, "place_id")}
    place = places[record.place.name] if record.place else None
    assign_fields(obj, record, damaged, place=place, created=created)
    changed = created or old_scalars != {n: getattr(obj, n) for n in (*SCALAR_FIELDS, "place_id")}
    if changed:
        clean_object(obj, checked_elsewhere=True)
    plan = _Plan(item=item, obj=obj, created=created, before=before, scalars_changed=changed)
    if item.image is not None:
        plan.alt_text = record.text["alt_text"] or default_alt_text(record)
    plan.after_links = [str(link) for link in current_links]
    if wanted != [(link.agent.name, link.role, link.qualifier) for link in current_links]:
        plan.links = [
            _Link(agents[name].pk, name, role, qualifier, order)
            for order, (name, role, qualifier) in enumerate(wanted)
        ]
        plan.after_links = [str(link) for link in plan.links]
    plan.after_tags = current_tags
    if sorted(t.name.lower() for t in current_tags) != sorted(n.lower() for n in record.tags):
        chosen = [tags[name.lower()] for name in record.tags]
        plan.tags = list({tag.pk: tag for tag in chosen}.values())
        plan.after_tags = plan.tags
    _plan_translations(plan, current_translations)
    return plan


def _plan_translations(plan: _Plan, current: list[ObjectTranslation]) -> None:
    """As ``objects._sync_translations``: the record's translations replace the object's."""
    wanted = plan.item.record.translations
    by_language = {t.language: t for t in current}
    keep = set(by_language) if wanted is None else set(wanted)
    after = []
    for language, translation in by_language.items():
        if language not in keep or language == plan.obj.language:
            plan.stale_translations.append(translation)
        elif wanted is None or language not in wanted:
            after.append(translation)
    for language, spec in (wanted or {}).items():
        found = by_language.get(language)
        translation = found or ObjectTranslation(language=language)
        if found is None:
            plan.translations.append(translation)
        elif (translation.title, translation.description) != (spec.title, spec.description):
            plan.changed_translations.append(translation)
        translation.title, translation.description = spec.title, spec.description
        after.append(translation)
    plan.after_translations = sorted(after, key=lambda t: t.language)


def _write(plans: list[_Plan], note: Callable[[int], str]) -> set[int]:
    """Write every plan; the lines whose object changed (and got an audit entry)."""
    now = timezone.now()
    updated = [p.obj for p in plans if p.scalars_changed and not p.created]
    for obj in updated:
        obj.updated_at = now  # bulk_update leaves auto_now fields alone
    CollectionObject.objects.bulk_update(updated, [*SCALAR_FIELDS, "place", "updated_at"])
    _insert_objects([p.obj for p in plans if p.created], now)
    _insert_images(plans)
    _replace_links(plans)
    _replace_tags(plans)
    _replace_translations(plans)
    entries = []
    for plan in plans:
        if not plan.changes_anything:
            continue
        after = _snapshot(plan.obj, plan.after_links, plan.after_tags, plan.after_translations)
        if plan.item.image is not None:
            # As ``audit_object_snapshot`` records the main image (IMPORTED_IMAGE_FIELDS).
            after["image.original"] = plan.item.image.name
            after["image.alt_text"] = plan.alt_text
        changes = audit_diff(before=plan.before, after=after)
        if not changes and not plan.created:
            continue
        prefix = "Created by import. " if plan.created else "Updated by import. "
        entries.append((plan, changes, prefix + note(plan.item.line)))
    insert_rows(
        AuditLogEntry,
        _AUDIT_FIELDS,
        (
            (
                _OBJECT_LABEL,
                str(plan.obj.pk),
                str(plan.obj)[:_REPR_LENGTH],
                plan.obj.pk,
                AuditLogEntry.Action.IMPORTED.value,
                None,
                IMPORT_ACTOR,
                now,
                changes,
                text,
            )
            for plan, changes, text in entries
        ),
    )
    return {plan.item.line for plan, _, _ in entries}


def _insert_objects(objects: list[CollectionObject], now: datetime) -> None:
    for obj in objects:
        obj.created_at = obj.updated_at = now
    insert_rows(
        CollectionObject,
        _INSERTED_FIELDS,
        (tuple(getattr(obj, attname) for attname in _INSERTED_ATTNAMES) for obj in objects),
    )
    ids = dict(
        CollectionObject.objects.filter(slug__in=[obj.slug for obj in objects]).values_list(
            "slug", "pk"
        )
    )
    for obj in objects:
        obj.pk = ids[obj.slug]
        obj._state.adding, obj._state.db = False, connection.alias


def _insert_images(plans: list[_Plan]) -> None:
    """The main image of each record that has a known one; its tiles are in place, cut
    from the same bytes, so the row is what the one-by-one path leaves once tiled."""
    insert_rows(
        ObjectImage,
        _IMAGE_FIELDS,
        (
            (
                plan.obj.pk,
                image.name,
                image.width,
                image.height,
                image.checksum,
                plan.alt_text,
                0,
                True,
                image.checksum,
            )
            for plan in plans
            if (image := plan.item.image) is not None
        ),
    )


def _replace_links(plans: list[_Plan]) -> None:
    relinked = [p for p in plans if p.links is not None]
    stale = [p.obj.pk for p in relinked if not p.created]
    if stale:
        ObjectCreator.objects.filter(collection_object_id__in=stale).delete()
    rows = [
        (plan.obj.pk, link.agent_id, link.role, link.qualifier, link.order)
        for plan in relinked
        for link in plan.links or []
    ]
    insert_rows(ObjectCreator, ("collection_object", "agent", "role", "qualifier", "order"), rows)


def _replace_tags(plans: list[_Plan]) -> None:
    retagged = [p for p in plans if p.tags is not None]
    stale = [p.obj.pk for p in retagged if not p.created]
    if stale:
        TagLink.objects.filter(collectionobject_id__in=stale).delete()
    insert_rows(
        TagLink,
        ("collectionobject", "tag"),
        ((plan.obj.pk, tag.pk) for plan in retagged for tag in plan.tags or []),
    )


def _replace_translations(plans: list[_Plan]) -> None:
    stale = [t.pk for p in plans for t in p.stale_translations]
    if stale:
        ObjectTranslation.objects.filter(pk__in=stale).delete()
    fresh = []
    for plan in plans:
        for translation in plan.translations:
            translation.collection_object = plan.obj
            fresh.append(translation)
    ObjectTranslation.objects.bulk_create(fresh)
    ObjectTranslation.objects.bulk_update(
        [t for p in plans for t in p.changed_translations], ["title", "description"]
    )


def _snapshot(
    obj: CollectionObject,
    links: list[str],
    tags: list[Tag],
    translations: list[ObjectTranslation],
) -> Snapshot:
    """``audit.audit_object_snapshot`` for an object without media, from rows in hand
    (the caller adds a known image it writes)."""
    snapshot = _object_snapshot(obj)
    snapshot["tags"] = sorted(str(tag) for tag in tags)
    snapshot["creators"] = links
    for translation in translations:
        for name, value in audit_snapshot(translation, fields=TRANSLATION_FIELDS).items():
            snapshot[f"translation.{translation.language}.{name}"] = value
    return snapshot


def _object_snapshot(obj: CollectionObject) -> Snapshot:
    """``audit.audit_snapshot`` of the object's own fields, without its JSON round trip
    for the text, numbers and flags that come back from JSON unchanged."""
    snapshot: Snapshot = {}
    for audited in _AUDITED_FIELDS:
        if audited.is_relation:
            related = getattr(obj, audited.name)
            snapshot[audited.name] = None if related is None else str(related)
            continue
        value = getattr(obj, audited.attname)
        if value is None or isinstance(value, str | int | float):
            snapshot[audited.name] = value
        else:
            snapshot[audited.name] = json.loads(json.dumps(value, cls=DjangoJSONEncoder))
    return snapshot

"""IIIF Change Discovery API 1.0: the manifests' history as an Activity Streams list.

Activities are derived from the append-only audit log, the record every curator's write
and every import leaves (the same record OAI-PMH reads its deleted records from). Each
entry on an object, read oldest first, moves the object between public and not public:
becoming public is a Create, staying public an Update, leaving public view (restricted,
draft or deleted) a Delete that names only the manifest's address. An object that was
never public leaves no activity. Because the log only grows at its end and an entry's
activity depends only on the entries before it, an activity keeps its page for good.

A manifest also changes when only its media do: an image or 3D model added, replaced or
removed, a public annotation written, changed or withdrawn, a restoration approved or its
approval withdrawn. Those entries are logged on the media record with the object they
belong to; each is an Update of that object's manifest, at its own time, when the object
is public then (a change to a hidden object's media tells a harvester nothing).
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.urls import reverse

from exhibition.iiif.images import AbsoluteUrl
from exhibition.models import (
    AuditLogEntry,
    CollectionObject,
    MachineOutput,
    MachineOutputKind,
    ObjectImage,
    ObjectModel3D,
    ReviewStatus,
    Visibility,
)
from exhibition.models.annotations import Annotation, AnnotationVisibility

DISCOVERY_CONTEXT = "http://iiif.io/api/discovery/1/context.json"
PAGE_SIZE = 100
OBJECT_LABEL = CollectionObject._meta.label_lower
# Media whose every logged change is a change of the manifest.
MEDIA_LABELS = (ObjectImage._meta.label_lower, ObjectModel3D._meta.label_lower)
ANNOTATION_LABEL = Annotation._meta.label_lower
# Restorations reach the manifest through their review, logged on the MachineOutput.
REVIEW_LABEL = MachineOutput._meta.label_lower


@dataclass(frozen=True)
class Activity:
    kind: str  # "Create", "Update" or "Delete"
    slug: str
    at: datetime


@dataclass
class _State:
    public: bool | None  # None: nothing known yet (an object older than the log)
    slug: str


def _change(change: Any) -> tuple[Any, Any, bool]:
    """(old, new, recorded) of one field's change as the log stores it."""
    if not isinstance(change, dict):
        return None, None, False
    return change.get("old"), change.get("new"), True


# (model label, pk, action, at, visibility change, slug change, status change, object pk)
Entry = tuple[str, str, str, datetime, Any, Any, Any, int | None]


def _entries() -> list[Entry]:
    """The object's own entries and its media's, oldest first.

    Only the fields that matter are read from each entry's changes: an object's
    visibility and slug, an annotation's visibility, a review's status.
    """
    labels = (OBJECT_LABEL, *MEDIA_LABELS, ANNOTATION_LABEL, REVIEW_LABEL)
    return list(
        AuditLogEntry.objects.filter(target_model__in=labels)
        .order_by("at", "pk")
        .values_list(
            "target_model",
            "target_pk",
            "action",
            "at",
            "changes__visibility",
            "changes__slug",
            "changes__status",
            "collection_object_id",
        )
    )


class _MediaChanges:
    """Which media entries change a manifest, given the entries read so far.

    An annotation is followed through its own entries (created, its visibility changed,
    deleted): a change to a curators-only annotation leaves the manifest as it was. A
    review counts when a restoration enters or leaves the approved state.
    """

    def __init__(self, entries: list[Entry]) -> None:
        review_pks = {
            int(pk) for label, pk, *_ in entries if label == REVIEW_LABEL and pk.isdigit()
        }
        self.restoration_reviews = {
            str(pk)
            for pk in MachineOutput.objects.filter(
                pk__in=review_pks, kind=MachineOutputKind.RESTORATION
            ).values_list("pk", flat=True)
        }
        self.public_annotations: dict[str, bool] = {}

    def changes_manifest(self, entry: Entry) -> bool:
        label, target_pk, action, _at, visibility, _slug, status, _object = entry
        if label in MEDIA_LABELS:
            return True
        if label == ANNOTATION_LABEL:
            old, new, recorded = _change(visibility)
            was_public = self.public_annotations.get(target_pk, False)
            if action == AuditLogEntry.Action.DELETED:
                self.public_annotations[target_pk] = False
                return was_public or old == AnnotationVisibility.PUBLIC
            if recorded:
                self.public_annotations[target_pk] = new == AnnotationVisibility.PUBLIC
                return (
                    was_public
                    or old == AnnotationVisibility.PUBLIC
                    or bool(self.public_annotations[target_pk])
                )
            return was_public
        old, new, _recorded = _change(status)
        return target_pk in self.restoration_reviews and ReviewStatus.APPROVED in (old, new)


def _first_slugs(entries: list[Entry]) -> dict[str, str]:
    """Each object's slug before its first logged rename, else its slug now."""
    slugs: dict[str, str] = {}
    for label, target_pk, _action, _at, _visibility, slug_change, _status, _object in entries:
        old, new, recorded = _change(slug_change)
        if label == OBJECT_LABEL and recorded and target_pk not in slugs:
            slugs[target_pk] = str(old or new or "")
    keys = {
        int(entry[1])
        for entry in entries
        if entry[0] == OBJECT_LABEL and entry[1].isdigit() and entry[1] not in slugs
    }
    for pk, slug in CollectionObject.objects.filter(pk__in=keys).values_list("pk", "slug"):
        slugs[str(pk)] = slug
    return slugs


def manifest_activities() -> list[Activity]:
    """Every activity, oldest first."""
    entries = _entries()
    first_slugs = _first_slugs(entries)
    media = _MediaChanges(entries)
    states: dict[str, _State] = {}
    activities: list[Activity] = []
    for entry in entries:
        label, target_pk, action, at, visibility, slug_change, _status, object_pk = entry
        if label != OBJECT_LABEL:
            activities += _media_update(media.changes_manifest(entry), states, object_pk, at)
            continue
        state = states.setdefault(target_pk, _State(None, first_slugs.get(target_pk, "")))
        old_visibility, new_visibility, visibility_recorded = _change(visibility)
        if state.public is None and old_visibility is not None:
            state.public = old_visibility == Visibility.PUBLIC
        was_public, old_slug = state.public, state.slug
        if action == AuditLogEntry.Action.DELETED:
            state.public = False
        elif visibility_recorded:
            state.public = new_visibility == Visibility.PUBLIC
        _old, new_slug, slug_recorded = _change(slug_change)
        if slug_recorded and new_slug and action != AuditLogEntry.Action.DELETED:
            state.slug = str(new_slug)
        activities += _transition(was_public, state, old_slug, at)
    return [activity for activity in activities if activity.slug]


def _media_update(
    changes_manifest: bool, states: dict[str, _State], object_pk: int | None, at: datetime
) -> list[Activity]:
    """An Update of the object's manifest when its media changed while it was public.

    Only objects whose own entries say they are public count: the media entry comes
    after the object's creation in the log, and an object older than the log that was
    never edited since has no state to go by.
    """
    state = states.get(str(object_pk)) if object_pk is not None else None
    if not changes_manifest or state is None or not state.public:
        return []
    return [Activity("Update", state.slug, at)]


def _transition(
    was_public: bool | None, state: _State, old_slug: str, at: datetime
) -> list[Activity]:
    if was_public and not state.public:
        return [Activity("Delete", old_slug, at)]
    if state.public and not was_public:
        return [Activity("Create", state.slug, at)]
    if state.public and was_public:
        if state.slug != old_slug:  # a renamed object's manifest moves to a new address
            return [Activity("Delete", old_slug, at), Activity("Create", state.slug, at)]
        return [Activity("Update", state.slug, at)]
    return []


def page_count(total: int) -> int:
    return max(1, (total + PAGE_SIZE - 1) // PAGE_SIZE)


def _page_ref(absolute: AbsoluteUrl, number: int) -> dict[str, str]:
    return {
        "id": absolute(reverse("iiif:discovery-page", args=[number])),
        "type": "OrderedCollectionPage",
    }


def ordered_collection(absolute: AbsoluteUrl) -> dict[str, Any]:
    total = len(manifest_activities())
    return {
        "@context": DISCOVERY_CONTEXT,
        "id": absolute(reverse("iiif:discovery")),
        "type": "OrderedCollection",
        "totalItems": total,
        "first": _page_ref(absolute, 1),
        "last": _page_ref(absolute, page_count(total)),
    }


def _activity(absolute: AbsoluteUrl, activity: Activity) -> dict[str, Any]:
    return {
        "type": activity.kind,
        "object": {
            "id": absolute(reverse("iiif:manifest", kwargs={"slug": activity.slug})),
            "type": "Manifest",
        },
        "endTime": activity.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def ordered_page(absolute: AbsoluteUrl, number: int) -> dict[str, Any] | None:
    """Page ``number`` (from 1, oldest activities first), or None when there is none."""
    activities = manifest_activities()
    pages = page_count(len(activities))
    if not 1 <= number <= pages:
        return None
    start = (number - 1) * PAGE_SIZE
    page: dict[str, Any] = {
        "@context": DISCOVERY_CONTEXT,
        **_page_ref(absolute, number),
        "partOf": {
            "id": absolute(reverse("iiif:discovery")),
            "type": "OrderedCollection",
            "totalItems": len(activities),
        },
        "startIndex": start,
    }
    if number > 1:
        page["prev"] = _page_ref(absolute, number - 1)
    if number < pages:
        page["next"] = _page_ref(absolute, number + 1)
    page["orderedItems"] = [_activity(absolute, a) for a in activities[start : start + PAGE_SIZE]]
    return page

"""IIIF Change Discovery API 1.0: the manifests' history as an Activity Streams list.

Activities are derived from the append-only audit log, the record every curator's write
and every import leaves (the same record OAI-PMH reads its deleted records from). Each
entry on an object, read oldest first, moves the object between public and not public:
becoming public is a Create, staying public an Update, leaving public view (restricted,
draft or deleted) a Delete that names only the manifest's address. An object that was
never public leaves no activity. Because the log only grows at its end and an entry's
activity depends only on the entries before it, an activity keeps its page for good.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.urls import reverse

from exhibition.iiif.images import AbsoluteUrl
from exhibition.models import AuditLogEntry, CollectionObject, Visibility

DISCOVERY_CONTEXT = "http://iiif.io/api/discovery/1/context.json"
PAGE_SIZE = 100
OBJECT_LABEL = CollectionObject._meta.label_lower


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


def _entries() -> list[tuple[str, str, datetime, Any, Any]]:
    # Only the two fields that matter are read from each entry's changes.
    return list(
        AuditLogEntry.objects.filter(target_model=OBJECT_LABEL)
        .order_by("at", "pk")
        .values_list("target_pk", "action", "at", "changes__visibility", "changes__slug")
    )


def _first_slugs(entries: list[tuple[str, str, datetime, Any, Any]]) -> dict[str, str]:
    """Each object's slug before its first logged rename, else its slug now."""
    slugs: dict[str, str] = {}
    for target_pk, _action, _at, _visibility, slug_change in entries:
        old, new, recorded = _change(slug_change)
        if recorded and target_pk not in slugs:
            slugs[target_pk] = str(old or new or "")
    keys = {int(pk) for pk, *_ in entries if pk.isdigit() and pk not in slugs}
    for pk, slug in CollectionObject.objects.filter(pk__in=keys).values_list("pk", "slug"):
        slugs[str(pk)] = slug
    return slugs


def manifest_activities() -> list[Activity]:
    """Every activity, oldest first."""
    entries = _entries()
    first_slugs = _first_slugs(entries)
    states: dict[str, _State] = {}
    activities: list[Activity] = []
    for target_pk, action, at, visibility, slug_change in entries:
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

"""Loads a gallery-map file as the new current map, all of it or nothing.

The file is checked first (``validation``); its objects are then looked up by accession number
or slug. Unknown objects are reported and skipped, since a map often names objects a museum
has not imported yet; any other problem refuses the whole file, and nothing is written.
Restricted and draft objects may be placed: the public selectors keep them from visitors.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Q

from exhibition.models import CollectionObject, Visibility
from tours.gallery.validation import MapError, MapSpec, validate_gallery_map
from tours.models import GalleryMap, ObjectLocation, Room, RoomLink

MAX_FILE_BYTES = 10 * 1024 * 1024
# Lookups are chunked so that no query passes SQLite's limit on parameters.
LOOKUP_CHUNK = 500


class GalleryMapRefused(Exception):
    """The file has errors; nothing was loaded."""

    def __init__(self, errors: list[MapError]) -> None:
        super().__init__(f"{len(errors)} error(s) in the gallery map")
        self.errors = errors


@dataclass
class LoadReport:
    """What a load did (or, on a dry run, would do)."""

    name: str
    is_demo: bool
    rooms: int
    closed_rooms: int
    links: int
    step_free_links: int
    placed: int
    placed_not_public: int
    unknown_objects: list[MapError] = field(default_factory=list)
    gallery_map: GalleryMap | None = None


@dataclass(frozen=True)
class _Resolved:
    rooms_of_objects: dict[int, str]  # object id -> room slug
    not_public: int
    unknown: list[MapError]


def read_map_file(path: Path) -> Any:
    """The parsed JSON document in ``path``; a file that cannot be read is refused."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise GalleryMapRefused(
                [MapError("$", f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")]
            )
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GalleryMapRefused([MapError("$", f"cannot read {path}: {exc.strerror}")]) from None
    except UnicodeDecodeError:
        raise GalleryMapRefused([MapError("$", "the file is not UTF-8 text")]) from None
    except json.JSONDecodeError as exc:
        reason = f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        raise GalleryMapRefused([MapError("$", reason)]) from None


def gallery_map_load(*, path: Path, dry_run: bool = False) -> LoadReport:
    """Load the map file at ``path`` as the current map (or only check it, on a dry run)."""
    return gallery_map_load_document(document=read_map_file(path), dry_run=dry_run)


def gallery_map_load_document(*, document: Any, dry_run: bool = False) -> LoadReport:
    """Load a parsed map document; raises ``GalleryMapRefused`` with every error."""
    spec, errors = validate_gallery_map(document)
    if spec is None:
        raise GalleryMapRefused(errors)
    resolved, duplicates = _resolve_objects(spec)
    if duplicates:
        raise GalleryMapRefused(duplicates)
    report = _report(spec, resolved)
    if not dry_run:
        report.gallery_map = _write(spec, resolved)
    return report


def _resolve_objects(spec: MapSpec) -> tuple[_Resolved, list[MapError]]:
    """Each named object's id and room; unknown names, and objects named twice as errors."""
    refs = [(room.slug, ref) for room in spec.rooms for ref in room.objects]
    found = _objects_by_reference([ref.reference for _, ref in refs])
    rooms_of_objects: dict[int, str] = {}
    first_path: dict[int, str] = {}
    unknown: list[MapError] = []
    duplicates: list[MapError] = []
    not_public = 0
    for room_slug, ref in refs:
        match = found.get(ref.reference)
        if match is None:
            reason = f"no object with accession number or slug '{ref.reference}' (skipped)"
            unknown.append(MapError(ref.path, reason))
        elif match[0] in first_path:
            reason = f"'{ref.reference}' is the object already placed at {first_path[match[0]]}"
            duplicates.append(MapError(ref.path, reason))
        else:
            first_path[match[0]] = ref.path
            rooms_of_objects[match[0]] = room_slug
            not_public += match[1] != Visibility.PUBLIC
    return _Resolved(rooms_of_objects, not_public, unknown), duplicates


def _objects_by_reference(references: list[str]) -> dict[str, tuple[int, str]]:
    """(id, visibility) by reference; an accession number wins over another object's slug."""
    by_slug: dict[str, tuple[int, str]] = {}
    by_number: dict[str, tuple[int, str]] = {}
    for chunk in _chunks(sorted(set(references)), LOOKUP_CHUNK):
        rows = CollectionObject.objects.filter(
            Q(accession_number__in=chunk) | Q(slug__in=chunk)
        ).values_list("pk", "visibility", "accession_number", "slug")
        for pk, visibility, number, slug in rows:
            by_number[number] = (pk, visibility)
            by_slug[slug] = (pk, visibility)
    return {**by_slug, **by_number}


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _report(spec: MapSpec, resolved: _Resolved) -> LoadReport:
    return LoadReport(
        name=spec.name,
        is_demo=spec.is_demo,
        rooms=len(spec.rooms),
        closed_rooms=sum(room.is_closed for room in spec.rooms),
        links=len(spec.links),
        step_free_links=sum(link.step_free for link in spec.links),
        placed=len(resolved.rooms_of_objects),
        placed_not_public=resolved.not_public,
        unknown_objects=resolved.unknown,
    )


@transaction.atomic
def _write(spec: MapSpec, resolved: _Resolved) -> GalleryMap:
    # Earlier maps stay (tours planned on them keep their rooms) but are no longer current.
    GalleryMap.objects.filter(is_current=True).update(is_current=False)
    gallery_map = GalleryMap.objects.create(
        name=spec.name,
        is_current=True,
        is_demo=spec.is_demo,
        viewing_seconds=spec.viewing_seconds,
    )
    rooms = {
        room.slug: Room.objects.create(
            gallery_map=gallery_map,
            slug=room.slug,
            name=room.name,
            floor=room.floor,
            shape=[list(point) for point in room.shape],
            is_closed=room.is_closed,
            is_entrance=room.is_entrance,
            is_exit=room.is_exit,
        )
        for room in spec.rooms
    }
    RoomLink.objects.bulk_create(
        RoomLink(
            gallery_map=gallery_map,
            room_a=rooms[link.room_a],
            room_b=rooms[link.room_b],
            walking_seconds=link.walking_seconds,
            step_free=link.step_free,
        )
        for link in spec.links
    )
    ObjectLocation.objects.bulk_create(
        (
            ObjectLocation(gallery_map=gallery_map, collection_object_id=pk, room=rooms[slug])
            for pk, slug in resolved.rooms_of_objects.items()
        ),
        batch_size=LOOKUP_CHUNK,
    )
    return gallery_map

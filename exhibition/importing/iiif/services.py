"""Import IIIF manifests and collections (files or URLs) as collection objects.

First every SOURCE is read and collections are followed, breadth-first, to a list of
manifests (bounded in depth and count, each collection read once); then each manifest
is read, its canvases' images fetched (the first the main image, the others following in
canvas order, at most MAX_CANVAS_IMAGES), and the object written by the collection importer. One bad
manifest or collection is reported with its reason and never stops the others.
"""

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from django.core.exceptions import SuspiciousOperation
from django.db import DatabaseError

from exhibition.importing.iiif.documents import (
    ImageRef,
    collection_members,
    document_kind,
    read_manifest,
)
from exhibition.importing.iiif.fetching import Location, fetch_json, location_for_source
from exhibition.importing.iiif.images import fetch_image
from exhibition.importing.iiif.records import licence_for_rights, manifest_record
from exhibition.importing.objects import object_import_record
from exhibition.importing.records import RecordError
from exhibition.importing.services import ImportProblem, ImportSummary, record_after_commit
from exhibition.models import CollectionObject

MAX_DEPTH = 5
MAX_MANIFESTS = 5_000
MAX_COLLECTIONS = 500
# Canvases whose images one object takes (a manifest of a book can have hundreds).
MAX_CANVAS_IMAGES = 50


@dataclass(frozen=True)
class IiifProblem:
    source: str
    record_id: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.source} (id {self.record_id})" if self.record_id else self.source
        return f"{where}: {self.reason}"


@dataclass
class IiifSummary(ImportSummary):
    # Imported, but as drafts: their rights name no licence the site knows.
    drafted: int = 0
    reports: list[IiifProblem] = field(default_factory=list)

    @property
    def all_failed(self) -> bool:
        return self.failed > 0 and not (self.created or self.updated or self.unchanged)

    def __str__(self) -> str:
        text = super().__str__()
        return f"{text}; drafts for an unknown licence {self.drafted}" if self.drafted else text


@dataclass(frozen=True)
class _Pending:
    """A manifest to import: where it is, and its JSON when a SOURCE already gave it."""

    location: Location
    data: dict[str, Any] | None = None


ProblemHandler = Callable[[IiifProblem], None]


class _Report(Protocol):
    def __call__(self, problem: IiifProblem, *, failed: bool = True) -> None: ...


def iiif_import(
    *,
    sources: list[str],
    visibility: str | None = None,
    on_total: Callable[[int], None] | None = None,
    on_manifest: Callable[[], None] | None = None,
    on_problem: ProblemHandler | None = None,
) -> IiifSummary:
    """Import every manifest the sources name; problems are collected, not raised.

    ``visibility`` None makes new objects public and leaves existing ones as curators
    set them; an object whose rights name no known licence is never made public.
    """
    started = time.monotonic()
    summary = IiifSummary()

    def report(problem: IiifProblem, *, failed: bool = True) -> None:
        summary.failed += 1 if failed else 0
        summary.reports.append(problem)
        if on_problem is not None:
            on_problem(problem)

    pending = _resolve(sources, report)
    if on_total is not None:
        on_total(len(pending))
    for number, item in enumerate(pending, start=1):
        _import_one(item, number, visibility=visibility, summary=summary, report=report)
        if on_manifest is not None:
            on_manifest()
    summary.seconds = time.monotonic() - started
    return summary


def _resolve(sources: list[str], report: _Report) -> list[_Pending]:
    """The manifests the sources name, collections followed; bad ones reported."""
    pending: list[_Pending] = []
    seen: set[str] = set()
    queue: list[tuple[Location, int]] = []
    for source in sources:
        try:
            queue.append((location_for_source(source), 0))
        except RecordError as exc:
            report(IiifProblem(source, None, str(exc)))
    collections = 0
    while queue:
        location, depth = queue.pop(0)
        if location.address in seen:
            continue  # a cycle, or the same member listed twice
        seen.add(location.address)
        try:
            data = fetch_json(location)
            if document_kind(data) == "Manifest":
                pending.append(_Pending(location, data))
                continue
            collections += 1
            _check_collection_bounds(depth, collections)
            queue.extend(_members(location, data, depth, seen, pending))
        except RecordError as exc:
            report(IiifProblem(location.address, None, str(exc)))
        if len(pending) > MAX_MANIFESTS:
            report(IiifProblem(location.address, None, f"more than {MAX_MANIFESTS} manifests"))
            return pending[:MAX_MANIFESTS]
    return pending


def _check_collection_bounds(depth: int, collections: int) -> None:
    if depth > MAX_DEPTH:
        raise RecordError(f"collection nested more than {MAX_DEPTH} deep; not followed")
    if collections > MAX_COLLECTIONS:
        raise RecordError(f"more than {MAX_COLLECTIONS} collections; not followed")


def _members(
    location: Location, data: dict[str, Any], depth: int, seen: set[str], pending: list[_Pending]
) -> list[tuple[Location, int]]:
    """Member collections to visit next; member manifests go straight to ``pending``."""
    nested = []
    for kind, ident in collection_members(data):
        member = location.resolve(ident)
        if kind == "Collection":
            nested.append((member, depth + 1))
        elif member.address not in seen:
            seen.add(member.address)
            pending.append(_Pending(member))
    return nested


def _import_one(
    item: _Pending, number: int, *, visibility: str | None, summary: IiifSummary, report: _Report
) -> None:
    source, slug = item.location.address, None

    def tile_problem(problem: ImportProblem) -> None:
        report(IiifProblem(source, problem.record_id, problem.reason), failed=False)

    try:
        data = item.data if item.data is not None else fetch_json(item.location)
        if document_kind(data) != "Manifest":
            raise RecordError("listed as a manifest, but the document is a collection")
        manifest = read_manifest(data, fallback_id=source)
        record = manifest_record(manifest, visibility=visibility)
        slug = record.slug
        if not manifest.images:
            raise RecordError("the manifest paints no image on any canvas")
        record.tags = _current_tags(record.slug)
        if len(manifest.images) > MAX_CANVAS_IMAGES:
            extra = len(manifest.images) - MAX_CANVAS_IMAGES
            note = (
                f"{len(manifest.images)} canvases paint an image; the first {MAX_CANVAS_IMAGES} "
                f"are imported, the last {extra} left out (MAX_CANVAS_IMAGES)"
            )
            report(IiifProblem(source, slug, note), failed=False)
        with tempfile.TemporaryDirectory(prefix="vitrine-iiif-") as folder:
            names = _fetch_images(manifest.images[:MAX_CANVAS_IMAGES], item.location, Path(folder))
            record.image, record.more_images = names[0], names[1:]
            result = object_import_record(
                record=record,
                root=Path(folder),
                damaged=None,
                note=f"IIIF manifest {manifest.id} read from {source}.",
                after_commit=record_after_commit(summary, number, record.slug, tile_problem),
            )
    except (RecordError, DatabaseError, OSError, SuspiciousOperation) as exc:
        report(IiifProblem(source, slug, _reason(exc)))
        return
    _count(summary, result.status)
    licence = licence_for_rights(manifest.rights)
    if not licence.known:
        summary.drafted += 1
        note = f"visibility {record.visibility}: {licence.note}"
        report(IiifProblem(source, slug, note), failed=False)


def _fetch_images(images: list[ImageRef], base: Location, folder: Path) -> list[str]:
    """Each canvas's image, in canvas order, as files in ``folder``; the first failure stops."""
    names = []
    for number, image in enumerate(images, start=1):
        try:
            names.append(fetch_image(image, base=base, folder=folder, stem=f"canvas-{number}").name)
        except RecordError as exc:
            raise RecordError(f"canvas {number}: {exc}") from exc
    return names


def _current_tags(slug: str) -> list[str]:
    """A manifest names no tags: those a curator gave the object stay through a re-import."""
    obj = CollectionObject.objects.filter(slug=slug).first()
    return [] if obj is None else list(obj.tags.values_list("name", flat=True))


def _count(summary: IiifSummary, status: str) -> None:
    if status == "created":
        summary.created += 1
    elif status == "updated":
        summary.updated += 1
    else:
        summary.unchanged += 1


def _reason(exc: Exception) -> str:
    if isinstance(exc, RecordError):
        return str(exc)
    if isinstance(exc, DatabaseError):
        return f"database refused the record: {exc}"
    return f"{type(exc).__name__}: {exc}"

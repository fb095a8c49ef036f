"""Import a collection folder (``objects.jsonl`` plus the files it names) into the database.

One bad record never stops the run: it is reported with its line number and reason, and
every other record is still imported. Tiles are cut by a background task once a record's
transaction has committed (in-process in the embedded default).
"""

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import SuspiciousOperation
from django.core.files.storage import default_storage
from django.db import DatabaseError

from exhibition.iiif.tiles import image_delete_tiles, tiles_are_current
from exhibition.importing.objects import RecordResult, object_import_record
from exhibition.importing.records import (
    ImportRecord,
    RecordError,
    parse_line,
    record_id,
    validate_record,
)
from exhibition.models import ObjectImage, ObjectModel3D
from exhibition.services.collection_edits import collection_change_announce
from exhibition.services.media import image_request_tiles

RECORDS_FILE = "objects.jsonl"
DAMAGED_FILE = "damaged.json"


class CollectionError(Exception):
    """The collection as a whole cannot be read (no objects.jsonl, bad damaged.json)."""


@dataclass(frozen=True)
class ImportProblem:
    line: int
    record_id: str | None
    reason: str

    def __str__(self) -> str:
        return f"line {self.line} (id {self.record_id or '?'}): {self.reason}"


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    tiles_generated: int = 0
    tiles_queued: int = 0
    tiles_failed: int = 0
    seconds: float = 0.0
    problems: list[ImportProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.tiles_failed

    def __str__(self) -> str:
        tiles = f"tiles generated {self.tiles_generated}"
        if self.tiles_queued:
            tiles += f", tile sets queued {self.tiles_queued}"
        if self.tiles_failed:
            tiles += f", tile sets failed {self.tiles_failed}"
        return (
            f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}, "
            f"failed {self.failed}; {tiles}; {self.seconds:.1f} s"
        )


ProblemHandler = Callable[[ImportProblem], None]


def count_records(root: Path) -> int:
    """Non-blank lines of objects.jsonl, for a progress bar."""
    with _records_path(root).open("rb") as fh:
        return sum(1 for raw in fh if raw.strip())


def collection_import(
    *,
    root: Path,
    on_record: Callable[[], None] | None = None,
    on_problem: ProblemHandler | None = None,
) -> ImportSummary:
    """Import every record of ``root/objects.jsonl``; problems are collected, not raised."""
    started = time.monotonic()
    records_path = _records_path(root)
    damaged = read_damaged(root)
    summary = ImportSummary()
    imported_on: dict[str, int] = {}

    def report(problem: ImportProblem) -> None:
        summary.problems.append(problem)
        if on_problem is not None:
            on_problem(problem)

    for number, line in _numbered_lines(records_path):
        rid: str | None = None
        try:
            data = parse_line(_decode(line))
            rid = record_id(data)
            if rid in imported_on:
                raise RecordError(f"id '{rid}' was already imported from line {imported_on[rid]}")
            record = validate_record(data)
            status = _import_line(record, number, root, damaged, summary=summary, report=report)
            imported_on[record.slug] = number
            _count(summary, status)
        except (RecordError, DatabaseError, OSError, SuspiciousOperation) as exc:
            summary.failed += 1
            report(ImportProblem(number, rid, _reason(exc)))
        if on_record is not None:
            on_record()
    summary.seconds = time.monotonic() - started
    return summary


def _import_line(
    record: ImportRecord,
    number: int,
    root: Path,
    damaged: set[str] | None,
    *,
    summary: ImportSummary,
    report: ProblemHandler,
) -> str:
    """Write one valid record; its status ("created", "updated" or "unchanged")."""
    result = object_import_record(
        record=record,
        root=root,
        damaged=damaged,
        note=f"Line {number} of {root / RECORDS_FILE}.",
        after_commit=record_after_commit(summary, number, record.slug, report),
    )
    return result.status


def _count(summary: ImportSummary, status: str) -> None:
    if status == "created":
        summary.created += 1
    elif status == "updated":
        summary.updated += 1
    else:
        summary.unchanged += 1


def read_damaged(root: Path) -> set[str] | None:
    """Ids listed in damaged.json, or None when the file is absent."""
    path = root / DAMAGED_FILE
    if not path.is_file():
        return None
    try:
        ids = json.loads(path.read_text(encoding="utf-8")).get("ids")
    except (ValueError, AttributeError, UnicodeDecodeError):
        ids = None
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise CollectionError(f"{path} must be a JSON object with a list of ids under 'ids'")
    return set(ids)


def _records_path(root: Path) -> Path:
    path = root / RECORDS_FILE
    if not path.is_file():
        raise CollectionError(f"no {RECORDS_FILE} in {root}")
    return path


def _numbered_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) of each non-blank line; decoding is per line, so one line
    in another encoding fails alone, with its own number."""
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if raw.strip():
                yield number, raw


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise RecordError(f"line is not UTF-8 text (byte {exc.start + 1})") from None


def record_after_commit(
    summary: ImportSummary, line: int, slug: str, report: ProblemHandler
) -> Callable[[RecordResult], None]:
    """What every import door does once a record has committed: announce the change,
    remove files and tiles it no longer uses, and have its new image tiled."""

    def finish(result: RecordResult) -> None:
        collection_change_announce(instance=result.collection_object, reason="imported")
        _delete_unreferenced(result.stale_files)
        for identifier in result.stale_tiles:
            image_delete_tiles(identifier=identifier)
        if result.image is not None and not tiles_are_current(result.image):
            _schedule_tiles(result.image, summary, line, slug, report)

    return finish


def _schedule_tiles(
    image: ObjectImage, summary: ImportSummary, line: int, slug: str, report: ProblemHandler
) -> None:
    try:
        image_request_tiles(image=image)
    except Exception as exc:  # the record is in; its tiles can be cut again by re-import
        summary.tiles_failed += 1
        report(ImportProblem(line, slug, f"tiles could not be generated: {_reason(exc)}"))
        return
    # In-process (the embedded default) the tiles are cut by now; a worker cuts them later.
    image.refresh_from_db()
    if tiles_are_current(image):
        summary.tiles_generated += 1
    else:
        summary.tiles_queued += 1


def _delete_unreferenced(names: list[str]) -> None:
    for name in names:
        in_use = (
            ObjectImage.objects.filter(original=name).exists()
            or ObjectModel3D.objects.filter(glb=name).exists()
            or ObjectModel3D.objects.filter(original=name).exists()
        )
        if name and not in_use:
            default_storage.delete(name)


def _reason(exc: Exception) -> str:
    if isinstance(exc, RecordError):
        return str(exc)
    if isinstance(exc, DatabaseError):
        return f"database refused the record: {exc}"
    return f"{type(exc).__name__}: {exc}"

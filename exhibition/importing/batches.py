"""Import one batch of lines: check them all, then write them together where they allow it.

Every line is parsed and validated first, and ids and accession numbers are checked for the
whole batch in one query each. Records without files are then written in one transaction
(``bulk``), and so are records whose one image has the bytes of an image already stored
and tiled (``known_media``): the first record naming new bytes goes alone first, so the
batch's other records naming them join the rest. Records with new images or a model,
which need their files checked, copied and tiled, go one by one through
``objects.object_import_record`` as before. A batch whose bulk write fails is written
again record by record, so the record at fault is found and reported alone. Problems are
reported in line order, each with its line and reason.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import SuspiciousOperation
from django.core.files.storage import default_storage
from django.db import DatabaseError
from django.db.models import Q

from exhibition.iiif.tiles import image_delete_tiles, tiles_are_current
from exhibition.importing.bulk import BulkItem, bulk_import_records
from exhibition.importing.journal import ImportJournal
from exhibition.importing.known_media import KnownMedia
from exhibition.importing.media import SourceFile
from exhibition.importing.objects import RecordResult, object_import_record
from exhibition.importing.reading import MAX_LINE_BYTES, Batch
from exhibition.importing.records import (
    ImportRecord,
    RecordError,
    parse_line,
    record_id,
    validate_record,
)
from exhibition.importing.summary import ImportProblem, ImportSummary, ProblemHandler
from exhibition.models import CollectionObject, ObjectImage, ObjectModel3D
from exhibition.services.collection_edits import collection_change_announce
from exhibition.services.media import image_request_tiles

Numbered = tuple[int, ImportRecord]


@dataclass(frozen=True)
class BatchContext:
    """What every batch of one run shares."""

    records_path: Path
    damaged: set[str] | None
    journal: ImportJournal
    summary: ImportSummary
    report: ProblemHandler
    # Tell search, descriptions and speech about each changed record now; off, the
    # commands that follow a large import (embed_collection, build_keyword_index...) do it.
    announce: bool = True
    # Checksums of source files and the tiled content, learnt batch after batch.
    known: KnownMedia = field(default_factory=KnownMedia)


def import_batch(batch: Batch, context: BatchContext) -> list[tuple[str, int]]:
    """Import the batch's records; the (id, line) of each one now in the database."""
    problems: list[ImportProblem] = []
    records = _checked_accession_numbers(_validated(batch, context.journal, problems), problems)
    imported: list[tuple[str, int]] = []
    together = [BulkItem(n, r) for n, r in records if r.image is None and r.model is None]
    one_by_one, images = _sources(records, context)
    firsts = _first_of_new_content(images, context)
    for number, record in firsts:
        del images[number]
        _import_one(number, record, context, problems, imported)
    if firsts:  # tiled by now when tiles are cut in-process; else the rest go one by one
        context.known.learn({source.checksum for _, source in images.values()})
    for number, (record, source) in images.items():
        known = context.known.known_image(record, source)
        if known is None:
            one_by_one.append((number, record))
        else:
            together.append(BulkItem(number, record, known))
    if together:
        one_by_one += _import_together(together, context, problems, imported)
    for number, record in sorted(one_by_one, key=lambda numbered: numbered[0]):
        _import_one(number, record, context, problems, imported)
    context.summary.failed += len(problems)
    for problem in sorted(problems, key=lambda p: p.line):
        context.report(problem)
    return imported


def _sources(
    records: list[Numbered], context: BatchContext
) -> tuple[list[Numbered], dict[int, tuple[ImportRecord, SourceFile]]]:
    """Records with media: those that must go one by one, and those with one image (by
    line, with its file) that may join the batch if its bytes are stored and tiled."""
    one_by_one: list[Numbered] = []
    images: dict[int, tuple[ImportRecord, SourceFile]] = {}
    for number, record in records:
        if record.image is None and record.model is None:
            continue
        source = context.known.image_source(record, context.records_path.parent)
        if source is None:
            one_by_one.append((number, record))
        else:
            images[number] = (record, source)
    context.known.learn({source.checksum for _, source in images.values()})
    return one_by_one, images


def _first_of_new_content(
    images: dict[int, tuple[ImportRecord, SourceFile]], context: BatchContext
) -> list[Numbered]:
    """For each image content not stored and tiled yet, the first record naming it."""
    first: dict[str, Numbered] = {}
    for number, (record, source) in sorted(images.items()):
        if source.checksum not in context.known.donors:
            first.setdefault(source.checksum, (number, record))
    return list(first.values())


def _import_one(
    number: int,
    record: ImportRecord,
    context: BatchContext,
    problems: list[ImportProblem],
    imported: list[tuple[str, int]],
) -> None:
    try:
        result = object_import_record(
            record=record,
            root=context.records_path.parent,
            damaged=context.damaged,
            note=f"Line {number} of {context.records_path}.",
            after_commit=record_after_commit(
                context.summary, number, record.slug, context.report, announce=context.announce
            ),
        )
    except (RecordError, DatabaseError, OSError, SuspiciousOperation) as exc:
        problems.append(ImportProblem(number, record.slug, _reason(exc)))
        return
    context.summary.count(result.status)
    imported.append((record.slug, number))


def _validated(
    batch: Batch, journal: ImportJournal, problems: list[ImportProblem]
) -> list[Numbered]:
    parsed: list[tuple[int, dict[str, Any], str | None]] = []
    for line in batch.lines:
        try:
            if line.too_long:
                raise RecordError(f"line is longer than {MAX_LINE_BYTES:,} bytes")
            data = parse_line(_decode(line.raw))
        except RecordError as exc:
            problems.append(ImportProblem(line.number, None, str(exc)))
            continue
        parsed.append((line.number, data, record_id(data)))
    # Ids imported by earlier batches of this run (or of the run it resumes), then this one's.
    imported_on = journal.lines_of(rid for _, _, rid in parsed if rid)
    records: list[Numbered] = []
    for number, data, rid in parsed:
        try:
            if rid is not None and rid in imported_on:
                raise RecordError(f"id '{rid}' was already imported from line {imported_on[rid]}")
            record = validate_record(data)
        except RecordError as exc:
            problems.append(ImportProblem(number, rid, str(exc)))
            continue
        imported_on[record.slug] = number
        records.append((number, record))
    return records


def _checked_accession_numbers(
    records: list[Numbered], problems: list[ImportProblem]
) -> list[Numbered]:
    """Refuse a number another object holds, in the database or earlier in the batch."""
    numbers = {_accession_number(record) for _, record in records}
    slugs = {record.slug for _, record in records}
    rows = CollectionObject.objects.filter(
        Q(accession_number__in=numbers) | Q(slug__in=slugs)
    ).values_list("slug", "accession_number")
    owner = {number: slug for slug, number in rows}
    held = {slug: number for slug, number in rows}
    kept = []
    for line, record in records:
        number = _accession_number(record)
        other = owner.get(number)
        if other is not None and other != record.slug:
            reason = f"accession number '{number}' is already used by object '{other}'"
            problems.append(ImportProblem(line, record.slug, reason))
            continue
        previous = held.get(record.slug)
        if previous is not None and owner.get(previous) == record.slug:
            del owner[previous]  # renumbered: its old number is free for a later record
        owner[number], held[record.slug] = record.slug, number
        kept.append((line, record))
    return kept


def _accession_number(record: ImportRecord) -> str:
    return record.text["accession_number"] or record.slug


def _import_together(
    items: list[BulkItem],
    context: BatchContext,
    problems: list[ImportProblem],
    imported: list[tuple[str, int]],
) -> list[Numbered]:
    """Write records without files in one transaction; those left for one-by-one writing."""
    try:
        outcome = bulk_import_records(
            items=items,
            damaged=context.damaged,
            note=lambda line: f"Line {line} of {context.records_path}.",
            announce=context.announce,
        )
    except DatabaseError:
        # Nothing was written; one by one, the record at fault fails alone and says why.
        return [(item.line, item.record) for item in items]
    for checksum in outcome.unlinked:  # its tiles went meanwhile: look for others next time
        context.known.forget(checksum)
    slugs = {item.line: item.record.slug for item in items}
    for line, reason in outcome.refused.items():
        problems.append(ImportProblem(line, slugs[line], reason))
    for line, status in outcome.statuses.items():
        context.summary.count(status)
        imported.append((slugs[line], line))
    # A tile set linked from the same bytes is as good as one cut for the image.
    context.summary.tiles_generated += len(outcome.images)
    context.summary.tiles_reused += len(outcome.images)
    return [(item.line, item.record) for item in outcome.deferred]


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise RecordError(f"line is not UTF-8 text (byte {exc.start + 1})") from None


def record_after_commit(
    summary: ImportSummary,
    line: int,
    slug: str,
    report: ProblemHandler,
    *,
    announce: bool = True,
) -> Callable[[RecordResult], None]:
    """What every import door does once a record has committed: announce the change,
    remove files and tiles it no longer uses, and have its new images tiled."""

    def finish(result: RecordResult) -> None:
        if announce:
            collection_change_announce(instance=result.collection_object, reason="imported")
        _delete_unreferenced(result.stale_files)
        for identifier in result.stale_tiles:
            image_delete_tiles(identifier=identifier)
        for image in [result.image, *result.more_images]:
            if image is not None and not tiles_are_current(image):
                _schedule_tiles(image, summary, line, slug, report)

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

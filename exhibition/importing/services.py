"""Import a collection folder (``objects.jsonl`` plus the files it names) into the database.

The file is read as a stream, in batches (``batches``): memory stays the same however long
it is. One bad record never stops the run: it is reported with its line number and
reason, and every other record is still imported. After each batch the journal notes how
far the run got, so a run that is interrupted (killed, a lost connection) resumes after
the last batch it committed; records are matched by id, so a batch done twice is harmless.
Tiles are cut by a background task once a record's transaction has committed (in-process
in the embedded default).
"""

import json
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

from exhibition.browse_facet_store import browse_facets_rebuild
from exhibition.importing.batches import BatchContext, import_batch, record_after_commit
from exhibition.importing.journal import ImportJournal, Position, SourceIdentity
from exhibition.importing.reading import Batch, read_batches
from exhibition.importing.summary import ImportProblem, ImportSummary, ProblemHandler
from exhibition.models import CollectionObject

__all__ = [
    "CollectionError",
    "ImportProblem",
    "ImportSummary",
    "ProblemHandler",
    "collection_import",
    "count_records",
    "read_damaged",
    "record_after_commit",
]

RECORDS_FILE = "objects.jsonl"
DAMAGED_FILE = "damaged.json"
DEFAULT_BATCH_SIZE = 1000
MAX_BATCH_SIZE = 10_000


class CollectionError(Exception):
    """The collection as a whole cannot be read (no objects.jsonl, bad damaged.json)."""


def count_records(root: Path) -> int:
    """Non-blank lines of objects.jsonl, for a progress bar."""
    with _records_path(root).open("rb") as fh:
        return sum(1 for raw in fh if raw.strip())


def checkpoint_folder() -> Path:
    """Where interrupted imports leave their journals (see ``journal``)."""
    return Path(settings.VAR_DIR) / "import-checkpoints"


def collection_import(
    *,
    root: Path,
    on_record: Callable[[], None] | None = None,
    on_problem: ProblemHandler | None = None,
    on_resume: Callable[[Position], None] | None = None,
    on_batch: Callable[[Batch], None] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    restart: bool = False,
    announce: bool = True,
    checkpoint_dir: Path | None = None,
) -> ImportSummary:
    """Import every record of ``root/objects.jsonl``; problems are collected, not raised.

    An earlier run of the same file into the same database that did not finish is resumed
    after its last committed batch (``on_resume`` hears where), unless ``restart``.
    ``on_batch`` is called after each batch has committed and been journalled.
    """
    if not 1 <= batch_size <= MAX_BATCH_SIZE:
        raise ValueError(f"batch size must be from 1 to {MAX_BATCH_SIZE:,}, not {batch_size}")
    started = time.monotonic()
    records_path = _records_path(root)
    damaged = read_damaged(root)
    summary = ImportSummary()

    def report(problem: ImportProblem) -> None:
        summary.add_problem(problem)
        if on_problem is not None:
            on_problem(problem)

    journal = _open_journal(records_path, checkpoint_dir or checkpoint_folder(), restart=restart)
    start = journal.position
    summary.resumed_after_line, summary.resumed_records = start.line, start.records
    if start.line and on_resume is not None:
        on_resume(start)
    context = BatchContext(records_path, damaged, journal, summary, report, announce)
    try:
        for batch in read_batches(records_path, start=start, size=batch_size):
            imported = import_batch(batch, context)
            journal.record_batch(imported=imported, position=batch.end)
            if on_record is not None:
                for _ in batch.lines:
                    on_record()
            if on_batch is not None:
                on_batch(batch)
    except BaseException:
        journal.close()  # kept: the next run resumes from it
        raise
    journal.finish()
    if summary.created or summary.updated or summary.resumed_records:
        # Records written together skip the signals that keep browse's facet counts: one
        # recount after the whole file (an interrupted run's batches included) mends them.
        browse_facets_rebuild()
    summary.seconds = time.monotonic() - started
    return summary


def _open_journal(records_path: Path, folder: Path, *, restart: bool) -> ImportJournal:
    """The journal to resume, unless the database has lost what it says was imported
    (rebuilt since the interrupted run): then the file is imported from the top."""
    source = SourceIdentity.of(records_path)
    journal = ImportJournal.open(folder=folder, source=source, restart=restart)
    if journal.last_id and not CollectionObject.objects.filter(slug=journal.last_id).exists():
        journal.close()
        journal = ImportJournal.open(folder=folder, source=source, restart=True)
    return journal


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

"""The streamed, batched import: same result as record by record, line-numbered problems,
resuming an interrupted run without duplicates, and idempotent re-runs."""

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError
from pytest_django.fixtures import Settings

from exhibition.importing import bulk, reading
from exhibition.importing.journal import ImportJournal
from exhibition.importing.objects import object_import_record
from exhibition.importing.reading import Batch
from exhibition.importing.records import parse_line, validate_record
from exhibition.importing.services import ImportSummary, collection_import, read_damaged
from exhibition.models import (
    Agent,
    AuditLogEntry,
    CollectionObject,
    ObjectCreator,
    Place,
    Tag,
)
from exhibition.services.audit import audit_object_snapshot
from tests.exhibition.importing.helpers import record, write_collection

pytestmark = pytest.mark.django_db(transaction=True)


class Interrupted(Exception):
    """Stands for the process being killed."""


def metadata(slug: str, **fields: Any) -> dict[str, Any]:
    return record(slug, image=None, **fields)


def first_file() -> list[dict[str, Any] | str]:
    return [
        metadata("a", creator="attributed to Rembrandt van Rijn; Jan Lievens (engraver)"),
        metadata("b", creator="James Stuart and Nicholas Revett", tags=["Portrait", "Ship"]),
        metadata(
            "c",
            place={"name": "Copenhagen", "latitude": 55.68, "longitude": 12.57},
            tags=["portrait"],
            visibility="draft",
            featured=True,
            content_note="Shows a burial.",
        ),
        metadata(
            "d",
            title="Blumenkasten (flower box; title truncated in source)",
            translations={"fr": {"title": "Jardinière", "description": "Une boîte."}},
            accession_number="INV-4",
        ),
        metadata("e", creator=None, culture=None, date_start=-450, date_end=-420),
        metadata("f", place="Copenhagen", creator="Govert Flinck (attribution as given by source)"),
    ]


def second_file() -> list[dict[str, Any] | str]:
    """The first file changed: a title, tags, a creator, translations removed, one new."""
    lines = first_file()
    lines[0] = metadata(
        "a", title="A better title", creator="attributed to Rembrandt van Rijn; Jan Lievens"
    )
    lines[1] = metadata("b", creator="James Stuart", tags=["ship"])
    lines[3] = metadata(
        "d", title="Blumenkasten", translations={}, accession_number="INV-4", language="en"
    )
    lines.append(metadata("g", creator="Rembrandt van Rijn", tags=["Portrait"]))
    return lines


def import_record_by_record(root: Path) -> None:
    """The importer before batches: each record in its own transaction."""
    damaged = read_damaged(root)
    path = root / "objects.jsonl"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        object_import_record(
            record=validate_record(parse_line(line)),
            root=root,
            damaged=damaged,
            note=f"Line {number} of {path}.",
        )


def collection_state() -> dict[str, Any]:
    """Everything an import writes, in a form two databases can be compared by."""
    entries = AuditLogEntry.objects.order_by("collection_object__slug", "pk")
    return {
        "objects": {o.slug: audit_object_snapshot(o) for o in CollectionObject.objects.all()},
        "links": sorted(
            ObjectCreator.objects.values_list(
                "collection_object__slug", "agent__name", "role", "qualifier", "order"
            )
        ),
        "agents": sorted(Agent.objects.values_list("name", "slug")),
        "places": sorted(Place.objects.values_list("name", "slug", "latitude", "longitude")),
        "tags": sorted(Tag.objects.values_list("name", flat=True)),
        "audit": [
            (e.target_repr, e.action, e.actor_name, json.dumps(e.changes, sort_keys=True), e.note)
            for e in entries
        ],
    }


def forget_everything() -> None:
    AuditLogEntry.objects.all().delete()
    CollectionObject.objects.all().delete()
    for model in (Agent, Place, Tag):
        model.objects.all().delete()


def run(root: Path, tmp_path: Path, **options: Any) -> ImportSummary:
    return collection_import(root=root, checkpoint_dir=tmp_path / "checkpoints", **options)


def test_batched_import_writes_what_the_record_by_record_import_writes(tmp_path: Path) -> None:
    root = tmp_path / "c"
    write_collection(root, first_file(), damaged=["c"])
    first = run(root, tmp_path, batch_size=4)
    write_collection(root, second_file(), damaged=["c", "g"])
    second = run(root, tmp_path, batch_size=4)
    batched = collection_state()
    forget_everything()

    write_collection(root, first_file(), damaged=["c"])
    import_record_by_record(root)
    write_collection(root, second_file(), damaged=["c", "g"])
    import_record_by_record(root)

    assert (first.created, first.failed) == (6, 0)
    assert (second.created, second.updated, second.unchanged, second.failed) == (1, 3, 3, 0)
    assert batched == collection_state()
    assert batched["objects"]["a"]["title"] == "A better title"
    assert "translation.fr.title" not in batched["objects"]["d"]
    assert batched["objects"]["f"]["source"].endswith("attribution as given by source.")


def test_a_bad_line_is_reported_with_its_number_and_the_rest_import(tmp_path: Path) -> None:
    root = write_collection(
        tmp_path / "c",
        [
            metadata("a"),
            "{not json",
            metadata("b", creator="X" * 301),
            metadata("c", medium="m" * 501),
            metadata("d", licence="nope"),
            metadata("e", accession_number="a"),
            metadata("f"),
        ],
    )

    summary = run(root, tmp_path, batch_size=3)

    assert sorted(CollectionObject.objects.values_list("slug", flat=True)) == ["a", "f"]
    assert summary.failed == 5
    assert [(p.line, p.record_id) for p in summary.problems] == [
        (2, None),
        (3, "b"),
        (4, "c"),
        (5, "d"),
        (6, "e"),
    ]
    reasons = [p.reason for p in summary.problems]
    assert reasons[0].startswith("invalid JSON")
    assert "longer than 300 characters" in reasons[1]
    assert reasons[2] == "medium: Ensure this value has at most 500 characters (it has 501)."
    assert reasons[3].startswith("unknown licence 'nope'")
    assert reasons[4] == "accession number 'a' is already used by object 'a'"


def test_a_batch_the_database_refuses_is_written_record_by_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise IntegrityError("batch refused")

    monkeypatch.setattr(bulk, "_write", refuse)
    root = write_collection(tmp_path / "c", [metadata("a"), metadata("b"), metadata("c")])

    summary = run(root, tmp_path, batch_size=10)

    assert (summary.created, summary.failed) == (3, 0)
    assert CollectionObject.objects.count() == 3
    assert AuditLogEntry.objects.count() == 3


def seven_records() -> list[dict[str, Any] | str]:
    return [metadata(slug, creator=f"Maker {slug.upper()}") for slug in "abcdefg"]


def interrupt_after(batches: int) -> Any:
    done: list[Batch] = []

    def on_batch(batch: Batch) -> None:
        done.append(batch)
        if len(done) == batches:
            raise Interrupted

    return on_batch


def test_an_interrupted_import_resumes_after_its_last_committed_batch(tmp_path: Path) -> None:
    root = write_collection(tmp_path / "c", seven_records())
    with pytest.raises(Interrupted):
        run(root, tmp_path, batch_size=2, on_batch=interrupt_after(2))
    assert CollectionObject.objects.count() == 4

    resumed = run(root, tmp_path, batch_size=2)

    assert (resumed.resumed_after_line, resumed.resumed_records) == (4, 4)
    assert (resumed.created, resumed.unchanged, resumed.failed) == (3, 0, 0)
    assert "resumed after line 4" in str(resumed)
    assert CollectionObject.objects.count() == 7
    assert AuditLogEntry.objects.count() == 7
    assert Agent.objects.count() == 7
    assert not list((tmp_path / "checkpoints").glob("*.sqlite3"))  # finished: nothing to resume

    again = run(root, tmp_path, batch_size=2)

    assert (again.resumed_after_line, again.unchanged, again.created) == (0, 7, 0)
    assert AuditLogEntry.objects.count() == 7


def test_a_batch_committed_but_not_journalled_is_replayed_without_duplicates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_batch = ImportJournal.record_batch
    calls: list[int] = []

    def killed_before_second_note(self: ImportJournal, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise Interrupted  # the batch is in the database, the journal does not know
        record_batch(self, **kwargs)

    root = write_collection(tmp_path / "c", seven_records())
    monkeypatch.setattr(ImportJournal, "record_batch", killed_before_second_note)
    with pytest.raises(Interrupted):
        run(root, tmp_path, batch_size=2)
    monkeypatch.setattr(ImportJournal, "record_batch", record_batch)

    resumed = run(root, tmp_path, batch_size=2)

    assert resumed.resumed_after_line == 2
    assert (resumed.created, resumed.unchanged) == (3, 2)
    assert sorted(CollectionObject.objects.values_list("slug", flat=True)) == list("abcdefg")
    assert AuditLogEntry.objects.count() == 7


def test_a_resumed_run_still_refuses_an_id_the_interrupted_run_imported(tmp_path: Path) -> None:
    lines = seven_records()
    lines[5] = metadata("a", title="Again")
    root = write_collection(tmp_path / "c", lines)
    with pytest.raises(Interrupted):
        run(root, tmp_path, batch_size=2, on_batch=interrupt_after(2))

    resumed = run(root, tmp_path, batch_size=2)

    assert [str(p) for p in resumed.problems] == [
        "line 6 (id a): id 'a' was already imported from line 1"
    ]
    assert CollectionObject.objects.get(slug="a").title == "Title of a"


def test_restart_and_a_changed_file_start_from_the_top(tmp_path: Path) -> None:
    root = write_collection(tmp_path / "c", seven_records())
    with pytest.raises(Interrupted):
        run(root, tmp_path, batch_size=2, on_batch=interrupt_after(2))

    restarted = run(root, tmp_path, batch_size=2, restart=True)

    assert (restarted.resumed_after_line, restarted.unchanged, restarted.created) == (0, 4, 3)

    with pytest.raises(Interrupted):
        run(root, tmp_path, batch_size=2, on_batch=interrupt_after(1))
    write_collection(root, [*seven_records(), metadata("h")])

    changed = run(root, tmp_path, batch_size=2)

    assert (changed.resumed_after_line, changed.unchanged, changed.created) == (0, 7, 1)


def test_a_journal_of_a_database_since_emptied_is_not_resumed(tmp_path: Path) -> None:
    root = write_collection(tmp_path / "c", seven_records())
    with pytest.raises(Interrupted):
        run(root, tmp_path, batch_size=2, on_batch=interrupt_after(2))
    forget_everything()  # e.g. the database was rebuilt before the next run

    summary = run(root, tmp_path, batch_size=2)

    assert (summary.resumed_after_line, summary.created) == (0, 7)
    assert CollectionObject.objects.count() == 7


def test_a_line_over_the_length_limit_is_skipped_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_LINE_BYTES", 2000)
    root = write_collection(
        tmp_path / "c", [metadata("a"), metadata("b", description="x" * 5000), metadata("c")]
    )

    summary = run(root, tmp_path, batch_size=2)

    assert sorted(CollectionObject.objects.values_list("slug", flat=True)) == ["a", "c"]
    assert [(p.line, p.reason.startswith("line is longer than")) for p in summary.problems] == [
        (2, True)
    ]


def test_records_with_media_and_without_share_a_batch(tmp_path: Path) -> None:
    root = write_collection(
        tmp_path / "c",
        [metadata("a"), record("b"), metadata("c"), record("d", image="images/missing.jpg")],
        files={"images/missing.jpg": None},
    )

    summary = run(root, tmp_path, batch_size=10)

    assert (summary.created, summary.tiles_generated, summary.failed) == (3, 1, 1)
    assert [(p.line, p.reason) for p in summary.problems] == [
        (4, "image file not found: images/missing.jpg")
    ]
    assert CollectionObject.objects.get(slug="b").images.count() == 1


def command(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_collection", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_resumes_and_says_so(tmp_path: Path, settings: Settings) -> None:
    settings.VAR_DIR = tmp_path / "var"
    root = write_collection(tmp_path / "c", seven_records())
    with pytest.raises(Interrupted):
        collection_import(root=root, batch_size=2, on_batch=interrupt_after(2))

    out, err = command(str(root), "--batch-size", "2", "--defer-indexing")

    assert "Resuming after line 4" in out
    assert "created 3, updated 0, unchanged 0, failed 0" in out
    assert err == ""
    assert CollectionObject.objects.count() == 7


def test_the_command_refuses_a_batch_size_out_of_bounds(tmp_path: Path) -> None:
    root = write_collection(tmp_path / "c", [metadata("a")])

    with pytest.raises(CommandError, match="--batch-size must be from 1 to 10,000"):
        command(str(root), "--batch-size", "0")


def test_browse_counts_see_records_written_together(tmp_path: Path) -> None:
    from exhibition.models import BrowseEntry, Visibility

    root = tmp_path / "c"
    write_collection(root, first_file())
    run(root, tmp_path, batch_size=4)
    public = set(
        CollectionObject.objects.filter(visibility=Visibility.PUBLIC).values_list("pk", flat=True)
    )
    assert public  # the draft record is left out of browse, the rest counted
    assert set(BrowseEntry.objects.values_list("object_id", flat=True)) == public

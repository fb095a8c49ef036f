"""``manage.py import_collection [PATH] [--batch-size N] [--restart] [--defer-indexing]``.

Imports a JSON Lines collection folder, streamed in batches. Re-running is safe: records
are matched by id, unchanged files are not copied again and their tiles are not cut
again. An interrupted run is resumed after its last committed batch by running the same
command again (``--restart`` starts from the top). Bad records are listed on stderr as
``line N (id X): reason`` and make the command exit non-zero; good ones still import.
"""

import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from exhibition.importing.journal import Position
from exhibition.importing.logs import quiet_import_logs
from exhibition.importing.objects import default_model_unit
from exhibition.importing.services import (
    DEFAULT_BATCH_SIZE,
    MAX_BATCH_SIZE,
    CollectionError,
    ImportProblem,
    ImportSummary,
    collection_import,
    count_records,
)
from exhibition.models3d_ingest import UNIT_METRES


class Command(BaseCommand):
    help = (
        "Import objects.jsonl and its images and 3D models (GLB, or OBJ/PLY/STL/glTF "
        "converted to GLB) from a collection folder."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            help="Collection folder holding objects.jsonl (default: VITRINE_COLLECTION).",
        )
        parser.add_argument(
            "--unit",
            choices=list(UNIT_METRES),
            default="m",
            help="Length unit of OBJ/PLY/STL/glTF models whose record gives no model_unit "
            "(default: m). Converted models are centred and scaled to metres.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"Records written per transaction, 1 to {MAX_BATCH_SIZE:,} "
            f"(default {DEFAULT_BATCH_SIZE:,}); an interrupted run resumes after the last "
            "committed batch.",
        )
        parser.add_argument(
            "--restart",
            action="store_true",
            help="Start from the first line even if an earlier run of this file stopped part way.",
        )
        parser.add_argument(
            "--defer-indexing",
            action="store_true",
            help="Do not update search, description drafts and speech record by record; "
            "run embed_collection, build_keyword_index, build_search_index and "
            "draft_descriptions afterwards (as `make collection` does).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(options["path"] or settings.VITRINE_COLLECTION)
        if not root.is_dir():
            raise CommandError(f"Collection folder not found: {root}")
        if not 1 <= options["batch_size"] <= MAX_BATCH_SIZE:
            raise CommandError(f"--batch-size must be from 1 to {MAX_BATCH_SIZE:,}.")
        try:
            with quiet_import_logs(), default_model_unit(options["unit"]):
                summary = self._import(root, options)
        except CollectionError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Imported {root}: {summary}")
        if not summary.ok:
            problems = summary.failed + summary.tiles_failed
            raise CommandError(f"{problems} problem(s); see the lines above.")

    def _import(self, root: Path, options: dict[str, Any]) -> ImportSummary:
        interactive = self.stdout.isatty()
        total = count_records(root)
        with tqdm(total=total, unit="record", disable=not interactive, file=sys.stdout) as bar:

            def on_resume(position: Position) -> None:
                message = (
                    f"Resuming after line {position.line}, the last one an interrupted run "
                    "committed (--restart starts from the top)."
                )
                if interactive:
                    bar.write(message, file=sys.stdout)
                else:
                    self.stdout.write(message)
                bar.update(position.records)

            def on_problem(problem: ImportProblem) -> None:
                if interactive:
                    bar.write(str(problem), file=sys.stderr)  # keeps the bar intact
                else:
                    self.stderr.write(str(problem))

            return collection_import(
                root=root,
                on_record=lambda: bar.update(1),
                on_problem=on_problem,
                on_resume=on_resume,
                batch_size=options["batch_size"],
                restart=options["restart"],
                announce=not options["defer_indexing"],
            )

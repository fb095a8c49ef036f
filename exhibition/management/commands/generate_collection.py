"""``manage.py generate_collection --synthetic N --out DIR [--seed S]``: a test collection.

Writes N synthetic records (at most 1,000,000) in the import format, with a small shared
pool of images and models, for load and scale tests; ``import_collection DIR`` reads it.
The records are written one at a time, so memory stays flat however large N is.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bench.synthetic.collection import MAX_RECORDS, write_synthetic_collection


class Command(BaseCommand):
    help = "Write a synthetic collection (objects.jsonl and shared media) for scale tests."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--synthetic",
            type=int,
            required=True,
            metavar="N",
            help=f"Number of records, 1 to {MAX_RECORDS:,}.",
        )
        parser.add_argument(
            "--out", type=Path, required=True, help="Folder to write (created if missing)."
        )
        parser.add_argument(
            "--seed", type=int, default=0, help="Same seed, same collection (default 0)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count, out = options["synthetic"], options["out"]
        if not 1 <= count <= MAX_RECORDS:
            raise CommandError(f"--synthetic must be from 1 to {MAX_RECORDS:,}, not {count}.")
        if (out / "objects.jsonl").exists() and not (out / "objects.jsonl").is_file():
            raise CommandError(f"{out / 'objects.jsonl'} is not a file.")
        try:
            summary = write_synthetic_collection(out=out, count=count, seed=options["seed"])
        except OSError as exc:
            raise CommandError(f"Cannot write {out}: {exc.strerror or exc}") from None
        self.stdout.write(
            f"Wrote {summary.records:,} synthetic records to {summary.path} "
            f"({summary.images} images, {summary.models} models shared)."
        )

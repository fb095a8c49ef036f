"""``manage.py bench_import --records N [--database-url URL] [--batch-size B] [--kill-after S]``.

Times ``import_collection`` of N synthetic records (without media unless ``--with-media``)
into a fresh SQLite file, or into the empty PostgreSQL database ``--database-url`` names,
and prints records per second, CPU time and the importer's peak memory. With
``--kill-after S`` the first run is killed (SIGKILL) after S seconds and the command run
again: the report says how many objects there are and whether any was imported twice.
"""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bench.importing.scale import ImportBench, ImportBenchError, bench_import
from bench.synthetic.collection import MAX_RECORDS


class Command(BaseCommand):
    help = "Time import_collection of a synthetic collection (records/s, peak memory, resume)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--records", type=int, default=10_000, help="default 10,000")
        parser.add_argument(
            "--database-url",
            help="an empty PostgreSQL database to import into (default: a fresh SQLite file)",
        )
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--with-media", action="store_true", help="keep images and models")
        parser.add_argument(
            "--announce",
            action="store_true",
            help="announce each record to search etc. (default: --defer-indexing)",
        )
        parser.add_argument(
            "--kill-after", type=float, help="SIGKILL the first run after this many seconds"
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        if not 1 <= options["records"] <= MAX_RECORDS:
            raise CommandError(f"--records must be from 1 to {MAX_RECORDS:,}.")
        if options["kill_after"] is not None and options["kill_after"] <= 0:
            raise CommandError("--kill-after must be a positive number of seconds.")
        url = options["database_url"]
        if url is not None and not url.startswith(("postgres://", "postgresql://")):
            raise CommandError("--database-url must be a postgres:// URL.")
        try:
            result = bench_import(
                records=options["records"],
                database_url=url,
                batch_size=options["batch_size"],
                seed=options["seed"],
                with_media=options["with_media"],
                kill_after=options["kill_after"],
                announce=options["announce"],
            )
        except ImportBenchError as exc:
            raise CommandError(str(exc)) from None
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict()))
        else:
            self.stdout.write(_describe(result))


def _describe(result: ImportBench) -> str:
    lines = [
        f"import_collection into {result.database}: {result.records:,} records"
        f"{' with media' if result.with_media else ' without media'}, "
        f"batches of {result.batch_size:,}",
    ]
    for n, run in enumerate(result.runs, start=1):
        state = "killed" if run.killed else f"exit {run.returncode}"
        lines.append(
            f"  run {n}: {run.seconds:.1f} s wall, {run.cpu_seconds:.1f} s CPU, "
            f"peak RSS {run.peak_rss_mb:.0f} MB ({state})"
        )
    lines.append(
        f"  {result.records_per_second:,.0f} records/s overall; objects {result.objects:,} "
        f"({result.distinct_slugs:,} distinct ids)"
    )
    return "\n".join(lines)

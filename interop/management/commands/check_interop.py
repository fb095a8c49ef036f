"""python manage.py check_interop [--json] [--limit N]: how far what the site serves
conforms to each standard it speaks, read back with that standard's validator or client."""

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from interop.conformance.runner import RunOptions, run_checks
from interop.conformance.table import as_json, as_table


def _positive(text: str) -> float:
    value = float(text)
    if not 0 < value <= 3600:
        raise ValueError(text)
    return value


class Command(BaseCommand):
    help = (
        "Check every public object against the standards the site serves (Linked Art, "
        "OAI-PMH, IIIF, glTF, Web Annotation, download metadata, tagged PDF reports) over a "
        "loopback socket, and print a table. Exits non-zero if anything fails."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--json", action="store_true", help="print the results as JSON")
        parser.add_argument(
            "--limit",
            type=int,
            default=10,
            help="how many objects' PDF reports to make and check (0: none; default 10)",
        )
        parser.add_argument(
            "--seconds-per-check",
            type=_positive,
            default=300.0,
            help="each standard's time limit; what is left unchecked then counts as failed",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not 0 <= options["limit"] <= 1000:
            raise CommandError("--limit must be between 0 and 1000")
        started = time.monotonic()
        results = run_checks(
            RunOptions(
                report_limit=options["limit"], seconds_per_check=options["seconds_per_check"]
            )
        )
        if options["json"]:
            self.stdout.write(as_json(results))
        else:
            self.stdout.write(as_table(results))
            self.stdout.write(f"\n{time.monotonic() - started:.1f} s")
        failing = [r.standard for r in results if not r.ok]
        if failing:
            raise CommandError(f"not conforming: {', '.join(failing)}")

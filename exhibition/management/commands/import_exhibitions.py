"""``manage.py import_exhibitions [FILE]``: load curated exhibitions from JSON.

Without FILE, loads the demo exhibitions shipped in ``exhibition/demo/exhibitions.json``.
Re-running is safe: exhibitions are matched by slug and only changes are written. An
object that is not in the collection is skipped with a warning.
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from exhibition.services.exhibition_import import ExhibitionDataError, exhibitions_import

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "exhibitions.json"


class Command(BaseCommand):
    help = "Create or update, and publish, the exhibitions described in a JSON file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file",
            nargs="?",
            type=Path,
            default=DEMO_FILE,
            help=f"Exhibitions JSON file (default: {DEMO_FILE.name} of the demo).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"Exhibitions file not found: {path}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from None
        except json.JSONDecodeError as exc:
            raise CommandError(f"{path} is not valid JSON: {exc}") from None
        try:
            report = exhibitions_import(data=data, note=f"import_exhibitions {path.name}")
        except ExhibitionDataError as exc:
            raise CommandError(f"{path}: {exc}") from None
        for problem in report.missing:
            self.stderr.write(self.style.WARNING(f"Skipped: {problem}"))
        self.stdout.write(
            f"Exhibitions: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged; {len(report.featured)} object(s) newly featured."
        )

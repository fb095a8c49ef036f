"""``manage.py import_iiif SOURCE…``: import IIIF manifests and collections (files or URLs).

Re-running is safe: an object's id comes from its manifest's id, so the same manifest
updates the same object, and an image with the same bytes is neither stored nor tiled
again. Bad manifests are listed on stderr as ``SOURCE (id X): reason``; the command
exits non-zero only when nothing could be imported.
"""

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from exhibition.importing.iiif.services import IiifProblem, IiifSummary, iiif_import
from exhibition.importing.logs import quiet_import_logs
from exhibition.models import Visibility


class Command(BaseCommand):
    help = "Import IIIF Presentation 2.1 or 3 manifests or collections, from files or URLs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "sources", nargs="+", metavar="SOURCE", help="Manifest or collection: a file or URL."
        )
        parser.add_argument(
            "--visibility",
            choices=Visibility.values,
            help=(
                "Visibility of the imported objects (default: public for new objects, "
                "kept for existing ones; draft whenever the licence is unknown)."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with quiet_import_logs():
            summary = self._import(options["sources"], options["visibility"])
        self.stdout.write(f"Imported IIIF: {summary}")
        if summary.all_failed:
            raise CommandError(f"{summary.failed} problem(s) and nothing imported; see above.")

    def _import(self, sources: list[str], visibility: str | None) -> IiifSummary:
        interactive = self.stdout.isatty()
        with tqdm(unit="manifest", disable=not interactive, file=sys.stdout) as bar:

            def on_total(total: int) -> None:
                bar.reset(total=total)

            def on_problem(problem: IiifProblem) -> None:
                if interactive:
                    bar.write(str(problem), file=sys.stderr)  # keeps the bar intact
                else:
                    self.stderr.write(str(problem))

            return iiif_import(
                sources=sources,
                visibility=visibility,
                on_total=on_total,
                on_manifest=lambda: bar.update(1),
                on_problem=on_problem,
            )

"""``manage.py load_gallery_map FILE [--dry-run]``: load a gallery map as the current map.

Prints what was loaded and every object it could not find (skipped); a file with errors is
refused as a whole, each error printed with its JSON path, and the command fails.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tours.gallery.loader import GalleryMapRefused, LoadReport, gallery_map_load


class Command(BaseCommand):
    help = (
        "Load a gallery map (rooms, links, where objects are shown) from a JSON file, "
        "as described in docs/gallery-map.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The map file (JSON).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; save nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        dry_run: bool = options["dry_run"]
        try:
            report = gallery_map_load(path=path, dry_run=dry_run)
        except GalleryMapRefused as refused:
            for error in refused.errors:
                self.stderr.write(f"  {error}")
            raise CommandError(
                f"{path}: refused, {len(refused.errors)} error(s); nothing was loaded."
            ) from None
        self.stdout.write(_summary(report, dry_run=dry_run))
        if report.unknown_objects:
            self.stdout.write(f"Unknown objects, skipped ({len(report.unknown_objects)}):")
            for problem in report.unknown_objects:
                self.stdout.write(f"  {problem}")


def _summary(report: LoadReport, *, dry_run: bool) -> str:
    demo = " (demo data)" if report.is_demo else ""
    verb = "Checked" if dry_run else "Loaded"
    lines = [
        f'{verb} gallery map "{report.name}"{demo}:',
        f"  rooms: {report.rooms} ({report.closed_rooms} closed)",
        f"  links: {report.links} ({report.step_free_links} step-free)",
        f"  objects placed: {report.placed} "
        f"({report.placed_not_public} restricted or draft, hidden from visitors)",
        f"  unknown objects skipped: {len(report.unknown_objects)}",
    ]
    if dry_run:
        lines.append("Dry run: nothing was saved.")
    else:
        lines.append("It is now the current map.")
    return "\n".join(lines)

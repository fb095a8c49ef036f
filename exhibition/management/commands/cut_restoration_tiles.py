"""Cut the IIIF tiles of approved restorations that have none.

Approval schedules the cut; this catches up on restorations approved before it did, on
cuts that failed, and on tile folders lost from MEDIA_ROOT. ``make collection`` runs it,
so a rebuilt demo ends up with tiles for every approved restoration.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from exhibition.iiif.restoration_tiles import restoration_generate_tiles
from exhibition.iiif.tiles import TileSourceTooLarge
from exhibition.models import Restoration, ReviewStatus


class Command(BaseCommand):
    help = (
        "Cut the IIIF deep-zoom tiles of approved restorations that lack them, so the "
        "public comparison zooms through tiles rather than one large PNG."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="cut again even where tiles are current"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        approved = Restoration.objects.filter(
            machine_output__status=ReviewStatus.APPROVED
        ).select_related("source_image", "machine_output")
        cut = current = failed = 0
        for restoration in approved.order_by("pk"):
            try:
                done = restoration_generate_tiles(restoration=restoration, force=options["force"])
            except (OSError, TileSourceTooLarge) as error:
                failed += 1
                self.stderr.write(f"restoration #{restoration.pk}: FAILED: {error}")
                continue
            if done:
                cut += 1
                self.stdout.write(f"restoration #{restoration.pk}: tiles cut")
            else:
                current += 1
        self.stdout.write(
            f"Restoration tiles: {cut} cut, {current} already current, {failed} failed."
        )
        if failed:
            raise CommandError(f"{failed} restoration(s) could not be tiled")

"""``manage.py embed_collection [--force] [--chunk-size N] [--workers N]``: embed every public
object for search, in chunks sent as Celery tasks (see search.bulk_embedding).

Only what changed (record text, image file, or encoder version) is recomputed unless
--force, so an interrupted run is resumed by running it again; embeddings of objects no
longer public are removed. Then run ``build_search_index`` to rebuild the vector indexes
from the stored embeddings.
"""

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from search.bulk_embedding import CHUNK_SIZE, MAX_CHUNK_SIZE, RunProgress, collection_embed
from search.models import Embedding
from search.tasks import embed_chunk


class Command(BaseCommand):
    help = "Compute the search embeddings of every public object (only what changed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Recompute everything.")
        parser.add_argument(
            "--chunk-size",
            type=int,
            default=CHUNK_SIZE,
            help=f"objects per task (1 to {MAX_CHUNK_SIZE}; default {CHUNK_SIZE})",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=4,
            help="chunks queued at once when Celery workers run them (match their concurrency)",
        )
        parser.add_argument(
            "--stall-seconds",
            type=float,
            default=600.0,
            help="stop waiting when no chunk has finished for this long (run again to resume)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not 1 <= options["workers"] <= 256:
            raise CommandError("--workers takes 1 to 256")
        started_at, started = timezone.now(), time.perf_counter()
        eager = bool(settings.CELERY_TASK_ALWAYS_EAGER)
        show = options.get("verbosity", 1) >= 2 or (
            options.get("verbosity", 1) >= 1 and not eager and self.stdout.isatty()
        )

        def report(progress: RunProgress) -> None:
            if show:
                self.stdout.write(f"  {progress.chunks} chunks done, {progress.embedded} embedded")

        try:
            summary = collection_embed(
                send=embed_chunk.delay,
                chunk_size=options["chunk_size"],
                in_flight=options["workers"],
                force=options["force"],
                stall_seconds=options["stall_seconds"],
                on_progress=report,
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        done = summary.progress
        # Rows written since the start (updated_at is indexed): the workers' own count.
        written = Embedding.objects.filter(updated_at__gte=started_at).count()
        self.stdout.write(
            f"embedded {done.embedded}, unchanged {done.unchanged}, removed {done.removed} "
            f"(objects; {written} embedding rows written) in {summary.queued} chunks "
            f"in {time.perf_counter() - started:.1f} s"
        )
        if not summary.complete:
            raise CommandError(
                f"{summary.queued - done.chunks} of {summary.queued} chunks did not report "
                f"within {options['stall_seconds']:.0f} s: are the Celery workers running? "
                "Run embed_collection again to finish (what is done is kept)."
            )

"""``manage.py embed_collection [--force]``: embed every public object for search.

Only what changed (record text, image file, or encoder version) is recomputed unless
--force; embeddings of objects no longer public are removed. Then run
``build_search_index`` to rebuild the vector indexes from the stored embeddings.
"""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from exhibition.models import CollectionObject
from search.embeddings import embeddings_delete, objects_embed
from search.models import Embedding

BATCH = 32


class Command(BaseCommand):
    help = "Compute the search embeddings of every public object (only what changed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Recompute everything.")

    def handle(self, *args: Any, force: bool, **options: Any) -> None:
        started = time.perf_counter()
        objects = CollectionObject.objects.prefetch_related(
            "creator_links__agent", "tags", "images"
        ).select_related("place")
        public = [obj for obj in objects.order_by("pk") if obj.is_public]
        public_ids = {obj.pk for obj in public}
        removed = 0
        stale = set(Embedding.objects.values_list("collection_object_id", flat=True)) - public_ids
        for object_id in sorted(stale):
            embeddings_delete(collection_object_id=object_id)
            removed += 1
        embedded = unchanged = 0
        show = options.get("verbosity", 1) >= 1 and self.stdout.isatty()
        with tqdm(total=len(public), unit="object", disable=not show) as progress:
            for start in range(0, len(public), BATCH):
                batch = public[start : start + BATCH]
                changed = objects_embed(collection_objects=batch, force=force)
                embedded += sum(1 for spaces in changed.values() if spaces)
                unchanged += sum(1 for spaces in changed.values() if not spaces)
                progress.update(len(batch))
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"embedded {embedded}, unchanged {unchanged}, removed {removed} "
            f"(objects) in {seconds:.1f} s"
        )

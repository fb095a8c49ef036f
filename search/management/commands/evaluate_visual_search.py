"""Measure the visual channel alone: plain ConSE against the tuned recipe, on a query file."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "nDCG@10 of plain ConSE and of the site's ConSE encoder, ranking images by query."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--queries", required=True, type=Path, help="JSON Lines file")
        parser.add_argument(
            "--images", type=Path, default=None, help="image folder (the collection's images)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from bench.search.evaluation.queries import QueryFileError, read_queries
        from bench.search.visual_eval import evaluate_visual

        images = options["images"] or Path(settings.VITRINE_COLLECTION) / "images"
        if not images.is_dir():
            raise CommandError(f"no image folder at {images}")
        try:
            queries = read_queries(options["queries"])
        except QueryFileError as exc:
            raise CommandError(str(exc)) from None
        result = evaluate_visual(images_dir=images, queries=queries)
        self.stdout.write(f"images {result.images}, queries {result.queries}")
        self.stdout.write(
            f"plain ConSE (lemmas, top-10, centre crop)  nDCG@10 {result.plain_ndcg:.3f}"
        )
        self.stdout.write(f"{result.tuned_recipe}  nDCG@10 {result.tuned_ndcg:.3f}")
        ratio = result.tuned_ndcg / result.plain_ndcg if result.plain_ndcg else float("nan")
        self.stdout.write(
            f"ratio {ratio:.2f}x; tuned encoding {result.seconds_per_image:.2f} s/image"
        )

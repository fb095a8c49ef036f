"""Build the FAISS index of every search space from the stored embeddings, and publish it."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from search.index.vector_index import KINDS


class Command(BaseCommand):
    help = "Build and publish the joint, text and visual indexes from the stored embeddings."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--kind",
            default="auto",
            choices=("auto", *KINDS),
            help="index kind; auto: exact up to SEARCH_EXACT_MAX_VECTORS, else SEARCH_INDEX_KIND",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from search.embeddings import SPACES
        from search.index.store import current_version, space_dir
        from search.indexing import space_rebuild

        for space in SPACES:
            started = time.perf_counter()
            try:
                index = space_rebuild(space=space, kind=options["kind"])
            except ValueError as error:
                raise CommandError(f"{space}: {error}") from error
            seconds = time.perf_counter() - started
            version = current_version(space)
            if version is None:
                self.stdout.write(f"{space:<7} no vectors: index withdrawn ({seconds:.1f} s)")
                continue
            size = sum(p.stat().st_size for p in space_dir(space).glob(f"{version}.*"))
            self.stdout.write(
                f"{space:<7} {index.ntotal:>9,} vectors  {index.kind:<5}  {index.dim:>4} d  "
                f"{seconds:>6.1f} s  {size:>12,} bytes"
            )
        self.stdout.write(self.style.SUCCESS("Search indexes published."))

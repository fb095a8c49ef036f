"""Rebuild the keyword (full-text) index from every public record."""

import time
from typing import Any

from django.core.management.base import BaseCommand

from search.keyword import rebuild_keyword_index


class Command(BaseCommand):
    help = "Rebuild the keyword search index (FTS5 / PostgreSQL full text) from public records."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        count = rebuild_keyword_index()
        seconds = time.perf_counter() - started
        self.stdout.write(f"Keyword index: {count} public objects indexed in {seconds:.1f} s.")

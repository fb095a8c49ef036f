"""Recount the browse page's facets from the collection.

    python manage.py refresh_browse_facets

Every save, delete and review keeps the counts up to date by itself; run this after writes
that send no signals (bulk imports with ``bulk_create``, ``QuerySet.update``, raw SQL).
"""

import time
from typing import Any

from django.core.management.base import BaseCommand

from exhibition.browse_facet_store import browse_facets_rebuild


class Command(BaseCommand):
    help = "Recount the browse facets (object type, culture, century, 3D, restoration)."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        counted = browse_facets_rebuild()
        seconds = time.monotonic() - started
        self.stdout.write(f"Counted {counted} public objects for browsing in {seconds:.1f} s.")

"""Deletes visitors' interactions older than the retention period, and idle visitor profiles.

    python manage.py purge_interactions [--days N]

Run it daily (see "Visitor privacy" in the README); N defaults to TOURS_RETENTION_DAYS.
"""

from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tours.services.retention import interactions_purge

MAX_DAYS = 100 * 365


class Command(BaseCommand):
    help = "Delete interactions and idle visitor profiles older than the retention period."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"keep this many days instead of TOURS_RETENTION_DAYS "
            f"({settings.TOURS_RETENTION_DAYS})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"] if options["days"] is not None else settings.TOURS_RETENTION_DAYS
        if not 1 <= days <= MAX_DAYS:
            raise CommandError(f"--days must be 1 to {MAX_DAYS}; got {days}.")
        purged = interactions_purge(older_than_days=days)
        self.stdout.write(
            f"Deleted {purged.interactions} interaction{'s' if purged.interactions != 1 else ''} "
            f"and {purged.profiles} idle visitor profile{'s' if purged.profiles != 1 else ''} "
            f"older than {days} day{'s' if days != 1 else ''}."
        )

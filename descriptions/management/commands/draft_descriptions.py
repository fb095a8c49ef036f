"""``manage.py draft_descriptions [--force] [--language en]``: draft missing descriptions.

Drafts a description for every public object with an image or a 3D model that has none
(a rejected one does not count), or for every such object with --force (a new draft
beside the old; curators review it in the queue). One image-model run per object.
"""

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from descriptions.selectors import describable_objects, undescribed_objects
from descriptions.services import description_draft


class Command(BaseCommand):
    help = "Draft descriptions for the public objects with an image or model that lack one."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Draft every object again.")
        parser.add_argument(
            "--language",
            default=settings.DESCRIPTIONS_DEFAULT_LANGUAGE,
            help="Language of the drafts (default: %(default)s).",
        )

    def handle(self, *args: Any, force: bool, language: str, **options: Any) -> None:
        if language not in settings.DESCRIPTIONS_VOICES:
            known = ", ".join(sorted(settings.DESCRIPTIONS_VOICES))
            raise CommandError(f"Unknown language {language!r}; expected one of {known}.")
        started = time.perf_counter()
        objects = list(describable_objects()) if force else undescribed_objects(language)
        show = options.get("verbosity", 1) >= 1 and self.stdout.isatty()
        drafted = 0
        with tqdm(total=len(objects), unit="object", disable=not show) as progress:
            for obj in objects:
                description_draft(collection_object=obj, language=language)
                drafted += 1
                progress.update(1)
        seconds = time.perf_counter() - started
        self.stdout.write(f"drafted {drafted} description(s) in {seconds:.1f} s")

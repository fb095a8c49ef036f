"""``manage.py draft_descriptions [--force] [--language fr]``: draft missing descriptions.

Drafts a description in each of the site's languages (settings.LANGUAGES; --language
for one) for every public object with an image or a 3D model that has none in that
language (a rejected one does not count), or for every such object with --force (a new
draft beside the old; curators review it in the queue). One image-model run per object,
however many languages it is drafted in.
"""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from descriptions.drafting.languages import UnknownLanguage, chosen_languages
from descriptions.selectors import describable_objects, undescribed_objects
from descriptions.services import description_drafts


class Command(BaseCommand):
    help = "Draft descriptions for the public objects with an image or model that lack one."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Draft every object again.")
        parser.add_argument(
            "--language",
            default="",
            help="Draft in this language only (default: every language of the site).",
        )

    def handle(self, *args: Any, force: bool, language: str, **options: Any) -> None:
        try:
            languages = chosen_languages(language)
        except UnknownLanguage as exc:
            raise CommandError(str(exc)) from exc
        started = time.perf_counter()
        # Which languages each object lacks, so each is measured once for all of them.
        wanted: dict[int, list[str]] = {}
        objects = {}
        for code in languages:
            for obj in list(describable_objects()) if force else undescribed_objects(code):
                objects[obj.pk] = obj
                wanted.setdefault(obj.pk, []).append(code)
        show = options.get("verbosity", 1) >= 1 and self.stdout.isatty()
        drafted = dict.fromkeys(languages, 0)
        with tqdm(total=len(wanted), unit="object", disable=not show) as progress:
            for pk in sorted(wanted):
                description_drafts(collection_object=objects[pk], languages=wanted[pk])
                for code in wanted[pk]:
                    drafted[code] += 1
                progress.update(1)
        seconds = time.perf_counter() - started
        counts = ", ".join(f"{count} in {code}" for code, count in drafted.items())
        self.stdout.write(
            f"drafted {sum(drafted.values())} description(s) ({counts}) in {seconds:.1f} s"
        )

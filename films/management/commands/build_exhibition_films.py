"""Build the narrated films of one exhibition (any visibility) or of every public one."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from exhibition.models import Exhibition
from exhibition.selectors import public_exhibitions
from films.services import film_build
from films.storyboard import film_languages


class Command(BaseCommand):
    help = (
        "Build each exhibition's narrated film (MP4 with captions) in every language with a "
        "voice; films already built from the current content are kept unless --force."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--exhibition", metavar="SLUG", help="only this exhibition")
        parser.add_argument("--language", help="only this language (e.g. en)")
        parser.add_argument("--force", action="store_true", help="rebuild current films too")

    def handle(self, *args: Any, **options: Any) -> None:
        languages = film_languages()
        if options["language"]:
            if options["language"] not in languages:
                raise CommandError(f"No voice for {options['language']!r}: use one of {languages}.")
            languages = [options["language"]]
        if options["exhibition"]:
            exhibitions = list(Exhibition.objects.filter(slug=options["exhibition"]))
            if not exhibitions:
                raise CommandError(f"No exhibition with the slug {options['exhibition']!r}.")
        else:
            exhibitions = list(public_exhibitions().order_by("order", "pk"))
        failed = 0
        for exhibition in exhibitions:
            for language in languages:
                outcome = film_build(
                    exhibition=exhibition, language=language, force=options["force"]
                )
                failed += outcome.failed
                self.stdout.write(f"{exhibition.slug} ({language}): {outcome.message}")
        if failed:
            raise CommandError(
                f"{failed} film(s) failed; the admin's Exhibition films list says why."
            )

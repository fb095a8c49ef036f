"""``manage.py check_descriptions [--json] [--language fr]``: score the drafts.

Over the public objects with an image or a 3D model, in each of the site's languages
(--language for one): the share with a description, the share whose latest description
passes every mechanical rule of the guidelines (descriptions/checklist.py), and how many
break each rule. ``--json`` keeps the default language's figures at the top level (the
keys tools already read) and gives every language's under "languages".
"""

import json
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from descriptions.checklist import checklist_report
from descriptions.drafting.languages import UnknownLanguage, chosen_languages


class Command(BaseCommand):
    help = "Score the descriptions against the guidelines' mechanical rules."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
        parser.add_argument(
            "--language", default="", help="Check this language only (default: every one)."
        )

    def handle(self, *args: Any, language: str, **options: Any) -> None:
        try:
            languages = chosen_languages(language)
        except UnknownLanguage as exc:
            raise CommandError(str(exc)) from exc
        reports = {code: checklist_report(language=code) for code in languages}
        if options["json"]:
            default = str(settings.DESCRIPTIONS_DEFAULT_LANGUAGE)
            top = reports.get(default) or reports[languages[0]]
            self.stdout.write(json.dumps({**top, "languages": reports}, sort_keys=False))
            return
        for code, report in reports.items():
            self.stdout.write(
                f"{code}: {report['objects']} objects: {report['drafted_share']:.1%} drafted, "
                f"{report['passing_share']:.1%} pass every rule"
            )
            for rule, count in report["failures"].items():
                self.stdout.write(f"  {rule}: {count} failing")

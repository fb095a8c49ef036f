"""``manage.py check_descriptions [--json] [--language en]``: score the drafts.

Over the public objects with an image or a 3D model: the share with a description, the
share whose latest description passes every mechanical rule of the guidelines
(descriptions/checklist.py), and how many break each rule.
"""

import json
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from descriptions.checklist import checklist_report


class Command(BaseCommand):
    help = "Score the descriptions against the guidelines' mechanical rules."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
        parser.add_argument("--language", default=settings.DESCRIPTIONS_DEFAULT_LANGUAGE)

    def handle(self, *args: Any, language: str, **options: Any) -> None:
        report = checklist_report(language=language)
        if options["json"]:
            self.stdout.write(_dumps(report))
            return
        self.stdout.write(
            f"{report['objects']} objects: {report['drafted_share']:.1%} drafted, "
            f"{report['passing_share']:.1%} pass every rule"
        )
        for rule, count in report["failures"].items():
            self.stdout.write(f"  {rule}: {count} failing")


def _dumps(report: dict[str, Any]) -> str:
    return json.dumps(report, sort_keys=False)

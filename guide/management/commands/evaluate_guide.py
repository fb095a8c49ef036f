"""Judge the guide on a question file: accuracy, sources, abstention, citations, latency."""

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from bench.guide.evaluation import BadQuestionFile, evaluate, read_questions, summarise, warm_up


class Command(BaseCommand):
    help = (
        "Asks every question of a JSON Lines file (question, object, expect_any, sources, "
        "answerable) in process and prints answer accuracy, source precision and recall, "
        "abstention precision and recall, the share of answer sentences contained in their "
        "cited span, and latency p50/p95. Targets: accuracy >= 0.9, source precision >= 0.95, "
        "abstention precision and recall >= 0.9, cited sentence share 1.0, p95 <= 50 ms."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--questions", required=True, type=Path, help="JSON Lines file")
        parser.add_argument("--json", action="store_true", help="print the figures as JSON")
        parser.add_argument(
            "--verbose-misses", action="store_true", help="list the questions judged wrong"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["questions"]
        if not path.is_file():
            raise CommandError(f"No question file at {path}.")
        try:
            questions = read_questions(path)
        except BadQuestionFile as exc:
            raise CommandError(f"{path}: {exc}") from exc
        warm_up()
        outcomes = evaluate(questions)
        figures = summarise(outcomes)
        if options["json"]:
            self.stdout.write(json.dumps(figures))
            return
        for name, value in figures.items():
            self.stdout.write(f"{name:22} {value}")
        if options["verbose_misses"]:
            for outcome in outcomes:
                if outcome.is_miss:
                    q, a = outcome.question, outcome.answer
                    self.stdout.write(f"  miss: {q.question!r} on {q.object}: {a.text[:160]!r}")

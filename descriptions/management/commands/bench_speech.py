"""``manage.py bench_speech [--objects N] [--json]``: real-time factor and time to first
audio byte of spoken descriptions, uncached and cached (the work is in bench.descriptions)."""

import json
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

MAX_OBJECTS = 500


class Command(BaseCommand):
    help = (
        "Speaks the descriptions of N public objects and prints the real-time factor "
        "(synthesis + encoding time / audio length, and synthesis alone), then starts the "
        "site under daphne on a loopback port and prints the time to the first audio byte "
        "of a ranged request (bytes=0-1023), uncached (the speech deleted first) and cached. "
        "SQLite: works on a snapshot of the database and a temporary media folder."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--objects", type=int, default=20, help=f"1-{MAX_OBJECTS}")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        from bench.descriptions.speech import SpeechBenchError, bench_speech

        objects = options["objects"]
        if not 1 <= objects <= MAX_OBJECTS:
            raise CommandError(f"--objects takes 1-{MAX_OBJECTS}")
        try:
            result = bench_speech(objects=objects, language=settings.LANGUAGE_CODE)
        except SpeechBenchError as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict()))
            return
        where = "a snapshot of the database" if result.snapshot else "the configured database"
        self.stdout.write(
            f"{result.objects} described objects ({result.language}), {result.characters:,} "
            f"characters, {result.audio_seconds:g} s of audio; on {where}."
        )
        self.stdout.write(
            f"real-time factor: {result.real_time_factor:g} (synthesis + encoding), "
            f"{result.synthesis_real_time_factor:g} (synthesis alone); "
            f"per object p95 {result.per_object_real_time_factor_p95:g}"
        )
        self.stdout.write(
            f"time to first audio byte (Range: bytes=0-1023, new connection each), "
            f"first request of a fresh server {result.first_request_ms:g} ms:"
        )
        for label, figures in (("uncached", result.uncached), ("cached", result.cached)):
            self.stdout.write(
                f"  {label:<8} p50 {figures.p50_ms:8.2f} ms  p95 {figures.p95_ms:8.2f} ms  "
                f"max {figures.max_ms:8.2f} ms  ({figures.count} requests)"
            )
        for note in result.notes:
            self.stdout.write(f"note: {note}")

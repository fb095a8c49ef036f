"""Resident memory of a real server under N concurrent worst-case photo searches."""

import json
from argparse import ArgumentParser
from dataclasses import asdict
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench.search.photo_bench import PATHS, WORST_CASES, BenchResult, run_bench


class Command(BaseCommand):
    help = (
        "Starts this site's server on loopback, fires N concurrent uploads of a worst-case "
        "photo (default: the 6320² 16-bit RGBA PNG) and prints the server process's resident "
        "memory growth (peak minus baseline, MB). --project serves another checkout (e.g. an "
        "older commit) on this one's data, to measure before a change."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--concurrency", type=int, default=20)
        parser.add_argument("--kind", choices=sorted(WORST_CASES), default="png16")
        parser.add_argument("--path", choices=sorted(PATHS), default="api", help="which door")
        parser.add_argument("--port", type=int, default=8199)
        parser.add_argument(
            "--project",
            type=Path,
            default=Path(settings.BASE_DIR),
            help="checkout whose code is served (default: this one)",
        )
        parser.add_argument(
            "--stop-above-mb",
            type=float,
            default=6000.0,
            help="stop the server if it grows more than this (protects a shared machine)",
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        project = options["project"].resolve()
        if not (project / "manage.py").is_file():
            raise CommandError(f"{project} has no manage.py")
        if options["concurrency"] < 1:
            raise CommandError("--concurrency must be 1 or more")
        try:
            result = run_bench(
                kind=options["kind"],
                concurrency=options["concurrency"],
                project=project,
                var_dir=Path(settings.VAR_DIR),
                port=options["port"],
                path=PATHS[options["path"]],
                stop_above_mb=options["stop_above_mb"],
            )
        except RuntimeError as exc:
            raise CommandError(str(exc)) from None
        if options["json"]:
            self.stdout.write(json.dumps({**asdict(result), "growth_mb": result.growth_mb}))
            return
        self._print(result, project)

    def _print(self, result: BenchResult, project: Path) -> None:
        statuses = ", ".join(f"{code}: {n}" for code, n in sorted(result.statuses.items()))
        self.stdout.write(
            f"server: {project} (runserver, one process)\n"
            f"{result.concurrency} concurrent {result.kind} uploads "
            f"({result.photo_bytes / 1024:.0f} KB each) to {result.path}\n"
            f"answers: {statuses} in {result.seconds:.1f} s\n"
            f"RSS baseline {result.baseline_mb:.0f} MB, peak {result.peak_mb:.0f} MB\n"
            f"RSS growth (peak - baseline): {result.growth_mb:+.0f} MB"
            + (" (server stopped at the limit: the true peak is higher)" if result.stopped else "")
        )
        for message in result.messages:
            self.stdout.write(f"  {message}")

"""Benchmarks page latency against the minimal view, under concurrent clients.

    python manage.py bench_pages [--clients 20] [--requests 400] [--json] [--import]

The site runs under daphne exactly as in production (DEBUG off, manifest static
files) against the configured database, which must hold the imported collection.
"""

import json
import math
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench.pages.client import Target, run_scenario
from bench.pages.import_timing import ImportTiming, ImportTimingError, time_import
from bench.pages.report import TARGET_RATIO, format_table, within_target
from bench.pages.scenarios import BASELINE, NothingToBenchmark, build_scenarios
from bench.pages.server import ServerError, daphne_server
from bench.pages.stats import ScenarioResult, summarise

MAX_CLIENTS = 200
MAX_REQUESTS = 100_000


class Command(BaseCommand):
    help = "Measure p50/p95 latency of object and browse pages as ratios to /healthz/."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--clients", type=int, default=20, help="concurrent clients (20)")
        parser.add_argument(
            "--requests", type=int, default=400, help="measured requests per scenario (400)"
        )
        parser.add_argument(
            "--warmup",
            type=int,
            default=40,
            help="unmeasured requests per scenario first (40, and at least one per URL)",
        )
        parser.add_argument(
            "--max-seconds",
            type=float,
            default=120.0,
            help="stop a scenario after this long, whatever its count (120)",
        )
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
        parser.add_argument(
            "--no-page-cache",
            dest="page_cache",
            action="store_false",
            help="serve every page uncached (measures rendering itself, not what visitors get)",
        )
        parser.add_argument(
            "--import",
            dest="time_import",
            action="store_true",
            help="also time a full import_collection into a fresh temporary database",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        clients, requests = options["clients"], options["requests"]
        if not 1 <= clients <= MAX_CLIENTS:
            raise CommandError(f"--clients must be between 1 and {MAX_CLIENTS}")
        if not 1 <= requests <= MAX_REQUESTS:
            raise CommandError(f"--requests must be between 1 and {MAX_REQUESTS}")
        if options["max_seconds"] <= 0 or options["warmup"] < 0:
            raise CommandError("--max-seconds must be positive and --warmup not negative")
        report: dict[str, Any] = {
            "clients": clients,
            "requests_per_scenario": requests,
            "page_cache": options["page_cache"],
        }
        if options["time_import"]:
            report["import"] = self._time_import(as_json=options["json"])
        try:
            scenarios = build_scenarios()
        except NothingToBenchmark as exc:
            raise CommandError(str(exc)) from exc
        try:
            with daphne_server(page_cache=options["page_cache"]) as server:
                results = [
                    self._measure(server.target, scenario.name, scenario.paths, options)
                    for scenario in scenarios
                ]
        except ServerError as exc:
            raise CommandError(str(exc)) from exc
        rows = [summarise(result, results[0]) for result in results]
        rows[0]["baseline"] = True
        report["pages"] = rows
        self._print_pages(report, as_json=options["json"])
        self._check(results)

    def _measure(
        self, target: Target, name: str, paths: tuple[str, ...], options: dict[str, Any]
    ) -> ScenarioResult:
        common = {"target": target, "paths": paths, "clients": options["clients"]}
        if options["warmup"]:
            # Every URL is visited once before measuring, so the figures are the steady state
            # visitors see; --no-page-cache measures what a first (uncached) view costs.
            warmup = max(options["warmup"], len(paths))
            run_scenario(name=name, requests=warmup, max_seconds=options["max_seconds"], **common)
        if not options["json"]:
            self.stderr.write(f"measuring {name} ({len(paths)} URL(s))…")
        return run_scenario(
            name=name, requests=options["requests"], max_seconds=options["max_seconds"], **common
        )

    def _time_import(self, *, as_json: bool) -> dict[str, Any]:
        collection = Path(settings.VITRINE_COLLECTION)
        if not as_json:
            self.stderr.write(f"timing import_collection of {collection}…")
        try:
            timing = time_import(collection)
        except ImportTimingError as exc:
            raise CommandError(str(exc)) from exc
        if not as_json:
            self.stdout.write(_describe_import(timing))
        return {
            "collection": str(timing.collection),
            "seconds": round(timing.seconds, 2),
            "objects": timing.objects,
            "images": timing.images,
            "models": timing.models,
            "objects_per_second": round(timing.objects_per_second, 2),
        }

    def _print_pages(self, report: dict[str, Any], *, as_json: bool) -> None:
        if as_json:
            self.stdout.write(json.dumps(report, indent=2))
            return
        self.stdout.write(
            f"{report['clients']} concurrent clients, {report['requests_per_scenario']} requests "
            f"per scenario; ratios are to the {BASELINE} (/healthz/), target <= {TARGET_RATIO:g}x; "
            f"page cache {'on (what visitors get)' if report['page_cache'] else 'off'}."
        )
        self.stdout.write(format_table(report["pages"]))
        if any(row.get("server_p50_ms") is None for row in report["pages"]):
            self.stdout.write(
                "Server-side times missing: the server did not send Server-Timing "
                "(bench.settings adds it)."
            )
        over = [r["scenario"] for r in report["pages"][1:] if within_target(r) is False]
        if over:
            self.stdout.write(f"Over the {TARGET_RATIO:g}x target: {', '.join(over)}.")

    def _check(self, results: list[ScenarioResult]) -> None:
        """A run with failed requests measured errors, not pages: say so and fail."""
        for result in results:
            if result.failures:
                first = result.failures[0]
                raise CommandError(
                    f"{len(result.failures)} of {len(result.samples)} requests failed in "
                    f"{result.name!r}, e.g. {first.path} -> {first.status or first.error}"
                )
            if math.isnan(result.client_percentile(50)):
                raise CommandError(f"{result.name!r} completed no requests")


def _describe_import(timing: ImportTiming) -> str:
    return (
        f"import_collection: {timing.objects} objects ({timing.images} images, "
        f"{timing.models} 3D models) in {timing.seconds:.1f} s = "
        f"{timing.objects_per_second:.1f} objects/s"
    )

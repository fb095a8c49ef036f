"""Real WebSocket clients against the guide under daphne: latency, errors, drops, vs echo."""

import json
import math
import random
from argparse import ArgumentParser
from typing import Any

import redis
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from exhibition.selectors import public_objects

LOCAL_REDIS = "redis://127.0.0.1:6379/"


class Command(BaseCommand):
    help = (
        "Starts daphne on a loopback port (and, when Redis answers, two workers sharing it), "
        "opens N WebSocket clients that each ask the guide a question every few seconds on an "
        "object page, and prints answer latency p50/p95, errors and dropped answers, with the "
        "same load on a bare echo consumer for comparison. Targets: p95 <= 150 ms, 0 errors, "
        "0 dropped."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--clients", type=int, default=200, help="connections (1-2000)")
        parser.add_argument("--seconds", type=float, default=60, help="each phase (5-900)")
        parser.add_argument("--interval", type=float, default=5, help="between asks (0.5-60)")
        parser.add_argument(
            "--redis-url", default="", help="for the two-worker run (default REDIS_URL or local)"
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        from bench.guide.load import bench_guide

        clients, seconds, interval = options["clients"], options["seconds"], options["interval"]
        if not (1 <= clients <= 2000 and 5 <= seconds <= 900 and 0.5 <= interval <= 60):
            raise CommandError("--clients takes 1-2000, --seconds 5-900, --interval 0.5-60")
        slugs = _object_slugs()
        if not slugs:
            raise CommandError("No public objects to ask about: load the demo first.")
        redis_url = options["redis_url"] or settings.REDIS_URL or LOCAL_REDIS
        if not _redis_answers(redis_url):
            self.stderr.write(f"No Redis at {redis_url}: the two-worker run is skipped.")
            redis_url = ""
        result = bench_guide(
            clients=clients,
            seconds=seconds,
            interval=interval,
            object_slugs=slugs,
            redis_url=redis_url or None,
        )
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict()))
            return
        self.stdout.write(
            f"{clients} clients, one question every {interval:g} s each, {seconds:g} s per "
            f"phase, on the pages of {len(slugs)} public objects; {result.note}"
        )
        for run in result.runs:
            self.stdout.write(
                f"\n{run.workers} daphne worker(s), {run.channel_layer} channel layer "
                f"(warm-up {run.warm_up_seconds:g} s):"
            )
            for label, phase in (("guide", run.guide), ("echo", run.echo)):
                codes = ", ".join(f"{k} {v}" for k, v in phase.error_codes.items())
                self.stdout.write(
                    f"  {label:<5} p50 {phase.p50_ms:7.1f} ms  p95 {phase.p95_ms:7.1f} ms  "
                    f"max {phase.max_ms:7.1f} ms  answered {phase.answered}/{phase.asked}  "
                    f"errors {phase.errors}{f' ({codes})' if codes else ''}  "
                    f"dropped {phase.dropped}"
                )
            ratio = "n/a" if math.isnan(run.p95_ratio) else f"{run.p95_ratio:g}x"
            self.stdout.write(f"  guide p95 / echo p95: {ratio} (target: guide p95 <= 150 ms)")


def _object_slugs(limit: int = 50) -> list[str]:
    """Up to ``limit`` public objects, a seeded sample: the same pages on every run."""
    slugs = sorted(public_objects().values_list("slug", flat=True))
    return random.Random(0).sample(slugs, min(limit, len(slugs)))  # noqa: S311


def _redis_answers(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except (redis.RedisError, ValueError):
        return False

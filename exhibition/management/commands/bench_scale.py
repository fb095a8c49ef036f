"""Benchmarks the scaled-out site at N objects: import, embedding, index, pages.

    python manage.py bench_scale --objects N [--workers 2] [--clients 20] [--json]
                                 [--synthetic-embeddings]

Runs on PostgreSQL + Redis only, in a database and Redis DB of its own (created and
dropped; the site's data is never touched), on loopback only. See bench/scale/.
"""

import json
import signal
import sys
import tempfile
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from bench.scale.environment import (
    DATABASE_NAME,
    REDIS_DB,
    ScaleBenchUnavailable,
    bench_services,
    own_database_and_redis,
)
from bench.scale.load import LoadFailed, LoadSettings, measure_pages
from bench.scale.pipeline import (
    EMBED_SAMPLE,
    StepFailed,
    bench_environment,
    run_pipeline,
    scenario_paths,
)
from bench.scale.report import format_report, scale_report
from bench.scale.serving import WorkersFailed, shared_socket_workers
from bench.synthetic.collection import MAX_RECORDS

MAX_WORKERS = 16
MAX_CLIENTS = 200
MAX_REQUESTS = 20_000
STEP_TIMEOUT = 6 * 3600.0


class Command(BaseCommand):
    help = (
        "Import, embed, index and serve N synthetic objects on PostgreSQL + Redis; "
        "print the rates and the pages' latency."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--objects", type=int, required=True, help="synthetic records (N)")
        parser.add_argument("--workers", type=int, default=2, help="ASGI workers (2)")
        parser.add_argument("--clients", type=int, default=20, help="concurrent clients (20)")
        parser.add_argument(
            "--requests", type=int, default=300, help="measured requests per page (300)"
        )
        parser.add_argument(
            "--warmup", type=int, default=40, help="unmeasured requests per page first (40)"
        )
        parser.add_argument(
            "--max-seconds", type=float, default=120.0, help="at most this long per page (120)"
        )
        parser.add_argument(
            "--synthetic-embeddings",
            action="store_true",
            help="embed a sample for real (its rate is reported) and write random unit "
            "vectors for the rest: for N too large to embed on this machine",
        )
        parser.add_argument(
            "--embed-sample",
            type=int,
            default=EMBED_SAMPLE,
            help=f"with --synthetic-embeddings: objects embedded for real ({EMBED_SAMPLE})",
        )
        parser.add_argument("--database", default=DATABASE_NAME, help=f"({DATABASE_NAME})")
        parser.add_argument("--redis-db", type=int, default=REDIS_DB, help=f"({REDIS_DB})")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        self._validate(options)
        # Stopped from outside (a timeout, a service manager): still stop the workers and
        # drop the benchmark's database on the way out.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        try:
            services = bench_services(
                database_name=options["database"], redis_db=options["redis_db"]
            )
        except ScaleBenchUnavailable as exc:
            raise CommandError(str(exc)) from None
        say = (lambda _: None) if options["json"] else self.stderr.write
        load = LoadSettings(
            clients=options["clients"],
            requests=options["requests"],
            warmup=options["warmup"],
            max_seconds=options["max_seconds"],
        )
        try:
            with (
                tempfile.TemporaryDirectory(prefix="vitrine-bench-scale-") as workdir,
                own_database_and_redis(services),
            ):
                work = Path(workdir)
                env = bench_environment(services, work)
                say(
                    f"generating, importing, embedding and indexing {options['objects']:,} objects…"
                )
                pipeline = run_pipeline(
                    objects=options["objects"],
                    env=env,
                    work=work,
                    synthetic_embeddings=options["synthetic_embeddings"],
                    embed_sample=options["embed_sample"],
                    timeout=STEP_TIMEOUT,
                )
                paths: Any = scenario_paths(env=env, work=work, timeout=600)
                server_env = self._server_env(env, work)
                say(f"starting {options['workers']} ASGI workers…")
                with shared_socket_workers(
                    options["workers"], env=server_env, work=work, start_timeout=600
                ) as workers:
                    pages = measure_pages(workers.target, paths, load, progress=say)
                    rss = workers.rss_mb()
        except (StepFailed, WorkersFailed, LoadFailed) as exc:
            raise CommandError(str(exc)) from None
        report = scale_report(
            pipeline=pipeline,
            pages=pages,
            rss_mb=rss,
            workers=options["workers"],
            clients=options["clients"],
        )
        self.stdout.write(json.dumps(report) if options["json"] else format_report(report))

    def _server_env(self, env: dict[str, str], work: Path) -> dict[str, str]:
        """Production's server with the page cache off (rendering is what is measured),
        Server-Timing on, and the API throttle raised: every client is 127.0.0.1."""
        return {
            **env,
            "DJANGO_SETTINGS_MODULE": "bench.scale.settings",
            "VITRINE_PAGE_CACHE": "0",
            "API_ANON_RATE": "1000000/minute",
        }

    def _validate(self, options: dict[str, Any]) -> None:
        checks = (
            (1 <= options["objects"] <= MAX_RECORDS, f"--objects must be 1 to {MAX_RECORDS:,}"),
            (1 <= options["workers"] <= MAX_WORKERS, f"--workers must be 1 to {MAX_WORKERS}"),
            (1 <= options["clients"] <= MAX_CLIENTS, f"--clients must be 1 to {MAX_CLIENTS}"),
            (1 <= options["requests"] <= MAX_REQUESTS, f"--requests must be 1 to {MAX_REQUESTS:,}"),
            (0 <= options["warmup"] <= MAX_REQUESTS, f"--warmup must be 0 to {MAX_REQUESTS:,}"),
            (0 < options["max_seconds"] <= 3600, "--max-seconds must be above 0 and at most 3600"),
            (0 <= options["redis_db"] <= 15, "--redis-db must be 0 to 15"),
            (1 <= options["embed_sample"] <= MAX_REQUESTS, "--embed-sample must be 1 to 20,000"),
        )
        for ok, message in checks:
            if not ok:
                raise CommandError(message)

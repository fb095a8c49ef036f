"""The daphne workers ``bench_guide`` talks to: production settings, on loopback ports.

Each worker is ``daphne config.asgi:application`` in its own process with DEBUG off, the
echo route on and the guide's rate limits raised (every benchmark client comes from one
address, 127.0.0.1, which the real limits would throttle at once). With SQLite the workers
read and write a snapshot of the database, so the benchmark's questions never reach the
curators' answer log; with PostgreSQL they use the configured database as it is.
"""

import asyncio
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from websockets.asyncio.client import connect
from websockets.typing import Origin

from bench.pages.server import free_port, stop

ASGI_APP = "config.asgi:application"
# Far above what the benchmark asks (one question per client every few seconds).
RAISED_RATE_LIMITS = {"GUIDE_RATE_PER_CLIENT": "1000000", "GUIDE_RATE_PER_CONNECTION": "10000"}


class BenchServerError(RuntimeError):
    """A benchmark worker could not be started."""


@dataclass(frozen=True)
class Worker:
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    def log_tail(self, lines: int = 30) -> str:
        text = self.log_path.read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def worker_env(*, work: Path, redis_url: str | None) -> dict[str, str]:
    """Production settings for a worker, with the benchmark's echo route and limits."""
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_DEBUG": "0",
            "VITRINE_HTTPS": "0",
            "SECRET_KEY": "vitrine-guide-benchmark-only-" + os.urandom(24).hex(),
            "ALLOWED_HOSTS": "127.0.0.1",
            "STATIC_ROOT": str(work / "static"),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "INDEX_DIR": str(settings.INDEX_DIR),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            # The benchmark warms the guide up itself; search's own warm-up would load
            # models the guide does not use while the load runs.
            "SEARCH_WARM_UP": "0",
            "GUIDE_BENCH_ECHO": "1",
            **RAISED_RATE_LIMITS,
        }
    )
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        env["DATABASE_URL"] = f"sqlite:///{snapshot_sqlite(Path(database['NAME']), work)}"
    if redis_url:
        env["REDIS_URL"] = redis_url
        env["THROTTLE_REDIS_URL"] = redis_url
        env["CELERY_TASK_ALWAYS_EAGER"] = "1"  # no Celery workers are started
    return env


def snapshot_sqlite(source: Path, work: Path) -> Path:
    """A consistent copy of the SQLite database (WAL included), through SQLite's backup."""
    target = work / "db.sqlite3"
    if not target.exists():
        with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
            origin.backup(copy)
    return target


@contextmanager
def daphne_workers(
    count: int, *, redis_url: str | None, start_timeout: float = 120.0
) -> Iterator[list[Worker]]:
    """``count`` daphne processes sharing one database (and Redis, when given)."""
    with tempfile.TemporaryDirectory(prefix="vitrine-guide-bench-") as directory:
        work = Path(directory)
        env = worker_env(work=work, redis_url=redis_url)
        workers: list[Worker] = []
        try:
            for n in range(count):
                workers.append(_start(env, work / f"daphne-{n}.log"))
            for worker in workers:
                wait_until_serving(worker, timeout=start_timeout)
            try:
                yield workers
            except Exception as error:
                # The workers' logs go with their folder: say what they said first.
                logs = "\n".join(w.log_tail() for w in workers)
                raise BenchServerError(f"{error!r}; the workers logged:\n{logs}") from error
        finally:
            for worker in workers:
                stop(worker.process)


def _start(env: dict[str, str], log_path: Path) -> Worker:
    port = free_port()
    with log_path.open("wb") as log:
        process = subprocess.Popen(  # noqa: S603 (our own interpreter, a fixed command line)
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), ASGI_APP],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    return Worker(port, process, log_path)


def wait_until_serving(worker: Worker, *, timeout: float) -> None:
    """Until the worker's echo route answers a WebSocket message."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if worker.process.poll() is not None:
            raise BenchServerError(f"daphne exited early:\n{worker.log_tail()}")
        if asyncio.run(_echo_answers(worker.port)):
            return
        time.sleep(0.3)
    raise BenchServerError(f"daphne did not serve /ws/echo/ within {timeout:.0f}s")


async def _echo_answers(port: int) -> bool:
    try:
        async with connect(
            f"ws://127.0.0.1:{port}/ws/echo/",
            origin=origin_for(port),
            proxy=None,
            open_timeout=5,
        ) as socket:
            await socket.send("ping")
            return await asyncio.wait_for(socket.recv(), timeout=5) == "ping"
    except Exception:  # not serving yet: refused, reset, closed or timed out
        return False


def origin_for(port: int) -> Origin:
    """The Origin a page of the worker's own site sends (the origin validator wants one)."""
    return Origin(f"http://127.0.0.1:{port}")

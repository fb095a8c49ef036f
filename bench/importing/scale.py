"""Time ``import_collection`` of a synthetic collection in a subprocess, as an operator runs it.

The import runs in its own process so that its peak memory (``wait4``'s maximum resident
set size) and CPU time are its own, with its own settings: a fresh SQLite file, or a
PostgreSQL database the caller names, which must be empty (it is migrated here, untimed).
Optionally the first run is killed with SIGKILL part way and the same command run again,
to check that it resumes and that every record ends up imported exactly once.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import psycopg
from django.conf import settings

from bench.pages.import_timing import BULK_IMPORT_ENV
from bench.synthetic.collection import write_synthetic_collection


class ImportBenchError(RuntimeError):
    """The benchmark could not run; the message says why."""


@dataclass(frozen=True)
class ImportRun:
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    returncode: int
    killed: bool


@dataclass(frozen=True)
class ImportBench:
    database: str
    records: int
    batch_size: int
    with_media: bool
    runs: list[ImportRun]
    objects: int
    distinct_slugs: int

    @property
    def seconds(self) -> float:
        return sum(run.seconds for run in self.runs)

    @property
    def records_per_second(self) -> float:
        return self.records / self.seconds if self.seconds else float("nan")

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {
            "seconds": round(self.seconds, 2),
            "records_per_second": round(self.records_per_second, 1),
            "load_average": os.getloadavg(),
        }


def prepare_collection(folder: Path, *, records: int, seed: int, with_media: bool) -> Path:
    """A synthetic collection; without media unless asked (the records/s target's case)."""
    write_synthetic_collection(out=folder, count=records, seed=seed)
    if not with_media:
        path = folder / "objects.jsonl"
        stripped = folder / "objects.stripped"
        with path.open(encoding="utf-8") as lines, stripped.open("w", encoding="utf-8") as out:
            for line in lines:
                data = json.loads(line)
                data.pop("image", None)
                data.pop("model", None)
                out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
        stripped.replace(path)
    return folder


def bench_import(
    *,
    records: int,
    database_url: str | None,
    batch_size: int,
    seed: int = 0,
    with_media: bool = False,
    kill_after: float | None = None,
    announce: bool = False,
    timeout: float = 3600.0,
) -> ImportBench:
    with tempfile.TemporaryDirectory(prefix="vitrine-import-scale-") as workdir:
        work = Path(workdir)
        collection = prepare_collection(
            work / "collection", records=records, seed=seed, with_media=with_media
        )
        url = database_url or f"sqlite:///{work / 'db.sqlite3'}"
        env = _environment(url, work)
        _manage(["migrate", "--noinput", "-v", "0"], env, timeout)
        if _count(url)[0]:
            raise ImportBenchError(f"{_safe(url)} already holds objects: give an empty database")
        command = ["import_collection", str(collection), "--batch-size", str(batch_size)]
        if not announce:
            command.append("--defer-indexing")
        runs = []
        if kill_after is not None:
            runs.append(_timed(command, env, timeout, kill_after=kill_after))
        runs.append(_timed(command, env, timeout, kill_after=None))
        if runs[-1].returncode != 0:
            raise ImportBenchError(f"import_collection exited with {runs[-1].returncode}")
        objects, distinct = _count(url)
    vendor = "postgresql" if url.startswith("postgres") else "sqlite"
    return ImportBench(vendor, records, batch_size, with_media, runs, objects, distinct)


def _environment(url: str, work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": url,
            "MEDIA_ROOT": str(work / "media"),
            "INDEX_DIR": str(work / "index"),
            "VITRINE_VAR_DIR": str(work / "var"),
            "LOG_LEVEL": "WARNING",
            **BULK_IMPORT_ENV,
        }
    )
    return env


def _timed(
    arguments: list[str], env: dict[str, str], timeout: float, *, kill_after: float | None
) -> ImportRun:
    command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *arguments]
    started = time.perf_counter()
    with _devnull() as quiet, tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(  # noqa: S603 (our own interpreter and manage.py)
            command, cwd=settings.BASE_DIR, env=env, stdout=quiet, stderr=errors
        )
        # wait4 rather than Popen.wait: it gives the child's own peak memory and CPU time.
        limit = kill_after if kill_after is not None else timeout
        timer = threading.Timer(limit, os.kill, (process.pid, signal.SIGKILL))
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        killed = process.returncode == -signal.SIGKILL
        if killed and kill_after is None:
            raise ImportBenchError(f"import_collection ran past {timeout:.0f}s")
        if process.returncode != 0 and not killed:
            errors.seek(0)
            tail = errors.read().decode(errors="replace")[-3000:]
            raise ImportBenchError(f"import_collection failed ({process.returncode}):\n{tail}")
    return ImportRun(
        seconds=round(seconds, 2),
        cpu_seconds=round(usage.ru_utime + usage.ru_stime, 2),
        peak_rss_mb=round(usage.ru_maxrss / 1024, 1),
        returncode=process.returncode,
        killed=killed,
    )


@contextmanager
def _devnull() -> Iterator[Any]:
    with open(os.devnull, "w") as quiet:
        yield quiet


def _manage(arguments: list[str], env: dict[str, str], timeout: float) -> None:
    command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *arguments]
    completed = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout
    )
    if completed.returncode != 0:
        raise ImportBenchError(f"manage.py {arguments[0]} failed:\n{completed.stderr[-3000:]}")


_COUNT = "SELECT COUNT(*), COUNT(DISTINCT slug) FROM exhibition_collectionobject"


def _count(url: str) -> tuple[int, int]:
    """(objects, distinct slugs): equal unless a record was imported twice."""
    if url.startswith("sqlite:///"):
        with closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as db:
            row = db.execute(_COUNT).fetchone()
    else:
        with psycopg.connect(url) as db:
            row = db.execute(_COUNT).fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def _safe(url: str) -> str:
    return url.split("@")[-1]

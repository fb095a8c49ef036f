"""embed_collection scaled out: chunks run by two real Celery workers over Redis and
PostgreSQL at once, reporting through the shared cache. Runs in `make test-scaleout`."""

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from config.celery import app as celery_app
from search.bulk_embedding import collection_embed
from search.models import Embedding
from search.tasks import embed_chunk
from tests.builders import make_object
from tests.celery_workers import celery_worker_command

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.scaleout


@pytest.fixture
def two_workers(transactional_db: None, settings: Any, tmp_path: Path) -> Iterator[list[Path]]:
    """Two Celery worker processes on the test database; yields the files they log to."""
    if not (os.environ.get("REDIS_URL") and connection.vendor == "postgresql"):
        pytest.skip("needs DATABASE_URL=postgres://… and REDIS_URL (make test-scaleout)")
    settings.SEARCH_EMBED_ON_CHANGE = False
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "SEARCH_EMBED_ON_CHANGE": "0",
    }
    command = celery_worker_command(loglevel="INFO")
    logs = [tmp_path / f"worker{n}.log" for n in range(2)]
    workers = [
        subprocess.Popen(
            [*command, "-n", f"embed{n}@%h", f"--logfile={log}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        for n, log in enumerate(logs)
    ]
    celery_app.conf.task_always_eager = False
    try:
        yield logs
    finally:
        celery_app.conf.task_always_eager = True
        for worker in workers:
            worker.terminate()
        for worker in workers:
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:  # still inside a chunk: it is redone next run
                worker.kill()
                worker.wait(timeout=30)


def test_two_workers_embed_the_chunks_and_a_second_run_finds_nothing_left(
    two_workers: list[Path],
) -> None:
    objects = [make_object(title=f"Lighthouse {n}") for n in range(6)]
    first = collection_embed(send=embed_chunk.delay, chunk_size=2, in_flight=2, stall_seconds=900)
    assert first.complete, [log.read_text() for log in two_workers if log.exists()]
    assert (first.queued, first.progress.embedded) == (3, 6)
    assert Embedding.objects.filter(collection_object__in=objects).count() == 6 * 2
    again = collection_embed(send=embed_chunk.delay, chunk_size=2, in_flight=2, stall_seconds=900)
    assert again.complete and again.progress.embedded == 0 and again.progress.unchanged == 6

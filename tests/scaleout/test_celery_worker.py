"""Background work on the scale-out path: a real Celery worker over Redis and PostgreSQL."""

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from config.celery import app as celery_app
from exhibition.models import ObjectImage
from tests import builders
from tests.celery_workers import celery_worker_command

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def celery_worker(transactional_db: None, settings: object) -> Iterator[subprocess.Popen[bytes]]:
    db = connection.settings_dict
    env = {
        **os.environ,
        # The worker must see the test database and the test's media folder.
        "DATABASE_URL": (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),  # type: ignore[attr-defined]
        "CELERY_TASK_ALWAYS_EAGER": "0",
    }
    worker = subprocess.Popen(
        celery_worker_command(),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    celery_app.conf.task_always_eager = False
    try:
        yield worker
    finally:
        celery_app.conf.task_always_eager = True
        worker.terminate()
        worker.wait(timeout=20)


def test_tiles_are_cut_by_a_celery_worker(celery_worker: subprocess.Popen[bytes]) -> None:
    from exhibition.tasks import generate_image_tiles

    image = builders.add_image(builders.make_object(), width=900, height=600)
    generate_image_tiles.delay(image.pk)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        image.refresh_from_db()
        if image.tiles_ready:
            break
        assert celery_worker.poll() is None, celery_worker.stdout.read().decode()  # type: ignore[union-attr]
        time.sleep(0.5)
    assert image.tiles_ready, "the worker did not cut the tiles within 60 s"
    info = Path(settings.MEDIA_ROOT) / "iiif" / image.iiif_identifier / "info.json"
    assert info.is_file()
    assert ObjectImage.objects.get(pk=image.pk).tiles_checksum == image.checksum

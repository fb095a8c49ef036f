"""Where ``bench_speech`` works: a snapshot of the database, a temporary media folder, and
the site under daphne on a free loopback port (production settings, DEBUG off).

With SQLite this process and the server both use a snapshot and an empty media folder, so
the demo's database and speech files are untouched. With PostgreSQL they use the configured
database and media as they are (the benchmark then only remakes its objects' speech).
"""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.test import override_settings

from bench.guide.servers import snapshot_sqlite
from bench.pages.server import RunningServer, running_daphne

ASGI_APP = "config.asgi:application"


@dataclass(frozen=True)
class Workspace:
    folder: Path
    media_root: Path
    database_url: str | None  # the snapshot's, for the server; None: the configured one

    @property
    def is_snapshot(self) -> bool:
        return self.database_url is not None


@contextmanager
def _database_at(path: Path) -> Iterator[None]:
    """This process's default database is the snapshot for the block."""
    connection = connections["default"]
    original = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = str(path)
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original


@contextmanager
def workspace() -> Iterator[Workspace]:
    with tempfile.TemporaryDirectory(prefix="vitrine-speech-bench-") as directory:
        folder = Path(directory)
        database = settings.DATABASES["default"]
        if database["ENGINE"] != "django.db.backends.sqlite3":
            yield Workspace(folder, Path(settings.MEDIA_ROOT), None)
            return
        snapshot = snapshot_sqlite(Path(database["NAME"]), folder)
        media = folder / "media"
        with _database_at(snapshot), override_settings(MEDIA_ROOT=str(media)):
            yield Workspace(folder, media, f"sqlite:///{snapshot}")


def server_env(space: Workspace) -> dict[str, str]:
    """Production settings on loopback, reading and writing the workspace."""
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_DEBUG": "0",
            "VITRINE_HTTPS": "0",
            "SECRET_KEY": "vitrine-speech-benchmark-only-" + os.urandom(24).hex(),
            "ALLOWED_HOSTS": "127.0.0.1",
            "STATIC_ROOT": str(space.folder / "static"),
            "MEDIA_ROOT": str(space.media_root),
            "INDEX_DIR": str(settings.INDEX_DIR),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            "SEARCH_WARM_UP": "0",  # would load search's models, which speech does not use
            "CELERY_TASK_ALWAYS_EAGER": "1",  # no Celery workers are started
        }
    )
    if space.database_url:
        env["DATABASE_URL"] = space.database_url
    return env


@contextmanager
def site_server(space: Workspace, *, start_timeout: float = 120.0) -> Iterator[RunningServer]:
    """``daphne config.asgi:application`` on a free loopback port until the block ends."""
    log_path = space.folder / "daphne.log"
    with running_daphne(
        env=server_env(space), log_path=log_path, start_timeout=start_timeout
    ) as server:
        yield server

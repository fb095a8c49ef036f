"""Times a full ``import_collection`` into a fresh temporary SQLite database and media.

The import runs in a subprocess so that it uses its own settings (``DATABASE_URL``,
``MEDIA_ROOT``) and cannot touch the database this process is configured with.
"""

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


class ImportTimingError(RuntimeError):
    """The import could not be run or failed; the message carries its output."""


@dataclass(frozen=True)
class ImportTiming:
    collection: Path
    seconds: float
    objects: int
    images: int
    models: int

    @property
    def objects_per_second(self) -> float:
        return self.objects / self.seconds if self.seconds > 0 else float("nan")


BULK_IMPORT_ENV = {
    "SEARCH_EMBED_ON_CHANGE": "0",
    "DESCRIPTIONS_DRAFT_ON_CHANGE": "0",
    "SPEECH_ON_CHANGE": "0",
}


def time_import(collection: Path, *, timeout: float = 1800.0) -> ImportTiming:
    """Migrates a temporary database (untimed), then times the import into it."""
    if not (collection / "objects.jsonl").is_file():
        raise ImportTimingError(f"{collection} has no objects.jsonl: not a collection folder")
    with tempfile.TemporaryDirectory(prefix="vitrine-import-bench-") as workdir:
        work = Path(workdir)
        database = work / "db.sqlite3"
        env = dict(os.environ)
        env.update(
            {
                "DATABASE_URL": f"sqlite:///{database}",
                "MEDIA_ROOT": str(work / "media"),
                "INDEX_DIR": str(work / "index"),
                "VITRINE_COLLECTION": str(collection),
                "LOG_LEVEL": "WARNING",
                # As `make collection` imports: embeddings and description drafts are made
                # afterwards in one batch each, speech on first listen.
                **BULK_IMPORT_ENV,
            }
        )
        _manage(["migrate", "--noinput", "-v", "0"], env=env, timeout=timeout)
        started = time.perf_counter()
        _manage(["import_collection", str(collection)], env=env, timeout=timeout)
        seconds = time.perf_counter() - started
        objects, images, models = _count_rows(database)
    if objects == 0:
        raise ImportTimingError("import_collection finished but imported no objects")
    return ImportTiming(collection, seconds, objects, images, models)


def _manage(arguments: list[str], *, env: dict[str, str], timeout: float) -> None:
    command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *arguments]
    try:
        completed = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
            command,
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ImportTimingError(f"{' '.join(arguments)} ran past {timeout:.0f}s") from exc
    if completed.returncode != 0:
        output = (completed.stdout + completed.stderr)[-3000:]
        raise ImportTimingError(f"manage.py {arguments[0]} failed:\n{output}")


def _count_rows(database: Path) -> tuple[int, int, int]:
    with closing(sqlite3.connect(database)) as connection:
        counts = [
            connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608 (fixed names)
            for table in (
                "exhibition_collectionobject",
                "exhibition_objectimage",
                "exhibition_objectmodel3d",
            )
        ]
    return counts[0], counts[1], counts[2]

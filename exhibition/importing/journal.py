"""The import journal: where an interrupted import resumes, and which ids it has imported.

A small SQLite file beside the site's other run-time files (``VAR_DIR/import-checkpoints``),
never a table of the site's database: it belongs to one run of one source file into one
database, and is deleted when that run finishes. It records, after each committed batch,
the line and byte offset the batch ended on, and the ids its records were imported under.

The ids live on disk rather than in memory so that a file of any length is checked for
duplicate ids with bounded memory, and so that a resumed run still refuses an id the
interrupted run already imported. The journal is written after the batch commits: a crash
between the two replays that batch, which is harmless because records are matched by id.
"""

import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.db import connection

# SQLite's historical limit on the number of parameters in one statement is 999.
_CHUNK = 500


@dataclass(frozen=True)
class Position:
    """How far a run got: the last line committed, the byte after it, the records before it."""

    line: int = 0
    offset: int = 0
    records: int = 0


@dataclass(frozen=True)
class SourceIdentity:
    """The source file as it was: a journal kept for another version of it is not used."""

    path: Path
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> "SourceIdentity":
        stat = path.stat()
        return cls(path=path.resolve(), size=stat.st_size, mtime_ns=stat.st_mtime_ns)


def journal_path(folder: Path, source: SourceIdentity) -> Path:
    """One journal per source path and target database, so two sites never share one."""
    settings = connection.settings_dict
    target = "\0".join(
        str(part)
        for part in (
            source.path,
            connection.vendor,
            settings.get("NAME"),
            settings.get("HOST"),
            settings.get("PORT"),
        )
    )
    return folder / f"{hashlib.sha256(target.encode()).hexdigest()[:24]}.sqlite3"


class ImportJournal:
    """Open with ``ImportJournal.open``; ``position`` says where to resume."""

    def __init__(
        self, path: Path, db: sqlite3.Connection, position: Position, last_id: str = ""
    ) -> None:
        self.path = path
        self._db = db
        self.position = position
        # The last id a committed batch imported: if the database no longer has it, the
        # journal describes another database (rebuilt since) and must not be resumed.
        self.last_id = last_id

    @classmethod
    def open(cls, *, folder: Path, source: SourceIdentity, restart: bool) -> "ImportJournal":
        """The journal of an earlier, unfinished run of this file, or a new one.

        ``restart`` discards an earlier journal; so does any change to the file since.
        """
        folder.mkdir(parents=True, exist_ok=True)
        path = journal_path(folder, source)
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS seen (id TEXT PRIMARY KEY, line INTEGER)")
        stored = dict(db.execute("SELECT key, value FROM state").fetchall())
        wanted = {"source": str(source.path), "size": str(source.size)}
        wanted["mtime_ns"] = str(source.mtime_ns)
        if restart or any(stored.get(key) != value for key, value in wanted.items()):
            db.execute("BEGIN")
            db.execute("DELETE FROM seen")
            db.execute("DELETE FROM state")
            db.executemany("INSERT INTO state VALUES (?, ?)", wanted.items())
            db.execute("COMMIT")
            return cls(path, db, Position())
        position = Position(
            line=int(stored.get("line", 0)),
            offset=int(stored.get("offset", 0)),
            records=int(stored.get("records", 0)),
        )
        return cls(path, db, position, stored.get("last_id", ""))

    def lines_of(self, ids: Iterable[str]) -> dict[str, int]:
        """The line each of these ids was imported from in this run, for those that were."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, int] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT id, line FROM seen WHERE id IN ({marks})",  # noqa: S608 (only ? marks)
                chunk,
            )
            found.update(rows.fetchall())
        return found

    def record_batch(self, *, imported: list[tuple[str, int]], position: Position) -> None:
        """After a batch has committed: its imported ids, and where the next one starts."""
        self._db.execute("BEGIN")
        self._db.executemany("INSERT OR REPLACE INTO seen VALUES (?, ?)", imported)
        if imported:
            self.last_id = imported[-1][0]
        self._db.executemany(
            "INSERT OR REPLACE INTO state VALUES (?, ?)",
            [
                ("line", str(position.line)),
                ("offset", str(position.offset)),
                ("records", str(position.records)),
                ("last_id", self.last_id),
            ],
        )
        self._db.execute("COMMIT")
        self.position = position

    def close(self) -> None:
        self._db.close()

    def finish(self) -> None:
        """The run is over: nothing to resume, so the journal goes."""
        self._db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

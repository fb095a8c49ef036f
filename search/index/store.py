"""Published indexes on disk: publishing a version atomically, and reading the current one.

Layout under `settings.INDEX_DIR/<space>/` (a version is named `<time ns>-<pid>`, so names sort
by age):

- `<base>.faiss` — a base segment, the FAISS index written by a rebuild or a compaction;
  `<base>.ids.npy` — the object id of each of its FAISS positions;
- `<version>.delta.npz` — the version record (see `search.index.segments`): the name of the base
  it is built on, the base's kind, the delta segment (object ids and vectors upserted since the
  base was built) and the base tombstones. A rebuild's version is its own base with an empty
  record; `index_upsert` / `index_remove` publish a new record on the same base, so an edit
  writes the delta and the tombstones, never the base;
- `CURRENT` — the name of the published version;
- `.lock` — taken (fcntl) by whoever reads, modifies and publishes, so two workers never lose
  each other's writes.

Publishing writes each file under a temporary name, fsyncs and renames it (base files first,
then the record), then replaces `CURRENT` the same way and fsyncs the folder: a reader sees the
old version or the new one, never half of one. The previous version is kept, so a reader that
has just read `CURRENT` still finds its files; older records are deleted, and so are the bases
no kept record names. Running workers notice a new `CURRENT` (see `search.index.loaded`).

A version with no record (written before records existed) is read as its own base with an empty
delta.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import io
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from django.conf import settings

from search.index.segments import LayeredIndex, VersionRecord
from search.index.vector_index import VectorIndex, faiss_module, kind_of

logger = logging.getLogger(__name__)

POINTER = "CURRENT"
RECORD_SUFFIX = ".delta.npz"
KEEP_VERSIONS = 2  # the published one and the one before it
_READ_RETRIES = 3
# Writers remember the sorted live ids of this many bases (one per space is what they use).
_BASE_IDS_CACHED = 8

_T = TypeVar("_T")


def space_dir(space: str) -> Path:
    if not space or "/" in space or space.startswith("."):
        raise ValueError(f"invalid index space {space!r}")
    return Path(settings.INDEX_DIR) / space


class _SpaceLock:
    """A re-entrant lock for one space: a thread lock here, an fcntl lock across processes."""

    def __init__(self) -> None:
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._file: Any = None

    @contextlib.contextmanager
    def hold(self, folder: Path) -> Iterator[None]:
        with self._thread_lock:
            if self._depth == 0:
                folder.mkdir(parents=True, exist_ok=True)
                self._file = open(folder / ".lock", "a+b")  # noqa: SIM115 - held across the block
                fcntl.flock(self._file.fileno(), fcntl.LOCK_EX)
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
                    self._file.close()
                    self._file = None


_locks: dict[str, _SpaceLock] = {}
_locks_guard = threading.Lock()


@contextlib.contextmanager
def space_lock(space: str) -> Iterator[None]:
    """Hold the write lock of `space` (this process and every other one)."""
    folder = space_dir(space)
    with _locks_guard:
        lock = _locks.setdefault(str(folder), _SpaceLock())
    with lock.hold(folder):
        yield


def publish_index(*, space: str, index: VectorIndex) -> Path:
    """Publish `index` as a new base with an empty delta; returns the path of its FAISS file."""
    faiss = faiss_module()
    folder = space_dir(space)
    with space_lock(space):
        version = _new_version(space)
        index_path = folder / f"{version}.faiss"
        temp = folder / f".tmp-{version}.faiss"
        faiss.write_index(index.faiss_index, str(temp))
        _fsync_file(temp)
        os.replace(temp, index_path)
        _write_atomically(folder / f"{version}.ids.npy", _npy_bytes(index.labels))
        record = VersionRecord.empty(base=version, kind=index.kind, dim=index.dim)
        _publish_version(folder, version, record)
    return index_path


def publish_record(*, space: str, record: VersionRecord) -> Path:
    """Publish a new version of `space` on the base `record` names; returns the record's path.

    Writes only the record (delta + tombstones): the base files are named, not copied.
    """
    folder = space_dir(space)
    with space_lock(space):
        if not (folder / f"{record.base}.faiss").is_file():
            raise FileNotFoundError(f"the {space} base {record.base} is not on disk")
        version = _new_version(space)
        return _publish_version(folder, version, record)


def _publish_version(folder: Path, version: str, record: VersionRecord) -> Path:
    record_path = folder / f"{version}{RECORD_SUFFIX}"
    _write_atomically(record_path, _record_bytes(record))
    _write_atomically(folder / POINTER, version.encode())
    _fsync_dir(folder)
    _remove_old_versions(folder, keep=version)
    return record_path


def _new_version(space: str) -> str:
    # Names must sort by age (the clean-up keeps the newest): never at or before the current one.
    now = time.time_ns()
    current = current_version(space)
    if current is not None:
        with contextlib.suppress(ValueError):
            now = max(now, int(current.split("-", 1)[0]) + 1)
    return f"{now:020d}-{os.getpid()}"


def unpublish_index(*, space: str) -> None:
    """Withdraw the published index of `space`: `load_index` returns None from then on."""
    folder = space_dir(space)
    with space_lock(space):
        (folder / POINTER).unlink(missing_ok=True)
        _fsync_dir(folder)


def _npy_bytes(labels: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(labels, dtype=np.int64), allow_pickle=False)
    return buffer.getvalue()


def _record_bytes(record: VersionRecord) -> bytes:
    buffer = io.BytesIO()
    np.savez(
        buffer,
        base=np.array(record.base),
        kind=np.array(record.kind),
        delta_ids=np.ascontiguousarray(record.delta_ids, dtype=np.int64),
        delta_vectors=np.ascontiguousarray(record.delta_vectors, dtype=np.float32),
        tombstones=np.ascontiguousarray(record.tombstones, dtype=np.int64),
    )
    return buffer.getvalue()


def _read_record_file(path: Path) -> VersionRecord:
    with np.load(path, allow_pickle=False) as data:
        return VersionRecord(
            base=str(data["base"].item()),
            kind=str(data["kind"].item()),
            delta_ids=np.asarray(data["delta_ids"], dtype=np.int64),
            delta_vectors=np.asarray(data["delta_vectors"], dtype=np.float32),
            tombstones=np.asarray(data["tombstones"], dtype=np.int64),
        )


@functools.lru_cache(maxsize=256)  # a version's record never changes: ask the disk once
def _base_of(folder: Path, version: str) -> str:
    """The base a version uses (itself when it has no record); only its `base` entry is read."""
    path = folder / f"{version}{RECORD_SUFFIX}"
    if not path.exists():
        return version
    with np.load(path, allow_pickle=False) as data:
        return str(data["base"].item())


def _write_atomically(path: Path, data: bytes) -> None:
    temp = path.with_name(f".tmp-{path.name}-{os.getpid()}")
    with open(temp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_old_versions(folder: Path, *, keep: str) -> None:
    versions = sorted(
        {p.name.split(".", 1)[0] for p in folder.glob(f"[0-9]*{RECORD_SUFFIX}")}
        | {p.name.split(".", 1)[0] for p in folder.glob("[0-9]*.faiss")}
    )
    kept = set(versions[-KEEP_VERSIONS:]) | {keep}
    # A base lives on as long as a kept version is built on it.
    in_use = kept | {_base_of(folder, version) for version in kept}
    for path in folder.iterdir():
        if path.name[:1].isdigit() and path.name.split(".", 1)[0] not in in_use:
            path.unlink(missing_ok=True)


def current_version(space: str) -> str | None:
    try:
        return (space_dir(space) / POINTER).read_text().strip() or None
    except FileNotFoundError:
        return None


def read_record(space: str) -> tuple[str, VersionRecord] | None:
    """The published (version, record) of `space`, or None; the base itself is not read."""
    return _read_current(space, lambda version: _read_record(space, version))


def read_published(
    space: str, *, reuse: LayeredIndex | None = None
) -> tuple[str, LayeredIndex] | None:
    """The published (version, index) of `space`, its base memory-mapped; or None.

    When `reuse` is on the same base, its (mapped) base is shared instead of read again.
    """

    def read(version: str) -> LayeredIndex:
        record = _read_record(space, version)
        if reuse is not None and reuse.record.base == record.base:
            base = reuse.base
        else:
            base = read_base(space, record.base)
        return LayeredIndex(base=base, record=record)

    return _read_current(space, read)


def _read_current(space: str, read: Callable[[str], _T]) -> tuple[str, _T] | None:
    for _ in range(_READ_RETRIES):
        version = current_version(space)
        if version is None:
            return None
        try:
            return version, read(version)
        except (FileNotFoundError, RuntimeError):
            # Two publications happened while we read: the files went away; read the newer ones.
            if current_version(space) == version:
                raise
    raise RuntimeError(f"the {space} index kept changing while it was being read")


def _read_record(space: str, version: str) -> VersionRecord:
    path = space_dir(space) / f"{version}{RECORD_SUFFIX}"
    try:
        return _read_record_file(path)
    except FileNotFoundError:
        if (space_dir(space) / f"{version}.faiss").exists() and not path.exists():
            base = read_base(space, version)  # a version from before records: its own base
            return VersionRecord.empty(base=version, kind=base.kind, dim=base.dim)
        raise


def read_base(space: str, base: str, *, writable: bool = False) -> VectorIndex:
    """The base segment `base` of `space`, memory-mapped read-only unless `writable`."""
    faiss = faiss_module()
    folder = space_dir(space)
    labels = np.load(folder / f"{base}.ids.npy", allow_pickle=False)
    path = str(folder / f"{base}.faiss")
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    faiss_index = None
    if not writable:
        # Memory-mapped, read-only: workers share the page cache instead of a copy each.
        with contextlib.suppress(RuntimeError):
            faiss_index = faiss.read_index(path, faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY)
    if faiss_index is None:
        faiss_index = faiss.read_index(path)
    return VectorIndex(
        space=space, kind=kind_of(faiss_index), faiss_index=faiss_index, labels=labels
    )


_base_ids: dict[tuple[str, str], np.ndarray] = {}
_base_ids_guard = threading.Lock()


def live_base_ids(space: str, base: str) -> np.ndarray:
    """Sorted live object ids of a base (its `.ids.npy` only), remembered by this process.

    Writers ask which upserted or removed ids the base holds: 8 bytes a vector read once per
    base, then a binary search per edit, instead of opening the FAISS file.
    """
    key = (str(space_dir(space)), base)
    with _base_ids_guard:
        cached = _base_ids.get(key)
    if cached is not None:
        return cached
    labels = np.load(space_dir(space) / f"{base}.ids.npy", allow_pickle=False)
    live = np.unique(labels[labels >= 0]).astype(np.int64)
    with _base_ids_guard:
        if len(_base_ids) >= _BASE_IDS_CACHED:
            _base_ids.pop(next(iter(_base_ids)))  # the oldest entry
        _base_ids[key] = live
    return live

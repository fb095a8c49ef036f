"""Published indexes on disk, and the per-process cache that picks up new publications.

Layout under `settings.INDEX_DIR/<space>/`:

- `<version>.faiss` — the FAISS index; `<version>.ids.npy` — object id of each FAISS position;
- `CURRENT` — the name of the published version;
- `.lock` — taken (fcntl) by whoever reads, modifies and publishes, so two workers never lose
  each other's writes.

Publishing writes both files under temporary names, fsyncs and renames them, then replaces
`CURRENT` the same way and fsyncs the folder: a reader sees the old version or the new one, never
half of one. The previous version is kept, so a reader that has just read `CURRENT` still finds
its files; older ones are deleted. Running workers notice a new `CURRENT` by a `stat()` on each
`load_index` (about a microsecond) and swap the new index in under a lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings

from search.index.vector_index import VectorIndex, faiss_module, kind_of

logger = logging.getLogger(__name__)

POINTER = "CURRENT"
KEEP_VERSIONS = 2  # the published one and the one before it
_READ_RETRIES = 3


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
    """Write `index` as the new published version of `space`; returns the path of its FAISS file."""
    faiss = faiss_module()
    folder = space_dir(space)
    with space_lock(space):
        version = f"{time.time_ns():020d}-{os.getpid()}"
        index_path = folder / f"{version}.faiss"
        temp = folder / f".tmp-{version}.faiss"
        faiss.write_index(index.faiss_index, str(temp))
        _fsync_file(temp)
        os.replace(temp, index_path)
        _write_atomically(folder / f"{version}.ids.npy", _npy_bytes(index.labels))
        _write_atomically(folder / POINTER, version.encode())
        _fsync_dir(folder)
        _remove_old_versions(folder, keep=version)
    return index_path


def unpublish_index(*, space: str) -> None:
    """Withdraw the published index of `space`: `load_index` returns None from then on."""
    folder = space_dir(space)
    with space_lock(space):
        (folder / POINTER).unlink(missing_ok=True)
        _fsync_dir(folder)


def _npy_bytes(labels: np.ndarray) -> bytes:
    import io

    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(labels, dtype=np.int64), allow_pickle=False)
    return buffer.getvalue()


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
    versions = sorted({p.name.split(".", 1)[0] for p in folder.glob("[0-9]*.faiss")})
    kept = set(versions[-KEEP_VERSIONS:]) | {keep}
    for path in folder.iterdir():
        if path.name[:1].isdigit() and path.name.split(".", 1)[0] not in kept:
            path.unlink(missing_ok=True)


def current_version(space: str) -> str | None:
    try:
        return (space_dir(space) / POINTER).read_text().strip() or None
    except FileNotFoundError:
        return None


def read_published(space: str, *, writable: bool = False) -> tuple[str, VectorIndex] | None:
    """The published (version, index) of `space`, memory-mapped unless `writable`; or None."""
    for _ in range(_READ_RETRIES):
        version = current_version(space)
        if version is None:
            return None
        try:
            return version, _read_version(space, version, writable=writable)
        except (FileNotFoundError, RuntimeError):
            # Two publications happened while we read: the files went away; read the newer ones.
            if current_version(space) == version:
                raise
    raise RuntimeError(f"the {space} index kept changing while it was being read")


def _read_version(space: str, version: str, *, writable: bool) -> VectorIndex:
    faiss = faiss_module()
    folder = space_dir(space)
    labels = np.load(folder / f"{version}.ids.npy", allow_pickle=False)
    path = str(folder / f"{version}.faiss")
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


@dataclass
class _Loaded:
    signature: tuple[int, int, int]
    version: str
    index: VectorIndex


class IndexStore:
    """The indexes this process has loaded; each worker process has one (see `load_index`)."""

    def __init__(self) -> None:
        self._loaded: dict[str, _Loaded] = {}
        self._lock = threading.Lock()

    def get(self, space: str) -> VectorIndex | None:
        folder = space_dir(space)
        key = str(folder)
        try:
            stat = os.stat(folder / POINTER)
        except FileNotFoundError:
            self._loaded.pop(key, None)
            return None
        signature = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        loaded = self._loaded.get(key)
        if loaded is not None and loaded.signature == signature:
            return loaded.index
        with self._lock:
            loaded = self._loaded.get(key)
            if loaded is not None and loaded.signature == signature:
                return loaded.index
            version = current_version(space)
            if loaded is None or loaded.version != version:
                try:
                    published = read_published(space)
                except (OSError, RuntimeError, ValueError):
                    # A damaged publication must not break search: keep serving what this
                    # worker has (or nothing, and the keyword channel answers alone).
                    logger.exception("cannot read the published %s index", space)
                    return None if loaded is None else loaded.index
                if published is None:
                    self._loaded.pop(key, None)
                    return None
                version, index = published
            else:
                index = loaded.index
            self._loaded[key] = _Loaded(signature=signature, version=version or "", index=index)
            return index

    def forget(self) -> None:
        with self._lock:
            self._loaded.clear()


_store = IndexStore()


def load_index(space: str) -> VectorIndex | None:
    """The published index of `space` (cached in this process; a new publication is picked up)."""
    return _store.get(space)

"""The indexes this process has loaded, picking up each new publication without a restart.

Workers notice a new `CURRENT` by a `stat()` on each `load_index` (about a microsecond) and
swap the new version in under a lock; a version on the base they already have reads only
its record (the base stays mapped). Publishing and reading the files is `search.index.store`.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass

from search.index.segments import LayeredIndex
from search.index.store import POINTER, current_version, read_published, space_dir

logger = logging.getLogger(__name__)


@dataclass
class _Loaded:
    signature: tuple[int, int, int]
    version: str
    index: LayeredIndex


class IndexStore:
    """The indexes this process has loaded; each worker process has one (see `load_index`)."""

    def __init__(self) -> None:
        self._loaded: dict[str, _Loaded] = {}
        self._lock = threading.Lock()

    def get(self, space: str) -> LayeredIndex | None:
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
                    published = read_published(
                        space, reuse=None if loaded is None else loaded.index
                    )
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


def load_index(space: str) -> LayeredIndex | None:
    """The published index of `space` (cached in this process; a new publication is picked up)."""
    return _store.get(space)

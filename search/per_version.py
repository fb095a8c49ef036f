"""What one worker process holds for the current collection version.

Search keeps several things a search would otherwise ask the database for on every query
(the public ids, whether the catalogue is sparse, the API's hit cards, the classifier
concepts, each word's best keyword score). Each changes only when the collection does,
and every write to the collection moves its version on (``exhibition.page_cache``; the
search app moves it too when embeddings or indexes change), so each is held under the
version it was read at and read again after any change.

``VersionedValue`` holds one value; ``VersionedLRU`` a bounded map, least recently used
out first. ``RefreshedValue`` is for a value that stays good enough across a few versions
and is costly to read again: after a change it keeps answering with the value it holds
while one thread reads the new one. ``forget_all`` drops everything (tests: a rolled-back
transaction reuses version numbers).
"""

import logging
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Generic, Protocol, TypeVar

from exhibition.page_cache import collection_version

logger = logging.getLogger(__name__)

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class _Held(Protocol):
    def forget(self) -> None: ...


_held: "weakref.WeakSet[_Held]" = weakref.WeakSet()


class VersionedValue(Generic[V]):
    def __init__(self, compute: Callable[[], V]) -> None:
        self._compute = compute
        self._held: tuple[int, V] | None = None
        self._lock = threading.Lock()
        _held.add(self)

    def get(self) -> V:
        version = collection_version()
        held = self._held
        if held is not None and held[0] == version:
            return held[1]
        with self._lock:
            if self._held is None or self._held[0] != version:
                self._held = (version, self._compute())
            return self._held[1]

    def forget(self) -> None:
        with self._lock:
            self._held = None


class RefreshedValue(Generic[V]):
    """A value read once per version, answered from the last one while the next is read.

    Only the very first read waits. A value read for a version that has since moved on
    is still kept (it is newer than the one held) and another read follows at the next
    ``get``. ``in_background`` (read on each ``get``) off makes every read wait, as
    ``VersionedValue`` does: tests, whose data other threads cannot see.
    """

    def __init__(self, compute: Callable[[], V], in_background: Callable[[], bool]) -> None:
        self._compute = compute
        self._in_background = in_background
        self._held: tuple[int, V] | None = None
        self._reading: threading.Thread | None = None
        self._lock = threading.Lock()
        _held.add(self)

    def get(self) -> V:
        version = collection_version()
        held = self._held
        if held is not None and (held[0] == version or self._start_reading(version)):
            return held[1]
        with self._lock:
            if self._held is None or self._held[0] != version:
                self._held = (version, self._compute())
            return self._held[1]

    def _start_reading(self, version: int) -> bool:
        """Start one thread reading this version's value; False if the caller must wait."""
        if not self._in_background():
            return False
        with self._lock:
            if self._reading is None or not self._reading.is_alive():
                self._reading = threading.Thread(
                    target=self._read, args=(version,), name="refreshed-value", daemon=True
                )
                self._reading.start()
        return True

    def _read(self, version: int) -> None:
        from django.db import connections

        try:
            value = self._compute()
        except Exception:  # the held value stays; the next get tries again
            logger.exception("reading a refreshed value for version %s failed", version)
            return
        finally:
            connections.close_all()  # this thread's own connections
        with self._lock:
            if self._held is None or self._held[0] < version:
                self._held = (version, value)

    def forget(self) -> None:
        with self._lock:
            self._held = None


class VersionedLRU(Generic[K, V]):
    def __init__(self, max_entries: Callable[[], int]) -> None:
        self._max_entries = max_entries  # read on each fill: a setting may change it
        self._entries: OrderedDict[tuple[int, K], V] = OrderedDict()
        self._lock = threading.Lock()
        _held.add(self)

    def get_many(self, keys: Sequence[K], build: Callable[[list[K]], dict[K, V]]) -> dict[K, V]:
        """The values of these keys: held ones, and ``build`` for the rest (outside the lock).

        A key ``build`` leaves out is left out of the answer and not held.
        """
        version = collection_version()
        found: dict[K, V] = {}
        with self._lock:
            for key in keys:
                entry = (version, key)
                if entry in self._entries:
                    self._entries.move_to_end(entry)
                    found[key] = self._entries[entry]
        missing = [key for key in keys if key not in found]
        if missing:
            built = build(missing)
            found.update(built)
            with self._lock:
                for key, value in built.items():
                    self._entries[(version, key)] = value
                while len(self._entries) > max(self._max_entries(), 0):
                    self._entries.popitem(last=False)
        return found

    def forget(self) -> None:
        with self._lock:
            self._entries.clear()


def forget_all() -> None:
    for held in list(_held):
        held.forget()

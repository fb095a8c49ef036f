"""What one worker process holds for the current collection version.

Search keeps several things a search would otherwise ask the database for on every query
(the public ids, whether the catalogue is sparse, the API's hit cards, the classifier
concepts, each word's best keyword score). Each changes only when the collection does,
and every write to the collection moves its version on (``exhibition.page_cache``; the
search app moves it too when embeddings or indexes change), so each is held under the
version it was read at and read again after any change.

``VersionedValue`` holds one value; ``VersionedLRU`` a bounded map, least recently used
out first. ``forget_all`` drops everything (tests: a rolled-back transaction reuses
version numbers).
"""

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Generic, Protocol, TypeVar

from exhibition.page_cache import collection_version

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

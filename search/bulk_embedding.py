"""Embedding a whole collection in chunks: planned here, each chunk run as a Celery task.

`embed_collection` cuts the objects into chunks of consecutive ids (keyset: ``pk > last``,
never an OFFSET, so planning a million objects reads ids only) and sends one
`search.tasks.embed_chunk` per chunk. With no broker the tasks run in-process, one after the
other; scaled out, as many run at once as there are Celery worker processes, and the command
keeps at most ``in_flight`` chunks queued. A run is resumable: `objects_embed` recomputes
only what changed (record text, image checksum or encoder version), so a second run, or one
after an interruption, embeds only what is left. Chunks report to the cache (Redis when
scaled out), which is how the command learns that a worker finished one.
"""

import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from django.core.cache import cache

from exhibition.models import CollectionObject
from search.embeddings import objects_embed
from search.models import Embedding

CHUNK_SIZE = 256
MAX_CHUNK_SIZE = 5000
# How long a run's counters are kept in the cache (a run of a million objects fits a day).
_PROGRESS_TIMEOUT = 24 * 3600
_COUNTERS = ("chunks", "embedded", "unchanged", "removed")
_POLL_SECONDS = 0.5


@dataclass(frozen=True)
class ChunkOutcome:
    embedded: int  # objects with a space written or deleted
    unchanged: int  # public objects already current
    removed: int  # objects no longer public whose embeddings went


@dataclass(frozen=True)
class RunProgress:
    chunks: int
    embedded: int
    unchanged: int
    removed: int


def object_id_ranges(*, chunk_size: int) -> Iterator[tuple[int, int]]:
    """(first id, last id) of each run of ``chunk_size`` consecutive objects, by keyset."""
    last = 0
    while True:
        ids = list(
            CollectionObject.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", flat=True)[:chunk_size]
        )
        if not ids:
            return
        yield ids[0], ids[-1]
        last = ids[-1]


def embed_id_range(*, first_id: int, last_id: int, force: bool = False) -> ChunkOutcome:
    """Bring the embeddings of the objects with ids first..last up to date (one chunk)."""
    objects = list(
        CollectionObject.objects.filter(pk__gte=first_id, pk__lte=last_id)
        .order_by("pk")
        .select_related("place")
        .prefetch_related("creator_links__agent", "tags")
    )
    public = [obj for obj in objects if obj.is_public]
    hidden = [obj.pk for obj in objects if not obj.is_public]
    stale = Embedding.objects.filter(collection_object_id__in=hidden)
    removed = len(set(stale.values_list("collection_object_id", flat=True)))
    if removed:
        stale.delete()
    changed = objects_embed(collection_objects=public, force=force) if public else {}
    embedded = sum(1 for spaces in changed.values() if spaces)
    return ChunkOutcome(embedded=embedded, unchanged=len(public) - embedded, removed=removed)


def _key(run: str, counter: str) -> str:
    return f"search:embed-run:{run}:{counter}"


def record_chunk(*, run: str, outcome: ChunkOutcome) -> None:
    """Add a finished chunk to its run's counters (atomic increments: workers share them)."""
    values = {"chunks": 1, **vars(outcome)}
    for counter in _COUNTERS:
        key = _key(run, counter)
        cache.add(key, 0, timeout=_PROGRESS_TIMEOUT)
        cache.incr(key, values[counter])


def run_progress(run: str) -> RunProgress:
    found = cache.get_many([_key(run, counter) for counter in _COUNTERS])
    return RunProgress(*(int(found.get(_key(run, counter), 0)) for counter in _COUNTERS))


@dataclass(frozen=True)
class RunSummary:
    queued: int  # chunks sent
    progress: RunProgress  # what the finished ones reported
    seconds: float

    @property
    def complete(self) -> bool:
        return self.progress.chunks >= self.queued


def collection_embed(
    *,
    send: Callable[..., object],
    chunk_size: int = CHUNK_SIZE,
    in_flight: int = 4,
    force: bool = False,
    stall_seconds: float = 600.0,
    on_progress: Callable[[RunProgress], None] | None = None,
) -> RunSummary:
    """Embed every object chunk by chunk; returns once every chunk reported, or none did
    for ``stall_seconds`` (a worker gone: the next run resumes where this one stopped).

    ``send(first_id, last_id, force=…, run=…)`` queues one chunk: `embed_chunk.delay`
    (search.tasks imports this module, so the task is handed in rather than imported).
    """
    if not 1 <= chunk_size <= MAX_CHUNK_SIZE:
        raise ValueError(f"the chunk size must be between 1 and {MAX_CHUNK_SIZE}")
    in_flight = max(1, in_flight)
    run, started = uuid.uuid4().hex, time.monotonic()
    waiter = _Waiter(run, stall_seconds, on_progress)
    queued = 0
    for first_id, last_id in object_id_ranges(chunk_size=chunk_size):
        if not waiter.until(partial(_room_for_one, queued=queued, in_flight=in_flight)):
            break
        send(first_id, last_id, force=force, run=run)
        queued += 1
    waiter.until(partial(_room_for_one, queued=queued, in_flight=1))
    return RunSummary(queued, run_progress(run), time.monotonic() - started)


def _room_for_one(done: int, *, queued: int, in_flight: int) -> bool:
    """Whether fewer than ``in_flight`` of the queued chunks are unfinished (1: all done)."""
    return queued - done < in_flight


class _Waiter:
    """Waits on a run's finished-chunk count; gives up after a stall with no progress."""

    def __init__(
        self, run: str, stall_seconds: float, on_progress: Callable[[RunProgress], None] | None
    ) -> None:
        self.run, self.stall_seconds, self.on_progress = run, stall_seconds, on_progress
        self._last_done, self._last_change = -1, time.monotonic()

    def until(self, ready: Callable[[int], bool]) -> bool:
        while True:
            progress = run_progress(self.run)
            if progress.chunks != self._last_done:
                self._last_done, self._last_change = progress.chunks, time.monotonic()
                if self.on_progress is not None:
                    self.on_progress(progress)
            if ready(progress.chunks):
                return True
            if time.monotonic() - self._last_change > self.stall_seconds:
                return False
            time.sleep(_POLL_SECONDS)

"""What the published search indexes look like on disk, for readiness and metrics.

Reads only the `CURRENT` pointer, the version record and the base's id file (memory-mapped):
never the FAISS file, so a probe costs a few small reads whatever the collection's size.

A version is named `<time ns>-<pid>` when it is published (`search.index.store`), so its
name gives the index's age. The index is *stale* when stored embeddings of its space were
written after it was published and more than `VITRINE_INDEX_STALE_GRACE_SECONDS` ago: a
worker re-embeds an object and publishes the index a moment later, so only an embedding left
unpublished past the grace means indexing has stalled.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np
from django.conf import settings

from search.embeddings import SPACES
from search.index.store import RECORD_SUFFIX, current_version, space_dir
from search.models import Embedding

_READ_TRIES = 3


@dataclass(frozen=True)
class SpaceIndexStatus:
    space: str
    version: str | None  # None: nothing published
    published_at: float | None  # seconds since the epoch
    vectors: int  # vectors that answer: base ids - tombstones + delta

    @property
    def present(self) -> bool:
        return self.version is not None

    def age_seconds(self, now: float | None = None) -> float | None:
        if self.published_at is None:
            return None
        return max(0.0, (time.time() if now is None else now) - self.published_at)


def _published_at(version: str) -> float | None:
    try:
        return int(version.split("-", 1)[0]) / 1e9
    except ValueError:
        return None


def _vectors(space: str, version: str) -> int:
    folder = space_dir(space)
    record = folder / f"{version}{RECORD_SUFFIX}"
    base, delta, tombstones = version, 0, 0
    if record.exists():  # a version from before records is its own base, with no delta
        # Only the small entries: the delta's vectors (up to megabytes) are not read.
        with np.load(record, allow_pickle=False) as data:
            base = str(data["base"].item())
            delta = int(data["delta_ids"].shape[0])
            tombstones = int(data["tombstones"].shape[0])
    base_ids = np.load(folder / f"{base}.ids.npy", mmap_mode="r", allow_pickle=False)
    return int(base_ids.shape[0]) - tombstones + delta


def space_index_status(space: str) -> SpaceIndexStatus:
    for _ in range(_READ_TRIES):
        version = current_version(space)
        if version is None:
            return SpaceIndexStatus(space=space, version=None, published_at=None, vectors=0)
        try:
            vectors = _vectors(space, version)
        except FileNotFoundError:
            continue  # a newer publication removed these files while we read: read again
        return SpaceIndexStatus(
            space=space, version=version, published_at=_published_at(version), vectors=vectors
        )
    raise RuntimeError(f"the {space} index kept changing while it was being read")


def index_statuses() -> list[SpaceIndexStatus]:
    return [space_index_status(space) for space in SPACES]


def space_has_embeddings(space: str) -> bool:
    return Embedding.objects.filter(space=space).exists()


def space_unpublished_embeddings(status: SpaceIndexStatus) -> bool:
    """Whether embeddings of the space were written after its index, beyond the grace.

    `updated_at` has no database index: on PostgreSQL the readiness check bounds this query
    with a statement timeout.
    """
    if status.published_at is None:
        return False
    grace = timedelta(seconds=settings.VITRINE_INDEX_STALE_GRACE_SECONDS)
    published = datetime.fromtimestamp(status.published_at, tz=UTC)
    return Embedding.objects.filter(
        space=status.space, updated_at__gt=published, updated_at__lt=datetime.now(tz=UTC) - grace
    ).exists()

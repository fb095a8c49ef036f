"""Incremental changes to published indexes, and the full rebuild.

A published version is a base segment plus a small exact delta and the base tombstones (see
`search.index.segments` and `search.index.store`). `index_upsert` and `index_remove` read the
published version record under the space's write lock (so concurrent workers never lose each
other's writes), change the delta and the tombstones and publish a new record on the same base:
an edit costs a read and a write of the delta and tombstones, never of the base (600 MB of HNSW
at 1M vectors). Which ids the base holds comes from its `.ids.npy` (8 bytes a vector, read once
per base by each writer process), not from the FAISS file.

Compaction folds the delta and the tombstones into a new base, at the change after which:

- the delta holds more than `settings.SEARCH_DELTA_MAX_VECTORS` vectors (default 5,000: an
  exact scan of them costs a query about a millisecond, and each edit rewrites them — 7.5 MB
  of 384-d vectors at most), or more than `DELTA_MAX_FRACTION` (10%) of the base's live
  vectors (small bases compact often, cheaply);
- the tombstones pass the same limit, or `MAX_DEAD_FRACTION` (10%) of the base's live vectors
  if that is fewer (searches over-fetch from the base by their number, and an HNSW search
  widens its beam to match, so they must stay few);
- an exact base would outgrow `settings.SEARCH_EXACT_MAX_VECTORS` (it becomes the approximate
  kind its size calls for, as a rebuild would choose).

An exact (flat) base is compacted by merging its live vectors with the delta (no database); an
approximate one cannot be read back exactly, so it is rebuilt from the stored vectors, which the
caller hands in as a `VectorSource` (search.indexing passes the stored embeddings): this package
knows FAISS and files, never where vectors are kept. Without a source, an approximate base's
compaction waits for a change that brings one. Bulk loads should still run `build_search_index`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from django.conf import settings

from search.index.segments import VersionRecord
from search.index.store import (
    live_base_ids,
    publish_index,
    publish_record,
    read_base,
    read_record,
    space_lock,
    unpublish_index,
)
from search.index.vector_index import (
    MAX_DEAD_FRACTION,
    VectorIndex,
    as_matrix,
    build_index,
    choose_kind,
)

# A space's stored vectors as (ids, vectors): what an approximate base is rebuilt from.
VectorSource = Callable[[str], tuple[np.ndarray, np.ndarray]]

# Above this share of the base's live vectors, the delta is folded into a new base.
DELTA_MAX_FRACTION = 0.1


def index_upsert(
    *, space: str, ids: np.ndarray, vectors: np.ndarray, source: VectorSource | None = None
) -> None:
    """Add the vectors of `ids` to the `space` index, replacing any they had; then publish."""
    ids = np.ascontiguousarray(ids, dtype=np.int64).reshape(-1)
    vectors = as_matrix(vectors)
    if ids.shape[0] != vectors.shape[0]:
        raise ValueError(f"{ids.shape[0]} ids for {vectors.shape[0]} vectors")
    if ids.shape[0] == 0:
        return
    if np.unique(ids).shape[0] != ids.shape[0]:
        raise ValueError("each id may appear once in an upsert")
    with space_lock(space):
        published = read_record(space)
        if published is None:
            publish_index(space=space, index=build_index(vectors=vectors, ids=ids, space=space))
            return
        record = published[1]
        as_matrix(vectors, record.dim)  # a clear error when the encoder changed dimension
        kept = ~np.isin(record.delta_ids, ids)  # the delta vectors these ids replace go
        _publish(
            space,
            record.changed(
                delta_ids=np.concatenate([record.delta_ids[kept], ids]),
                delta_vectors=np.concatenate([record.delta_vectors[kept], vectors]),
                tombstones=np.concatenate([record.tombstones, _newly_dead(space, record, ids)]),
            ),
            source,
        )


def index_remove(*, space: str, ids: np.ndarray, source: VectorSource | None = None) -> None:
    """Remove the vectors of `ids` from the `space` index (unknown ids are ignored); publish."""
    ids = np.ascontiguousarray(ids, dtype=np.int64).reshape(-1)
    with space_lock(space):
        published = read_record(space)
        if published is None:
            return
        record = published[1]
        dead = _newly_dead(space, record, ids)
        kept = ~np.isin(record.delta_ids, ids)
        if dead.shape[0] == 0 and bool(kept.all()):
            return
        _publish(
            space,
            record.changed(
                delta_ids=record.delta_ids[kept],
                delta_vectors=record.delta_vectors[kept],
                tombstones=np.concatenate([record.tombstones, dead]),
            ),
            source,
        )


def _newly_dead(space: str, record: VersionRecord, ids: np.ndarray) -> np.ndarray:
    """Those of `ids` live in the base and not yet tombstoned: their base vectors must go."""
    live = live_base_ids(space, record.base)
    if live.shape[0] == 0:
        return np.zeros(0, dtype=np.int64)
    positions = np.minimum(np.searchsorted(live, ids), live.shape[0] - 1)
    in_base = ids[live[positions] == ids]
    return in_base[~np.isin(in_base, record.tombstones)]


def _publish(space: str, record: VersionRecord, source: VectorSource | None) -> None:
    if not _needs_compaction(space, record) or (record.kind != "flat" and source is None):
        publish_record(space=space, record=record)
        return
    compacted = _compacted(space, record, source)
    if compacted.ntotal == 0 and record.kind != "flat":
        # No stored embeddings to rebuild from: nothing to search, as after `rebuild_space`.
        unpublish_index(space=space)
        return
    publish_index(space=space, index=compacted)


def _needs_compaction(space: str, record: VersionRecord) -> bool:
    base_live = int(live_base_ids(space, record.base).shape[0])
    delta = int(record.delta_ids.shape[0])
    tombstones = int(record.tombstones.shape[0])
    most = int(settings.SEARCH_DELTA_MAX_VECTORS)
    if delta > min(most, DELTA_MAX_FRACTION * base_live):
        return True
    if tombstones > min(most, MAX_DEAD_FRACTION * base_live):
        return True
    # A growing collection moves to the approximate kind its size calls for.
    return record.kind == "flat" and choose_kind(base_live - tombstones + delta) != "flat"


def _compacted(space: str, record: VersionRecord, source: VectorSource | None) -> VectorIndex:
    """A new base holding the live vectors of the base and the delta."""
    if record.kind == "flat":
        return _merged_flat(space, record)
    if source is None:
        raise ValueError(
            f"the approximate {space} index is rebuilt from stored vectors: none given"
        )
    # Approximate vectors cannot be read back exactly: rebuild from the stored ones.
    ids, vectors = source(space)
    return build_index(vectors=vectors, ids=ids, kind=record.kind, space=space)


def _merged_flat(space: str, record: VersionRecord) -> VectorIndex:
    base = read_base(space, record.base)
    labels = base.labels
    live = (labels >= 0) & ~np.isin(labels, record.tombstones)
    vectors = base.faiss_index.reconstruct_n(0, base.faiss_index.ntotal)
    return build_index(
        vectors=np.concatenate([vectors[live], record.delta_vectors]),
        ids=np.concatenate([labels[live], record.delta_ids]),
        space=space,
    )


def rebuild_space(*, space: str, source: VectorSource, kind: str = "auto") -> VectorIndex:
    """Build the `space` index from all its stored vectors, and publish it.

    The new version is a fresh base with an empty delta. The source is read under the
    space's write lock, so no edit published meanwhile is lost.
    """
    with space_lock(space):
        ids, vectors = source(space)
        if ids.shape[0] == 0:
            # Nothing to search (e.g. no visual space with CLIP): searches see "no index".
            unpublish_index(space=space)
            return build_index(vectors=np.zeros((0, 1), np.float32), ids=ids, space=space)
        index = build_index(vectors=vectors, ids=ids, kind=kind, space=space)
        publish_index(space=space, index=index)
    return index

"""Incremental changes to published indexes, and the full rebuild.

Each change reads the published index under the space's write lock, changes it and publishes it,
so concurrent workers never lose each other's writes. A replaced or removed vector is tombstoned
(see `search.index.vector_index`); an exact index is compacted at once (cheap and keeps it exact),
an approximate one is rebuilt from the stored embeddings once tombstones pass
`MAX_DEAD_FRACTION`. Changes cost a read and a write of the whole index — fine for imports of a
few objects at a time; bulk loads should run `build_search_index` instead.
"""

from __future__ import annotations

import numpy as np

from search.index.store import publish_index, read_published, space_lock, unpublish_index
from search.index.vector_index import (
    MAX_DEAD_FRACTION,
    VectorIndex,
    as_matrix,
    build_index,
    choose_kind,
)

SPACES = ("joint", "text", "heading", "visual")


def index_upsert(*, space: str, ids: np.ndarray, vectors: np.ndarray) -> None:
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
        published = read_published(space, writable=True)
        if published is None:
            index = build_index(vectors=vectors, ids=ids, space=space)
        else:
            index = published[1]
            as_matrix(vectors, index.dim)  # a clear error when the encoder changed dimension
            index.remove(ids)
            index.add(ids, vectors)
            index = _tidy(index)
        publish_index(space=space, index=index)


def index_remove(*, space: str, ids: np.ndarray) -> None:
    """Remove the vectors of `ids` from the `space` index (unknown ids are ignored); publish."""
    ids = np.ascontiguousarray(ids, dtype=np.int64).reshape(-1)
    with space_lock(space):
        published = read_published(space, writable=True)
        if published is None:
            return
        index = published[1]
        if index.remove(ids) == 0:
            return
        publish_index(space=space, index=_tidy(index))


def _tidy(index: VectorIndex) -> VectorIndex:
    """Compact (or outgrow) an exact index; rebuild an approximate one with many tombstones."""
    if index.kind == "flat":
        if index.n_dead:
            index.drop_tombstones()
        # A growing collection moves to the approximate kind its size calls for.
        if choose_kind(index.ntotal) != "flat":
            vectors = index.faiss_index.reconstruct_n(0, index.faiss_index.ntotal)
            return build_index(vectors=vectors, ids=index.labels, space=index.space)
        return index
    if index.n_dead > MAX_DEAD_FRACTION * index.labels.shape[0]:
        from search.embeddings import embedding_matrix

        ids, vectors = embedding_matrix(index.space)
        return build_index(vectors=vectors, ids=ids, kind=index.kind, space=index.space)
    return index


def rebuild_space(*, space: str, kind: str = "auto") -> VectorIndex:
    """Build the `space` index from the stored embeddings of public objects, and publish it."""
    from search.embeddings import embedding_matrix

    with space_lock(space):
        ids, vectors = embedding_matrix(space)
        if ids.shape[0] == 0:
            # Nothing to search (e.g. no visual space with CLIP): searches see "no index".
            unpublish_index(space=space)
            return build_index(vectors=np.zeros((0, 1), np.float32), ids=ids, space=space)
        index = build_index(vectors=vectors, ids=ids, kind=kind, space=space)
        publish_index(space=space, index=index)
    return index


def rebuild_indexes(*, kind: str = "auto") -> dict[str, int]:
    """Rebuild every space; returns the number of vectors indexed in each."""
    from exhibition.page_cache import collection_changed

    counts = {space: rebuild_space(space=space, kind=kind).ntotal for space in SPACES}
    collection_changed()  # cached pages' "More like this" panels come from these indexes
    return counts

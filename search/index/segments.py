"""A published version of a space: a big base index, a small exact delta, base tombstones.

`index_upsert` and `index_remove` must not rewrite the base (600 MB of HNSW at 1M vectors) on
every curator edit, so a version is the base segment (built by a rebuild or a compaction, shared
by every version until the next one) plus a `VersionRecord`: the vectors upserted since the
base was built (searched exactly, by `IndexFlatIP`) and the base object ids whose base vectors
no longer answer (replaced or removed). Invariants kept by `search.index.updates`: the delta ids
are unique and none of them is live in the base unless tombstoned; every tombstone is a live id
of the base. `LayeredIndex` searches both segments and merges them by score.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from search.index.vector_index import VectorIndex, as_matrix, faiss_module

_NO_SCORE = np.float32(-np.inf)


@dataclass(frozen=True)
class VersionRecord:
    """What a version adds to its base: the delta segment and the base tombstones."""

    base: str  # the version name whose `.faiss` / `.ids.npy` files are the base segment
    kind: str  # the base's index kind (so writers need not open the base to know it)
    delta_ids: np.ndarray  # int64 (m,), unique
    delta_vectors: np.ndarray  # float32 (m, d); (0, d) when empty, so the dimension is known
    tombstones: np.ndarray  # int64, sorted and unique: base ids that no longer answer

    @property
    def dim(self) -> int:
        return int(self.delta_vectors.shape[1])

    @classmethod
    def empty(cls, *, base: str, kind: str, dim: int) -> VersionRecord:
        """The record of a freshly built base: nothing upserted or removed since."""
        return cls(
            base=base,
            kind=kind,
            delta_ids=np.zeros(0, dtype=np.int64),
            delta_vectors=np.zeros((0, dim), dtype=np.float32),
            tombstones=np.zeros(0, dtype=np.int64),
        )

    def changed(
        self, *, delta_ids: np.ndarray, delta_vectors: np.ndarray, tombstones: np.ndarray
    ) -> VersionRecord:
        return VersionRecord(
            base=self.base,
            kind=self.kind,
            delta_ids=np.ascontiguousarray(delta_ids, dtype=np.int64),
            delta_vectors=as_matrix(delta_vectors, self.dim).reshape(-1, self.dim),
            tombstones=np.unique(np.asarray(tombstones, dtype=np.int64)),
        )


class LayeredIndex:
    """Search over a base `VectorIndex` and a version's delta, without the tombstoned base ids.

    What `load_index` returns: `search`, `ntotal`, `dim`, `kind` and `space` behave as they do
    on a `VectorIndex`. The base object is shared by the versions built on it (a worker does not
    map the base again for each curator edit), so nothing here changes it.
    """

    def __init__(self, *, base: VectorIndex, record: VersionRecord) -> None:
        self.base = base
        self.record = record
        self._delta = _flat_index(record.delta_vectors) if record.delta_ids.shape[0] else None
        # Tombstones are live base ids (an invariant of the writers), so they subtract exactly.
        self.ntotal = base.ntotal - int(record.tombstones.shape[0]) + int(record.delta_ids.shape[0])

    @property
    def space(self) -> str:
        return self.base.space

    @property
    def kind(self) -> str:
        return self.base.kind

    @property
    def dim(self) -> int:
        return self.base.dim

    @property
    def labels(self) -> np.ndarray:
        """The live object ids: base ones (in base order), then the delta's. O(base): for tools."""
        base_labels = self.base.labels
        live = (base_labels >= 0) & ~np.isin(base_labels, self.record.tombstones)
        return np.concatenate([base_labels[live], self.record.delta_ids])

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Cosine scores (n, k) and object ids (n, k) int64, best first, padded with -1."""
        queries = as_matrix(queries, self.dim)
        if self._delta is None and self.record.tombstones.shape[0] == 0:
            return self.base.search(queries, k)  # a freshly built base: nothing to merge
        n = queries.shape[0]
        if k <= 0:
            return np.full((n, 0), -1.0, np.float32), np.full((n, 0), -1, np.int64)
        # Tombstoned hits may take some of the base's top places: fetch enough to fill k.
        base_scores, base_ids = self.base.search(queries, k + int(self.record.tombstones.shape[0]))
        dead = (base_ids < 0) | np.isin(base_ids, self.record.tombstones)
        base_scores = np.where(dead, _NO_SCORE, base_scores)
        delta_scores, delta_ids = self._search_delta(queries, k)
        return _best_k(
            np.concatenate([base_scores, delta_scores], axis=1),
            np.concatenate([base_ids, delta_ids], axis=1),
            k,
        )

    def _search_delta(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        n = queries.shape[0]
        if self._delta is None:
            return np.zeros((n, 0), np.float32), np.zeros((n, 0), np.int64)
        fetch = min(k, int(self.record.delta_ids.shape[0]))
        scores, positions = self._delta.search(queries, fetch)
        found = positions >= 0
        ids = np.where(found, self.record.delta_ids[np.maximum(positions, 0)], -1)
        return np.where(found, scores, _NO_SCORE).astype(np.float32), ids.astype(np.int64)


def _flat_index(vectors: np.ndarray) -> Any:
    faiss = faiss_module()
    index = faiss.IndexFlatIP(int(vectors.shape[1]))
    index.add(as_matrix(vectors))
    return index


def _best_k(scores: np.ndarray, ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k best of each row by score (missing ones score -inf), padded as `search` pads."""
    # Stable: among equal scores the base's hit comes first, as it would in one index.
    order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    best_scores = np.take_along_axis(scores, order, axis=1)
    best_ids = np.take_along_axis(ids, order, axis=1)
    missing = best_scores == _NO_SCORE
    n = scores.shape[0]
    out_scores = np.full((n, k), -1.0, dtype=np.float32)
    out_ids = np.full((n, k), -1, dtype=np.int64)
    width = best_scores.shape[1]
    out_scores[:, :width] = np.where(missing, np.float32(-1.0), best_scores)
    out_ids[:, :width] = np.where(missing, -1, best_ids)
    return out_scores, out_ids

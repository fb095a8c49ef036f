"""One FAISS index over L2-normalised vectors, searched by inner product (= cosine).

Kinds, chosen by `choose_kind` from the collection size and `settings.SEARCH_INDEX_KIND`
(figures: `bench_search --synthetic 1000000`, 384 d, on the shared 2-core machine, one query
thread; p95 there is dominated by other engineers' load, p50 is the index's own cost):

- ``flat``: exact `IndexFlatIP`, up to `SEARCH_EXACT_MAX_VECTORS` (50k): recall 1 and a few ms a
  query at that size (151 ms at 1M), so approximation only pays above the threshold.
- ``hnsw`` (the default above it): `IndexHNSWSQ`, an HNSW graph (M=32 links a node,
  efConstruction=80) over 8-bit scalar-quantised vectors, searched with efSearch=256. At 1M:
  recall@10 0.960, p50 0.84 ms, p95 13 ms, 632 MB resident (HNSW over float vectors would need
  ~1.8 GB), 14 min to build with two threads. efSearch 96/128/192 gave 0.93/0.94/0.956 at 1M
  (0.98 at 100k already with 64-96), hence 256 for a margin over 0.95.
- ``ivfpq``: `IndexIVFPQ` (nlist ≈ 4·√n lists, PQ with one 8-bit sub-quantiser per 8 dimensions,
  nprobe=32) wrapped in `IndexRefineFlat`, which re-ranks the k_factor·k best PQ candidates
  (k_factor=16) with the exact vectors. At 1M: recall@10 0.997, p50 0.55 ms, 1.57 GB resident,
  8 min to build. PQ codes alone cap recall near 0.6, and k_factor 4/8 gave 0.93 (100k)/0.977.
  Higher recall and a faster build than HNSW, but 2.5× the memory (it keeps the float vectors
  for the re-ranking: 5 GB for the 1280-d visual space at 1M), hence not the default.

Every kind uses FAISS's own sequential positions; `labels` maps a position to the object id, and
a removed or replaced vector is tombstoned (its label set to -1) and dropped from results — HNSW
cannot delete, and one mechanism for all kinds keeps updates simple. A published index is such a
base plus a small exact delta and base tombstones kept outside it (`search.index.segments`), so
edits do not rewrite it; `search.index.updates` folds them into a new base past its thresholds
(`MAX_DEAD_FRACTION` of tombstones among them).
"""

from __future__ import annotations

import math
import os
import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.conf import settings

KINDS = ("flat", "hnsw", "ivfpq")

HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 256

IVF_LISTS_PER_SQRT_N = 4
IVF_MIN_LISTS = 16
# PQ trains 256 centroids a sub-quantiser: smaller collections get the exact index instead.
IVF_MIN_VECTORS = 1000
PQ_DIMS_PER_SUBQUANTIZER = 8
PQ_BITS = 8
IVF_NPROBE = 32
REFINE_K_FACTOR = 16
# k-means learns well from ~64 points a list; more only slows training down.
IVF_TRAIN_POINTS_PER_LIST = 64

# Above this share of tombstones an approximate index is rebuilt (searches over-fetch by the
# number of tombstones, so they must stay few).
MAX_DEAD_FRACTION = 0.1

_threads_lock = threading.Lock()
_threads_configured = False


def faiss_module() -> Any:
    """Import FAISS and bound its OpenMP threads, once per process (and again after a fork)."""
    global _threads_configured
    import faiss

    if not _threads_configured:
        with _threads_lock:
            if not _threads_configured:
                faiss.omp_set_num_threads(max(1, int(settings.SEARCH_FAISS_THREADS)))
                os.register_at_fork(after_in_child=_after_fork_in_child)
                _threads_configured = True
    return faiss


def _after_fork_in_child() -> None:
    # GNU OpenMP's thread pool does not survive fork(): a child that enters a parallel region
    # the parent had used can hang. Single-threaded FAISS in a forked child never touches it.
    import faiss

    faiss.omp_set_num_threads(1)


def choose_kind(n_vectors: int, requested: str = "auto") -> str:
    """The index kind for a collection of `n_vectors` (`requested` overrides unless "auto")."""
    if requested == "auto":
        requested = str(settings.SEARCH_INDEX_KIND)
    if requested not in ("auto", *KINDS):
        raise ValueError(f"unknown index kind {requested!r}; use auto, {', '.join(KINDS)}")
    if requested != "auto":
        return requested
    return "flat" if n_vectors <= int(settings.SEARCH_EXACT_MAX_VECTORS) else "hnsw"


@dataclass
class VectorIndex:
    """A searchable index of one space; `labels[i]`: object id at FAISS position i (-1: removed)."""

    space: str
    kind: str
    faiss_index: Any
    labels: np.ndarray
    ntotal: int = field(init=False)  # live vectors
    n_dead: int = field(init=False)  # tombstoned ones
    # Search-time parameters (the module defaults; `bench_search` varies them).
    ef_search: int = HNSW_EF_SEARCH
    nprobe: int = IVF_NPROBE
    k_factor: int = REFINE_K_FACTOR

    def __post_init__(self) -> None:
        self._count_live()

    def _count_live(self) -> None:
        # Counted once per change, not per search: the ranking asks for the size on every query.
        self.ntotal = int(np.count_nonzero(self.labels >= 0))
        self.n_dead = int(self.labels.shape[0]) - self.ntotal

    @property
    def dim(self) -> int:
        return int(self.faiss_index.d)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Append vectors (to an index read `writable`); remove the ids they replace first."""
        self.faiss_index.add(as_matrix(vectors, self.dim))
        self.labels = np.concatenate([self.labels, np.asarray(ids, dtype=np.int64)])
        self._count_live()

    def remove(self, ids: np.ndarray) -> int:
        """Tombstone the live vectors of `ids`; returns how many there were."""
        positions = np.flatnonzero(np.isin(self.labels, ids) & (self.labels >= 0))
        self.labels[positions] = -1
        self._count_live()
        return int(positions.shape[0])

    def drop_tombstones(self) -> None:
        """Delete tombstoned vectors for good (exact indexes only: FAISS flat can remove)."""
        faiss = faiss_module()
        dead = np.flatnonzero(self.labels < 0).astype(np.int64)
        self.faiss_index.remove_ids(faiss.IDSelectorBatch(dead))
        self.labels = self.labels[self.labels >= 0]
        self._count_live()

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Cosine scores (n, k) and object ids (n, k) int64, best first, padded with -1."""
        queries = as_matrix(queries, self.dim)
        n = queries.shape[0]
        scores = np.full((n, k), -1.0, dtype=np.float32)
        ids = np.full((n, k), -1, dtype=np.int64)
        if k <= 0 or self.labels.shape[0] == 0:
            return scores, ids
        # Tombstoned vectors may take some of the top places: fetch enough to fill k with live ones.
        fetch = min(k + self.n_dead, int(self.labels.shape[0]))
        raw_scores, positions = self.faiss_index.search(queries, fetch, params=self._params(fetch))
        labels = np.where(positions >= 0, self.labels[np.maximum(positions, 0)], -1)
        for row in range(n):
            live = labels[row] >= 0
            found = labels[row][live][:k]
            ids[row, : found.shape[0]] = found
            scores[row, : found.shape[0]] = raw_scores[row][live][:k]
        return scores, ids

    def _params(self, fetch: int) -> Any:
        faiss = faiss_module()
        if self.kind == "hnsw":
            return faiss.SearchParametersHNSW(efSearch=max(self.ef_search, fetch))
        if self.kind == "ivfpq":
            return faiss.IndexRefineSearchParameters(
                k_factor=self.k_factor,
                base_index_params=faiss.SearchParametersIVF(nprobe=self.nprobe),
            )
        return None


def as_matrix(vectors: np.ndarray, dim: int | None = None) -> np.ndarray:
    """A C-contiguous float32 (n, d) matrix; a clear error for the wrong shape."""
    matrix = np.ascontiguousarray(np.atleast_2d(vectors), dtype=np.float32)
    if matrix.ndim != 2:
        raise ValueError(f"expected a (n, d) matrix of vectors, got shape {matrix.shape}")
    if dim is not None and matrix.shape[1] != dim:
        raise ValueError(f"expected vectors of dimension {dim}, got {matrix.shape[1]}")
    return matrix


def build_index(
    *, vectors: np.ndarray, ids: np.ndarray, kind: str = "auto", space: str = ""
) -> VectorIndex:
    """Build an index of `kind` (auto: by size and settings) over L2-normalised `vectors`."""
    vectors = as_matrix(vectors)
    ids = np.ascontiguousarray(ids, dtype=np.int64).reshape(-1)
    if ids.shape[0] != vectors.shape[0]:
        raise ValueError(f"{ids.shape[0]} ids for {vectors.shape[0]} vectors")
    if np.any(ids < 0):
        raise ValueError("object ids must be non-negative")
    kind = choose_kind(vectors.shape[0], kind)
    if vectors.shape[0] == 0 or (kind == "ivfpq" and vectors.shape[0] < IVF_MIN_VECTORS):
        kind = "flat"  # too little to train on; exact search is instant at this size anyway
    faiss_index = _empty_index(kind, vectors)
    if vectors.shape[0]:
        faiss_index.add(vectors)
    return VectorIndex(space=space, kind=kind, faiss_index=faiss_index, labels=ids.copy())


def _empty_index(kind: str, vectors: np.ndarray) -> Any:
    faiss = faiss_module()
    n, dim = vectors.shape
    if kind == "flat" or n == 0:
        return faiss.IndexFlatIP(dim)
    if kind == "hnsw":
        index = faiss.IndexHNSWSQ(
            dim, faiss.ScalarQuantizer.QT_8bit, HNSW_M, faiss.METRIC_INNER_PRODUCT
        )
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
        index.train(vectors)
        return index
    return _ivfpq_index(faiss, vectors)


def _ivfpq_index(faiss: Any, vectors: np.ndarray) -> Any:
    n, dim = vectors.shape
    if dim % PQ_DIMS_PER_SUBQUANTIZER:
        raise ValueError(
            f"ivfpq needs a dimension divisible by {PQ_DIMS_PER_SUBQUANTIZER}, got {dim}"
        )
    nlist = max(IVF_MIN_LISTS, int(IVF_LISTS_PER_SQRT_N * math.sqrt(n)))
    # Each list needs training points, and PQ with 8 bits needs 256 points per sub-quantiser.
    nlist = min(nlist, max(1, n // 39))
    quantizer = faiss.IndexFlatIP(dim)
    ivfpq = faiss.IndexIVFPQ(
        quantizer, dim, nlist, dim // PQ_DIMS_PER_SUBQUANTIZER, PQ_BITS, faiss.METRIC_INNER_PRODUCT
    )
    ivfpq.nprobe = IVF_NPROBE
    ivfpq.cp.max_points_per_centroid = IVF_TRAIN_POINTS_PER_LIST
    sample = _training_sample(vectors, max(nlist * IVF_TRAIN_POINTS_PER_LIST, 256 * 40))
    ivfpq.train(sample)
    index = faiss.IndexRefineFlat(ivfpq)
    index.k_factor = REFINE_K_FACTOR
    return index


def _training_sample(vectors: np.ndarray, size: int) -> np.ndarray:
    if vectors.shape[0] <= size:
        return vectors
    rng = np.random.default_rng(0)
    return vectors[np.sort(rng.choice(vectors.shape[0], size, replace=False))]


def kind_of(faiss_index: Any) -> str:
    """The kind of a FAISS index read back from disk."""
    faiss = faiss_module()
    index = faiss.downcast_index(faiss_index)
    if isinstance(index, faiss.IndexHNSW):
        return "hnsw"
    if isinstance(index, faiss.IndexRefine):
        return "ivfpq"
    return "flat"

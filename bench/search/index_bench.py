"""Measurements behind `bench_search --synthetic`: build time, memory, recall@10, latency per kind,
and what one curator edit costs (`index_upsert` of one vector) against publishing the whole index.

Synthetic vectors are a two-level mixture of Gaussians on the unit sphere (topics, then clusters
within topics): real embeddings are clustered like this, and uniform random vectors would make an
approximate index look unrealistically good or bad. The spread within a cluster is anisotropic,
with variances falling as 1/rank along random directions (a participation ratio of about 26
dimensions out of 384), as sentence-embedding spectra do; isotropic noise in 384 d would make
every neighbour equally far. Queries are drawn from the same mixture with another seed, so they
are held out of the indexed set.
"""

from __future__ import annotations

import gc
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.search.evaluation.metrics import recall_at_k
from bench.stats import percentile
from search.index.vector_index import VectorIndex, build_index, faiss_module

TOPICS = 64
CLUSTER_SPREAD = 0.7  # within a topic, cluster centres keep a cosine ~0.8 with the topic centre
POINT_SPREAD = 1.0  # points keep a cosine ~0.7 with their cluster centre (neighbours ~0.5)
_CHUNK = 50_000


def synthetic_vectors(
    n: int, dim: int = 384, *, clusters: int = 1000, seed: int = 0, layout_seed: int = 1234
) -> np.ndarray:
    """`n` clustered unit vectors (float32); equal `clusters` and `layout_seed`: same mixture."""
    centres = _cluster_centres(clusters, dim, layout_seed)
    shape = _noise_shape(dim, layout_seed)
    rng = np.random.default_rng(seed)
    out = np.empty((n, dim), dtype=np.float32)
    for start in range(0, n, _CHUNK):
        stop = min(n, start + _CHUNK)
        which = rng.integers(0, centres.shape[0], stop - start)
        noise = rng.standard_normal((stop - start, dim), dtype=np.float32) @ shape
        out[start:stop] = _normalise(centres[which] + noise)
    return out


def _noise_shape(dim: int, seed: int) -> np.ndarray:
    """Scales 1/sqrt(rank) along random orthogonal directions, total variance POINT_SPREAD²."""
    rng = np.random.default_rng(seed + 1)
    rotation, _ = np.linalg.qr(rng.standard_normal((dim, dim)))
    scales = 1.0 / np.sqrt(np.arange(1, dim + 1))
    scales *= POINT_SPREAD / np.sqrt(np.sum(scales**2))
    return (scales[:, None] * rotation.T).astype(np.float32)


def _cluster_centres(n_clusters: int, dim: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    topics = _normalise(rng.standard_normal((TOPICS, dim), dtype=np.float32))
    parent = rng.integers(0, TOPICS, n_clusters)
    noise = rng.standard_normal((n_clusters, dim), dtype=np.float32) * (
        CLUSTER_SPREAD / np.sqrt(dim)
    )
    return _normalise(topics[parent] + noise)


def _normalise(matrix: np.ndarray) -> np.ndarray:
    return (matrix / np.linalg.norm(matrix, axis=1, keepdims=True)).astype(np.float32)


def rss_bytes() -> int:
    """Resident memory of this process now (Linux)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


# Search-time settings tried on each approximate index (the defaults are among them).
SWEEPS: dict[str, tuple[dict[str, int], ...]] = {
    "flat": ({},),
    "hnsw": (
        {"ef_search": 64},
        {"ef_search": 96},
        {"ef_search": 128},
        {"ef_search": 192},
        {"ef_search": 256},
    ),
    "ivfpq": tuple(
        {"nprobe": nprobe, "k_factor": k_factor}
        for nprobe, k_factor in ((16, 8), (32, 8), (32, 16), (64, 16), (64, 32))
    ),
}
FLAT_LATENCY_QUERIES = 200  # an exact scan of 1M vectors is slow: fewer queries time it well enough
# Single-vector upserts timed per kind (the median is reported): the first one also reads the
# base's ids into the writer's memory, once per base and process.
UPSERTS = 3


@dataclass(frozen=True)
class KindFigures:
    kind: str
    setting: str
    build_s: float
    rss_delta_bytes: int
    recall_at_10: float
    p50_ms: float
    p95_ms: float


@dataclass(frozen=True)
class UpdateFigures:
    """One edit into a published index of the benchmark's size, against publishing all of it."""

    kind: str
    upsert_ms: float  # median `index_upsert` of one vector
    upsert_bytes: int  # what that upsert wrote: its version record
    publish_ms: float  # writing the whole index (what every edit cost before deltas)
    publish_bytes: int

    @property
    def ratio(self) -> float:
        return self.upsert_ms / self.publish_ms if self.publish_ms else float("nan")


def exact_neighbours(base: np.ndarray, queries: np.ndarray, k: int = 10) -> np.ndarray:
    """Row positions in `base` of the true top-k by inner product."""
    faiss = faiss_module()
    _, positions = faiss.knn(queries, base, k, metric=faiss.METRIC_INNER_PRODUCT)
    return np.asarray(positions, dtype=np.int64)


def neighbour_recall(found: np.ndarray, truth: np.ndarray) -> float:
    """Mean recall@k of each query's found ids against its exact top-k (k = truth's width)."""
    k = truth.shape[1]
    recalls = [
        recall_at_k(found[row, :k].tolist(), dict.fromkeys(truth[row].tolist(), 1.0), k=k)
        for row in range(truth.shape[0])
    ]
    return float(np.mean(recalls)) if recalls else 0.0


def single_query_latencies(index: VectorIndex, queries: np.ndarray, k: int = 10) -> np.ndarray:
    """Milliseconds of each one-query search (what one visitor waits for)."""
    timings = np.empty(queries.shape[0])
    for row in range(queries.shape[0]):
        started = time.perf_counter()
        index.search(queries[row : row + 1], k)
        timings[row] = (time.perf_counter() - started) * 1000.0
    return timings


def measure_kind(
    kind: str, base: np.ndarray, queries: np.ndarray, truth: np.ndarray, *, build_threads: int
) -> Iterator[KindFigures | UpdateFigures]:
    """Build one kind over `base` (ids = row positions), measure each search setting and the
    cost of an edit, free it."""
    faiss = faiss_module()
    gc.collect()
    before = rss_bytes()
    faiss.omp_set_num_threads(build_threads)
    started = time.perf_counter()
    index = build_index(vectors=base, ids=np.arange(base.shape[0], dtype=np.int64), kind=kind)
    build_s = time.perf_counter() - started
    gc.collect()
    rss_delta = rss_bytes() - before
    faiss.omp_set_num_threads(1)  # single-query latency on one thread, as a worker serves it
    timed = queries[:FLAT_LATENCY_QUERIES] if kind == "flat" else queries
    for setting in SWEEPS[kind]:
        for name, value in setting.items():
            setattr(index, name, value)
        _, found = index.search(queries, truth.shape[1])
        timings = single_query_latencies(index, timed)
        yield KindFigures(
            kind=kind,
            setting=",".join(f"{name}={value}" for name, value in setting.items()) or "exact",
            build_s=build_s,
            rss_delta_bytes=rss_delta,
            recall_at_10=neighbour_recall(found, truth),
            p50_ms=percentile(timings.tolist(), 50),
            p95_ms=percentile(timings.tolist(), 95),
        )
    yield measure_update_cost(index, synthetic_vectors(UPSERTS, base.shape[1], seed=2))
    del index
    gc.collect()


def measure_update_cost(index: VectorIndex, new_vectors: np.ndarray) -> UpdateFigures:
    """Publish `index` in a scratch folder, then time single-vector upserts into it."""
    from django.test import override_settings

    from search.index.store import publish_index, read_record, space_dir
    from search.index.updates import index_upsert

    space = "text"
    first_new_id = int(index.labels.max(initial=-1)) + 1
    # The exact kind stays exact here (no compaction into HNSW past SEARCH_EXACT_MAX_VECTORS).
    with (
        tempfile.TemporaryDirectory(prefix="bench-index-") as folder,
        override_settings(INDEX_DIR=Path(folder), SEARCH_INDEX_KIND=index.kind),
    ):
        started = time.perf_counter()
        path = publish_index(space=space, index=index)
        publish_ms = (time.perf_counter() - started) * 1000.0
        publish_bytes = path.stat().st_size + path.with_suffix(".ids.npy").stat().st_size
        timings = []
        for row in range(new_vectors.shape[0]):
            started = time.perf_counter()
            index_upsert(
                space=space,
                ids=np.array([first_new_id + row], dtype=np.int64),
                vectors=new_vectors[row : row + 1],
            )
            timings.append((time.perf_counter() - started) * 1000.0)
        published = read_record(space)
        if published is None or published[1].base != path.name.split(".", 1)[0]:
            raise RuntimeError("the benchmark's upserts compacted the index: not an edit's cost")
        record_path = space_dir(space) / f"{published[0]}.delta.npz"
        return UpdateFigures(
            kind=index.kind,
            upsert_ms=float(np.median(timings)),
            upsert_bytes=record_path.stat().st_size,
            publish_ms=publish_ms,
            publish_bytes=publish_bytes,
        )


def synthetic_benchmark(
    n: int, n_queries: int, kinds: tuple[str, ...], *, dim: int = 384, build_threads: int = 2
) -> Iterator[KindFigures | UpdateFigures]:
    """Figures for each kind over `n` synthetic vectors, the exact "flat" first as the baseline;
    after each kind's search figures, the cost of an edit to it."""
    clusters = max(16, n // 1000)  # about a thousand vectors a cluster
    base = synthetic_vectors(n, dim, clusters=clusters, seed=0)
    queries = synthetic_vectors(n_queries, dim, clusters=clusters, seed=1)
    faiss_module().omp_set_num_threads(build_threads)
    truth = exact_neighbours(base, queries)
    for kind in kinds:
        yield from measure_kind(kind, base, queries, truth, build_threads=build_threads)

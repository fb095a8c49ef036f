"""Measurements behind `bench_search` on the collection: API latency beside its floor.

The floor is what no search can avoid: encoding the query text and the FAISS searches of the
published indexes the query runs against. The API adds the keyword channel, fusion, filtering
through `public_objects()`, serialisation and Django. Both are measured in this process over the
same queries, warmed up first and alternated query by query, so the ratio compares like with
like.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import numpy as np

from bench.stats import percentile
from search.index.loaded import load_index

API_PATH = "/api/search/"
CANDIDATES = 100  # depth of each channel's FAISS search, as the ranking fetches it


def _timed_pair(
    floor: Callable[[str], object], api: Callable[[str], object], queries: list[str], repeat: int
) -> tuple[np.ndarray, np.ndarray]:
    """Milliseconds of the floor and of the API for each query, measured alternately.

    Alternating query by query exposes both to the same moments of a shared machine, so
    their ratio holds when the machine's speed drifts during the run.
    """
    from config.throttling import AnonRateThrottle, throttle_cache

    cache = throttle_cache()

    # The test client's address; its anonymous throttle counter is reset outside the timing
    # so that the run is not cut short (the page and search caches stay warm, as on a site).
    throttle_key = AnonRateThrottle.cache_format % {"scope": "anon", "ident": "127.0.0.1"}
    for query in queries:  # warm-up: models and indexes loaded
        cache.delete(throttle_key)
        floor(query)
        api(query)
    timings: dict[str, list[float]] = {"floor": [], "api": []}
    for _ in range(repeat):
        for query in queries:
            cache.delete(throttle_key)
            for name, run in (("floor", floor), ("api", api)):
                started = time.perf_counter()
                run(query)
                timings[name].append((time.perf_counter() - started) * 1000.0)
    return np.asarray(timings["floor"]), np.asarray(timings["api"])


def _floor(query: str) -> None:
    from search.encoders import get_text_encoder

    vector = get_text_encoder().encode([query])
    for space in ("text", "heading", "joint"):
        index = load_index(space)
        if index is not None and index.dim == vector.shape[1]:
            index.search(vector, CANDIDATES)


def _api(client: Any, responses: list[Any]) -> Callable[[str], object]:
    def run(query: str) -> object:
        response = client.get(f"{API_PATH}?{urlencode({'q': query})}")
        if response.status_code != 200:
            raise RuntimeError(f"{API_PATH} answered {response.status_code} for {query!r}")
        responses.append(response)  # read after the run: parsing is the client's time
        return response

    return run


def _stage_medians(responses: list[Any]) -> dict[str, float]:
    """The API's own per-stage timings: where the time over the floor goes."""
    stages: dict[str, list[float]] = {}
    for response in responses:
        for stage, ms in (response.json().get("timings_ms") or {}).items():
            stages.setdefault(stage, []).append(float(ms))
    return {stage: float(np.median(values)) for stage, values in stages.items()}


def _percentiles(timings: np.ndarray) -> dict[str, float]:
    values = timings.tolist()
    return {"p50": percentile(values, 50), "p95": percentile(values, 95)}


def api_benchmark(queries: list[str], *, repeat: int) -> dict[str, Any]:
    """p50/p95 of the API and of the floor over `queries`, and their ratios."""
    from django.test import Client

    if load_index("text") is None and load_index("joint") is None:
        raise RuntimeError("no published index: run embed_collection and build_search_index first")
    responses: list[Any] = []
    floor_ms, api_ms = _timed_pair(_floor, _api(Client(), responses), queries, repeat)
    floor, api = _percentiles(floor_ms), _percentiles(api_ms)
    warm = len(queries)  # the warm-up pass is left out of the stage medians
    return {
        "api_stage_p50_ms": _stage_medians(responses[warm:]),
        "queries": len(queries),
        "repeat": repeat,
        "floor_ms": floor,
        "api_ms": api,
        "ratio_p50": api["p50"] / floor["p50"],
        "ratio_p95": api["p95"] / floor["p95"],
    }

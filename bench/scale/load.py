"""The page scenarios under concurrent clients: server-side p50/p95 and ratios to /healthz/.

Every figure is the Server-Timing wall time of the request inside Django (database waits
included, queueing in front of the worker left out), so the ratios compare the pages'
own cost, not how long the twenty clients waited their turn on a small machine.
"""

import http.client
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from bench.pages.client import DEFAULT_HEADERS, Target, run_scenario
from bench.pages.stats import ScenarioResult
from bench.stats import percentile

BASELINE = "minimal"
# A worker's first search loads the encoders and calibrates the relevance floor (minutes on
# a busy small machine): warm-up requests may wait that long, measured ones may not.
WARMUP_REQUEST_SECONDS = 900.0
# The JSON keys, in the order measured; "minimal" first: the others are compared with it.
SCENARIOS = (
    "minimal",
    "object",
    "browse",
    "browse_facets",
    "browse_deep",
    "search_page",
    "search_api",
    "sitemap",
    "api_list",
)


class LoadFailed(RuntimeError):
    """Requests failed: the run measured errors, not pages."""


@dataclass(frozen=True)
class LoadSettings:
    clients: int
    requests: int
    warmup: int
    max_seconds: float


def measure_pages(
    target: Target,
    paths: dict[str, list[str]],
    load: LoadSettings,
    *,
    progress: Callable[[str], None] = lambda _: None,
) -> dict[str, dict[str, float | int | None]]:
    """Each scenario warmed up, then measured; raises LoadFailed on any failed request."""
    results: dict[str, ScenarioResult] = {}
    for name in SCENARIOS:
        scenario_paths = (
            _deep_page_by_cursor(target, paths[name]) if name == "browse_deep" else paths[name]
        )
        progress(f"measuring {name} ({len(scenario_paths)} URL(s))…")
        warm = Target(target.host, target.port, timeout=WARMUP_REQUEST_SECONDS)
        run_scenario(
            name=name,
            target=warm,
            paths=scenario_paths,
            clients=load.clients,
            requests=max(load.warmup, len(scenario_paths), load.clients),
            max_seconds=max(load.max_seconds, WARMUP_REQUEST_SECONDS),
        )
        result = run_scenario(
            name=name,
            target=target,
            paths=scenario_paths,
            clients=load.clients,
            requests=load.requests,
            max_seconds=load.max_seconds,
        )
        _check(result)
        results[name] = result
    baseline_p95 = _server(results[BASELINE], 95)
    figures: dict[str, dict[str, float | int | None]] = {}
    for name, result in results.items():
        p95 = _server(result, 95)
        row: dict[str, float | int | None] = {
            "p50_ms": _rounded(_server(result, 50)),
            "p95_ms": _rounded(p95),
        }
        if name != BASELINE:
            row["p95_ratio"] = _rounded(p95 / baseline_p95 if baseline_p95 > 0 else math.nan)
        row["cpu_p95_ms"] = _rounded(result.server_percentile(95))
        row["client_p95_ms"] = _rounded(result.client_percentile(95))
        row["requests"] = len(result.samples)
        figures[name] = row
    return figures


def _server(result: ScenarioResult, q: float) -> float:
    timed = [s.server_wall_ms for s in result.ok_samples if s.server_wall_ms is not None]
    return percentile(timed, q)


def _check(result: ScenarioResult) -> None:
    if result.failures:
        first = result.failures[0]
        raise LoadFailed(
            f"{len(result.failures)} of {len(result.samples)} requests failed in {result.name!r}, "
            f"e.g. {first.path} -> {first.status or first.error}"
        )
    if math.isnan(_server(result, 50)):
        raise LoadFailed(f"{result.name!r}: no request carried Server-Timing")


def _deep_page_by_cursor(target: Target, paths: Sequence[str]) -> list[str]:
    """The deep page as a visitor reaches it: the "next" link (with its cursor) of the
    page number asked for, when browse offers one; the page number itself otherwise."""
    connection = http.client.HTTPConnection(target.host, target.port, timeout=target.timeout)
    try:
        connection.request("GET", paths[0], headers=DEFAULT_HEADERS)
        response = connection.getresponse()
        body = response.read().decode(errors="replace")
    finally:
        connection.close()
    links = _NextLink()
    links.feed(body)
    if response.status != 200 or not links.href.startswith("?"):
        return list(paths)
    return [paths[0].split("?", 1)[0] + links.href]


class _NextLink(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.href = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        href = found.get("href") or ""
        if tag == "a" and found.get("rel") == "next" and "cursor=" in href and not self.href:
            self.href = href.replace("&amp;", "&")


def _rounded(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 2)

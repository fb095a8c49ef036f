"""Latency statistics of a benchmark run: percentiles and ratios to the baseline."""

import math
from dataclasses import dataclass, field

from bench.stats import percentile


@dataclass
class Sample:
    """One request: what was asked, how it answered, and how long it took."""

    path: str
    status: int
    client_ms: float
    server_ms: float | None = None
    error: str = ""
    # Server-Timing's wall time in Django (database waits included; CPU time leaves them out).
    server_wall_ms: float | None = None

    @property
    def ok(self) -> bool:
        return not self.error and self.status == 200


@dataclass
class ScenarioResult:
    """All samples of one scenario (one kind of page) measured at one concurrency."""

    name: str
    samples: list[Sample] = field(default_factory=list)
    wall_seconds: float = 0.0

    @property
    def ok_samples(self) -> list[Sample]:
        return [sample for sample in self.samples if sample.ok]

    @property
    def failures(self) -> list[Sample]:
        return [sample for sample in self.samples if not sample.ok]

    def client_percentile(self, q: float) -> float:
        return percentile([s.client_ms for s in self.ok_samples], q)

    def server_percentile(self, q: float) -> float:
        timed = [s.server_ms for s in self.ok_samples if s.server_ms is not None]
        return percentile(timed, q)

    @property
    def throughput(self) -> float:
        """Successful requests per second over the scenario's wall time."""
        if self.wall_seconds <= 0:
            return math.nan
        return len(self.ok_samples) / self.wall_seconds


def ratio(value: float, baseline: float) -> float:
    """``value / baseline``; NaN when either is missing or the baseline is zero."""
    if math.isnan(value) or math.isnan(baseline) or baseline <= 0:
        return math.nan
    return value / baseline


def summarise(result: ScenarioResult, baseline: ScenarioResult) -> dict[str, object]:
    """A scenario's figures and their ratios to the baseline's, ready for JSON or a table."""
    figures: dict[str, object] = {
        "scenario": result.name,
        "requests": len(result.samples),
        "failures": len(result.failures),
        "throughput_rps": _rounded(result.throughput),
    }
    for kind, getter in (
        ("client", result.client_percentile),
        ("server", result.server_percentile),
    ):
        base = baseline.client_percentile if kind == "client" else baseline.server_percentile
        for label, q in (("p50", 50), ("p95", 95)):
            value = getter(q)
            figures[f"{kind}_{label}_ms"] = _rounded(value)
            figures[f"{kind}_{label}_ratio"] = _rounded(ratio(value, base(q)))
    return figures


def _rounded(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 2)

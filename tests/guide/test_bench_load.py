"""bench_guide's figures: what its summary says about the answers it saw."""

import math
from collections import Counter

from bench.guide.load import PhaseSummary, Tally, p95_ratio, summarise


def test_a_phase_summary_counts_answers_errors_and_drops() -> None:
    tally = Tally(
        asked=12,
        latencies_ms=[float(ms) for ms in range(10, 110, 10)],
        errors=Counter({"unavailable": 1, "connection_lost": 1}),
        dropped=1,
    )
    summary = summarise(tally)
    assert (summary.asked, summary.answered, summary.dropped) == (12, 10, 1)
    assert summary.p50_ms == 55.0
    assert summary.p95_ms == 95.5
    assert summary.max_ms == 100.0
    assert summary.errors == 2
    assert summary.error_codes == {"connection_lost": 1, "unavailable": 1}


def test_a_phase_with_no_answers_has_no_latency_rather_than_zero() -> None:
    summary = summarise(Tally(asked=5, dropped=5))
    assert math.isnan(summary.p50_ms) and math.isnan(summary.p95_ms)
    assert summary.answered == 0 and summary.dropped == 5


def _phase(p95_ms: float) -> PhaseSummary:
    return PhaseSummary(10, 10, p95_ms / 2, p95_ms, p95_ms, 0, {}, 0)


def test_the_ratio_is_guide_p95_over_echo_p95() -> None:
    assert p95_ratio(_phase(120.0), _phase(4.0)) == 30.0


def test_the_ratio_is_missing_when_either_phase_has_no_latency() -> None:
    assert math.isnan(p95_ratio(_phase(120.0), _phase(math.nan)))
    assert math.isnan(p95_ratio(_phase(math.nan), _phase(4.0)))
    assert math.isnan(p95_ratio(_phase(120.0), _phase(0.0)))

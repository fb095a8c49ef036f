import math

from bench.pages.stats import Sample, ScenarioResult, ratio, summarise


def test_failed_requests_are_left_out_of_latencies() -> None:
    result = ScenarioResult(
        name="page",
        samples=[
            Sample("/a", 200, 10.0, 4.0),
            Sample("/a", 500, 1.0),
            Sample("/a", 0, 2.0, error="reset"),
        ],
        wall_seconds=1.0,
    )
    assert result.client_percentile(50) == 10.0
    assert [s.status for s in result.failures] == [500, 0]
    assert result.throughput == 1.0


def test_summary_gives_ratios_to_the_baseline() -> None:
    baseline = ScenarioResult("minimal", [Sample("/h", 200, 2.0, 0.5)] * 10, wall_seconds=1)
    page = ScenarioResult("object", [Sample("/o", 200, 5.0, 2.0)] * 10, wall_seconds=2)

    row = summarise(page, baseline)

    assert row["client_p50_ms"] == 5.0
    assert row["client_p50_ratio"] == 2.5
    assert row["server_p95_ratio"] == 4.0
    assert row["throughput_rps"] == 5.0


def test_summary_without_server_timing_says_unknown() -> None:
    baseline = ScenarioResult("minimal", [Sample("/h", 200, 2.0)], wall_seconds=1)

    row = summarise(baseline, baseline)

    assert row["server_p50_ms"] is None
    assert row["server_p50_ratio"] is None


def test_ratio_to_a_zero_baseline_is_unknown() -> None:
    assert math.isnan(ratio(3.0, 0.0))

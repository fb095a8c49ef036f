import math

import pytest

from bench.stats import percentile


def test_percentile_interpolates_between_the_closest_ranks() -> None:
    assert percentile([1, 2, 3, 4], 50) == pytest.approx(2.5)
    assert percentile([5, 1, 3], 95) == pytest.approx(4.8)
    assert percentile([7.0], 95) == 7.0


def test_percentile_agrees_with_numpy() -> None:
    np = pytest.importorskip("numpy")
    values = [float(v) for v in range(1, 101)]
    for q in (0, 50, 95, 100):
        assert percentile(values, q) == pytest.approx(float(np.percentile(values, q)))


def test_percentile_of_nothing_is_missing_not_zero() -> None:
    assert math.isnan(percentile([], 50))


def test_percentile_rejects_q_outside_zero_to_a_hundred() -> None:
    with pytest.raises(ValueError, match="between 0 and 100"):
        percentile([1.0], 101)
    with pytest.raises(ValueError, match="between 0 and 100"):
        percentile([1.0], -1)

"""The statistics every benchmark and evaluation shares: one percentile for all of them."""

import math
from collections.abc import Sequence


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (q from 0 to 100) of ``values``, NaN when there are none.

    Linear interpolation between the closest ranks, as ``numpy.percentile`` does by default,
    so a figure printed by one benchmark means the same as one printed by another.
    """
    if not 0.0 <= q <= 100.0:
        raise ValueError("q must lie between 0 and 100")
    if len(values) == 0:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100.0
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)

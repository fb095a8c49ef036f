"""A tour's clock: the plan, corrected by what the visitor actually took.

Each stop seen uses up its planned walk and viewing time, plus the time the visitor lingered:
how much longer than planned passed between marking the previous stop (or planning the tour)
and marking this one. A gap far longer than any look at one object is a break — lunch, or a
tour planned at home the day before — and is not counted against the budget.
"""

from datetime import datetime

from tours.models import StopStatus, Tour, TourStop

# Beyond this much over the plan, the gap is a break, not lingering.
LONGEST_LINGER_SECONDS = 45 * 60


def used_seconds(tour: Tour) -> int:
    """The part of the budget the stops seen have used: as planned, plus lingering."""
    return sum(
        stop.walk_seconds + stop.view_seconds + stop.lingered_seconds
        for stop in tour.stops.all()
        if stop.status == StopStatus.SEEN
    )


def lingered_seconds(tour: Tour, stop: TourStop, now: datetime) -> int:
    """How much longer than planned the visitor took to reach ``stop`` and look at it."""
    marks = [s.seen_at for s in tour.stops.all() if s.seen_at is not None]
    since = max(marks) if marks else tour.created_at
    over = (now - since).total_seconds() - (stop.walk_seconds + stop.view_seconds)
    return round(over) if 0 < over <= LONGEST_LINGER_SECONDS else 0

"""A tour's clock is its plan: each stop seen uses up its planned walk and viewing time."""

from tours.models import StopStatus, Tour


def used_seconds(tour: Tour) -> int:
    """The part of the budget the stops seen have used, as planned."""
    return sum(
        stop.walk_seconds + stop.view_seconds
        for stop in tour.stops.all()
        if stop.status == StopStatus.SEEN
    )

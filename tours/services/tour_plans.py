"""Planning a tour, following it and re-planning it: the writes of tours.

A tour's clock is its plan: each stop seen uses up its planned walk and viewing time, and a
re-plan starts from the room of the last stop seen with what is left of the budget, keeping
every stop already seen or skipped out of the new plan.
"""

from dataclasses import replace

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tours.models import (
    InteractionKind,
    InteractionSource,
    StopStatus,
    Tour,
    TourStop,
    VisitorProfile,
)
from tours.recommending.base import VisitorTaste
from tours.selectors.history import visitor_history
from tours.services.interactions import InteractionItem, interactions_record
from tours.tour_building import PlannedStops, plan_stops
from tours.tour_clock import lingered_seconds, used_seconds
from tours.tour_requests import TourAsk, TourRequestError, tour_ask_from_json

MORE_TIME_SECONDS = 15 * 60
# "I'm tired, shorten it" halves what is left, but leaves at least this much to reach the exit.
SHORTEN_SHARE = 0.5
SHORTEST_REST_SECONDS = 5 * 60
# Lingering this long past the plan at one stop re-plans the rest of the tour.
REPLAN_AFTER_LINGER_SECONDS = 2 * 60
REPLAN_ACTIONS = ("skip", "more_like_this", "more_time", "shorten")


def tour_plan(*, ask: TourAsk, profile: VisitorProfile | None) -> Tour:
    """Plans and stores a new tour for this request (and this visitor's history, if any)."""
    planned = plan_stops(ask=ask, taste=_taste(ask, profile), budget_seconds=ask.budget_seconds)
    ask = replace(ask, start_room=planned.start_room, end_room=planned.end_room)
    with transaction.atomic():
        tour = Tour.objects.create(
            profile=profile,
            gallery_map=planned.gallery_map,
            mode=ask.mode,
            request={**ask.as_json(), "notices": list(planned.notices)},
            budget_seconds=ask.budget_seconds,
            empty_reason=planned.empty_reason,
        )
        _write_stops(tour, planned, first_order=1)
    return tour


def tour_stop_seen(*, tour: Tour, stop: TourStop) -> Tour:
    """The visitor has seen this stop (and any planned before it they walked past).

    If they lingered (took longer than planned by ``REPLAN_AFTER_LINGER_SECONDS`` or more),
    the rest of the tour is planned again so that it still fits the time.
    """
    _check_stop(tour, stop, planned_only=True)
    now = timezone.now()
    with transaction.atomic():
        tour.stops.filter(order__lte=stop.order, status=StopStatus.PLANNED).exclude(
            pk=stop.pk
        ).update(status=StopStatus.SKIPPED)
        stop.lingered_seconds = lingered_seconds(tour, stop, now)
        stop.status, stop.seen_at = StopStatus.SEEN, now
        stop.save(update_fields=["status", "seen_at", "lingered_seconds"])
        _record(tour, stop, InteractionKind.VIEW, dwell_seconds=stop.view_seconds)
        if stop.lingered_seconds >= REPLAN_AFTER_LINGER_SECONDS and _has_planned(tour):
            _replan_rest(tour, tour_ask_from_json(tour.request))
    return tour


def _has_planned(tour: Tour) -> bool:
    return tour.stops.filter(status=StopStatus.PLANNED).exists()


def tour_replan(*, tour: Tour, action: str, stop: TourStop | None = None) -> Tour:
    """Re-plans the rest of the tour after a skip, "more like this", more time or "shorten"."""
    if action not in REPLAN_ACTIONS:
        raise TourRequestError(
            _("action must be one of %(actions)s") % {"actions": ", ".join(REPLAN_ACTIONS)}
        )
    ask = tour_ask_from_json(tour.request)
    with transaction.atomic():
        if action in ("skip", "more_like_this"):
            if stop is None:
                raise TourRequestError(
                    _("%(action)s needs the stop it is about") % {"action": action}
                )
            _check_stop(tour, stop, planned_only=action == "skip")
        if action == "skip" and stop is not None:
            stop.status = StopStatus.SKIPPED
            stop.save(update_fields=["status"])
            _record(tour, stop, InteractionKind.SKIP)
        elif action == "more_like_this" and stop is not None:
            ask = replace(ask, liked_ids=(*ask.liked_ids, stop.collection_object_id))
            tour.request = ask.as_json()
            _record(tour, stop, InteractionKind.LIKE)
        elif action == "more_time":
            tour.budget_seconds = _longer_budget(tour)
        elif action == "shorten":
            tour.budget_seconds = _shortened_budget(tour)
        _replan_rest(tour, ask)
    return tour


def _longer_budget(tour: Tour) -> int:
    most = settings.TOURS_MAX_BUDGET_MINUTES * 60
    if tour.budget_seconds >= most:
        hours = most // 3600
        raise TourRequestError(
            ngettext(
                "A tour can last at most %(count)d hour.",
                "A tour can last at most %(count)d hours.",
                hours,
            )
            % {"count": hours}
        )
    return min(most, tour.budget_seconds + MORE_TIME_SECONDS)


def _shortened_budget(tour: Tour) -> int:
    used = used_seconds(tour)
    rest = max(0, tour.budget_seconds - used)
    return used + max(min(rest, SHORTEST_REST_SECONDS), round(rest * SHORTEN_SHARE))


def _replan_rest(tour: Tour, ask: TourAsk) -> None:
    stops = list(tour.stops.all())
    done = [stop for stop in stops if stop.status != StopStatus.PLANNED]
    seen = [stop for stop in done if stop.status == StopStatus.SEEN]
    here = seen[-1].room.slug if seen and seen[-1].room else ""
    taste = _taste(ask, tour.profile)
    taste = replace(
        taste,
        seen_ids=taste.seen_ids | {s.collection_object_id for s in seen},
        skipped_ids=taste.skipped_ids
        | {s.collection_object_id for s in done if s.status == StopStatus.SKIPPED},
    )
    planned = plan_stops(
        ask=ask,
        taste=taste,
        budget_seconds=max(0, tour.budget_seconds - used_seconds(tour)),
        start_room=here,
        exclude=frozenset(s.collection_object_id for s in done),
    )
    tour.stops.filter(status=StopStatus.PLANNED).delete()
    tour.empty_reason = planned.empty_reason if not done else ""
    tour.replanned_at = timezone.now()
    tour.save(update_fields=["budget_seconds", "request", "empty_reason", "replanned_at"])
    _write_stops(tour, planned, first_order=max((s.order for s in done), default=0) + 1)


def _write_stops(tour: Tour, planned: PlannedStops, *, first_order: int) -> None:
    rooms = {}
    if planned.gallery_map is not None:
        rooms = {room.slug: room for room in planned.gallery_map.rooms.all()}
    TourStop.objects.bulk_create(
        TourStop(
            tour=tour,
            order=first_order + index,
            collection_object_id=stop.object_id,
            room=rooms.get(stop.room),
            walk_seconds=stop.walk_seconds,
            view_seconds=stop.view_seconds,
            reason=stop.reason[:300],
        )
        for index, stop in enumerate(planned.stops)
    )


def _taste(ask: TourAsk, profile: VisitorProfile | None) -> VisitorTaste:
    """The request's interests and liked objects, with the visitor's own history added."""
    if profile is None:
        return VisitorTaste(liked_ids=ask.liked_ids, interests=ask.interests)
    history = visitor_history(profile=profile)
    liked = tuple(dict.fromkeys((*history.liked_ids, *ask.liked_ids)))
    return VisitorTaste(
        liked_ids=liked,
        skipped_ids=frozenset(history.skipped_ids) - set(liked),
        interests=ask.interests,
    )


def _check_stop(tour: Tour, stop: TourStop, *, planned_only: bool) -> None:
    if stop.tour_id != tour.pk:
        raise TourRequestError(_("that stop is not on this tour"))
    if planned_only and stop.status != StopStatus.PLANNED:
        raise TourRequestError(_("that stop has already been seen or skipped"))


def _record(tour: Tour, stop: TourStop, kind: str, dwell_seconds: int | None = None) -> None:
    if tour.profile is not None:
        item = InteractionItem(
            object_slug=stop.collection_object.slug,
            kind=kind,
            source=InteractionSource.TOUR,
            dwell_seconds=dwell_seconds,
        )
        interactions_record(profile=tour.profile, items=[item])

"""From a visitor's request to an ordered list of stops: recommend, then plan.

The recommender scores what the visitor may see (on display in the building, or any public
object online) and says why; the planner chooses the stops that fit the time and orders
them along the building. Nothing is written here: the services store what this returns.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from exhibition.selectors import public_objects
from tours.gallery import selectors as gallery
from tours.models import GalleryMap, Room, TourMode
from tours.planning.museum import Exhibit, MuseumTour
from tours.planning.museum_planner import NoTimeToReachEnd, NoWayBetween, plan_museum_tour
from tours.planning.online import plan_online_tour
from tours.planning.problem import ProblemError
from tours.recommending.base import Recommendation, VisitorTaste
from tours.selectors.recommendations import recommend_for, similarity_of
from tours.tour_requests import TourAsk, TourRequestError

# The recommender ranks this many candidates for the planner to choose from: enough for a
# 12-hour tour, few enough that planning stays well inside its time.
CANDIDATES = 150
# A stop's worth to the planner: the recommender's score scaled to 1 for the best, never
# below this floor, so that every candidate is worth a little and ties do not vanish.
SCORE_FLOOR = 0.05
# An object the visitor named as liked is worth this many of the best recommendation: they
# asked to see it, so the planner gives up a few lesser stops to fit it in.
LIKED_WORTH = 3.0
LIKED = "liked_by_you"


@dataclass(frozen=True)
class PlannedStop:
    object_id: int
    room: str  # the room's slug; "" online
    walk_seconds: int
    view_seconds: int
    reason: str


@dataclass(frozen=True)
class PlannedStops:
    stops: tuple[PlannedStop, ...]
    rooms: tuple[str, ...]  # every room walked through, start to end; () online
    gallery_map: GalleryMap | None
    empty_reason: str = ""
    start_room: str = ""  # as resolved: the map's entrance and exit when none was asked
    end_room: str = ""
    notices: tuple[str, ...] = ()  # what was asked but could not be used, and what was done


def plan_stops(
    *,
    ask: TourAsk,
    taste: VisitorTaste,
    budget_seconds: int,
    start_room: str = "",
    exclude: frozenset[int] = frozenset(),
) -> PlannedStops:
    """The stops of a tour (or of the rest of one, from ``start_room``) for this request."""
    if budget_seconds <= 0:
        return PlannedStops((), (), gallery.current_map(), _why_empty(0, True))
    if ask.mode == TourMode.ONLINE:
        return _online(ask=ask, taste=taste, budget_seconds=budget_seconds, exclude=exclude)
    gallery_map = gallery.current_map()
    if gallery_map is None:
        raise TourRequestError(
            _(
                "No gallery map is loaded, so a tour in the building cannot be planned: "
                "choose an online tour."
            )
        )
    start, end, notices = _ends(gallery_map, start_room or ask.start_room, ask.end_room)
    candidates = gallery.on_display_object_ids(gallery_map=gallery_map) - exclude
    picks = _with_liked(_recommend(taste, candidates), ask.liked_ids, candidates)
    exhibits = gallery.exhibits(gallery_map=gallery_map, scores=_worth(picks), pace=ask.pace)
    try:
        route = plan_museum_tour(
            gallery.museum_graph(gallery_map=gallery_map),
            exhibits,
            budget_seconds=budget_seconds,
            start_room=start,
            end_room=end,
            step_free=ask.step_free,
            exclude=exclude,
        )
    except NoTimeToReachEnd:
        (end_name,) = _room_names(gallery_map, end)
        reason = _("There is no time left for more stops: head for %(room)s.") % {"room": end_name}
        return _empty(gallery_map, start, end, reason)
    except NoWayBetween:
        start_name, end_name = _room_names(gallery_map, start, end)
        names = {"start": start_name, "end": end_name}
        if ask.step_free:
            reason = _(
                "No step-free way leads from %(start)s to %(end)s today: choose other rooms."
            )
        else:
            reason = _("No open way leads from %(start)s to %(end)s today: choose other rooms.")
        reason %= names
        return _empty(gallery_map, start, end, reason)
    except ProblemError as exc:
        raise TourRequestError(str(exc)) from None
    planned = _stops(route, picks, gallery_map, budget_seconds, bool(exhibits))
    return replace(planned, start_room=start, end_room=end, notices=notices)


def _empty(gallery_map: GalleryMap, start: str, end: str, reason: str) -> PlannedStops:
    return PlannedStops((), (), gallery_map, reason, start_room=start, end_room=end)


def _room_names(gallery_map: GalleryMap, *slugs: str) -> list[str]:
    rooms = gallery.rooms_by_slug(gallery_map=gallery_map, slugs=slugs)
    return [rooms[slug].name if slug in rooms else slug for slug in slugs]


def _ends(gallery_map: GalleryMap, start: str, end: str) -> tuple[str, str, tuple[str, ...]]:
    """The start and end rooms: as asked, or the map's entrance and exit (also in place of a
    room the map does not have, with a notice saying so); a closed one is refused by name."""
    known = gallery.rooms_by_slug(gallery_map=gallery_map, slugs=[start, end])
    unknown = {
        "start": _(
            "There is no room %(room)r on the gallery map: the start is the map's entrance instead."
        ),
        "end": _(
            "There is no room %(room)r on the gallery map: the end is the map's exit instead."
        ),
    }
    notices = tuple(
        unknown[what] % {"room": slug}
        for what, slug in (("start", start), ("end", end))
        if slug and slug not in known
    )
    start = start if start in known else _first_open(gallery.entrances(gallery_map=gallery_map))
    end = end if end in known else _first_open(gallery.exits(gallery_map=gallery_map)) or start
    if not start:
        raise TourRequestError(_("The gallery map has no open entrance: choose a start room."))
    rooms = gallery.rooms_by_slug(gallery_map=gallery_map, slugs=[start, end])
    closed = {
        "start": _("The start room, %(room)s, is closed today: choose another start."),
        "end": _("The end room, %(room)s, is closed today: choose another end."),
    }
    for what, slug in (("start", start), ("end", end)):
        if rooms[slug].is_closed:
            raise TourRequestError(closed[what] % {"room": rooms[slug].name})
    return start, end, notices


def _first_open(rooms: Sequence[Room]) -> str:
    return next((room.slug for room in rooms if not room.is_closed), "")


def _recommend(taste: VisitorTaste, candidates: set[int]) -> dict[int, Recommendation]:
    if not candidates:
        return {}
    picks = recommend_for(taste=taste, limit=CANDIDATES, allowed_ids=candidates)
    return {pick.object_id: pick for pick in picks}


def _with_liked(
    picks: dict[int, Recommendation], liked_ids: Sequence[int], candidates: set[int]
) -> dict[int, Recommendation]:
    """Objects the visitor said they liked come first, when they can be seen."""
    best = max((pick.score for pick in picks.values()), default=1.0)
    liked = {
        oid: Recommendation(
            object_id=oid, score=best, reason=_("You said you liked it"), reason_kind=LIKED
        )
        for oid in liked_ids
        if oid in candidates
    }
    return {**liked, **{oid: pick for oid, pick in picks.items() if oid not in liked}}


def _worth(picks: dict[int, Recommendation]) -> dict[int, float]:
    recommended = [pick.score for pick in picks.values() if pick.reason_kind != LIKED]
    low, high = min(recommended, default=0.0), max(recommended, default=1.0)
    span = high - low or 1.0
    return {
        oid: LIKED_WORTH
        if pick.reason_kind == LIKED
        else max(SCORE_FLOOR, (pick.score - low) / span if high > low else 1.0)
        for oid, pick in picks.items()
    }


def _online_exhibits(
    gallery_map: GalleryMap | None, picks: dict[int, Recommendation], pace: float
) -> list[Exhibit]:
    """Online, every public object can be seen; viewing times are the map's, if any."""
    typical = gallery_map.viewing_seconds if gallery_map else {}
    types = dict(public_objects().filter(pk__in=list(picks)).values_list("pk", "object_type"))
    return [
        Exhibit(
            key=oid,
            room="",
            view_seconds=gallery.view_seconds(
                viewing_seconds=typical, object_type=types[oid], pace=pace
            ),
            score=score,
        )
        for oid, score in _worth(picks).items()
        if oid in types
    ]


def _online(
    *, ask: TourAsk, taste: VisitorTaste, budget_seconds: int, exclude: frozenset[int]
) -> PlannedStops:
    public = set(public_objects().values_list("pk", flat=True)) - exclude
    picks = _with_liked(_recommend(taste, public), ask.liked_ids, public)
    exhibits = _online_exhibits(gallery.current_map(), picks, ask.pace)
    route = plan_online_tour(
        exhibits, budget_seconds=budget_seconds, similarity=similarity_of(list(picks))
    )
    return _stops(route, picks, None, budget_seconds, bool(exhibits))


def _stops(
    route: MuseumTour,
    picks: dict[int, Recommendation],
    gallery_map: GalleryMap | None,
    budget_seconds: int,
    had_candidates: bool,
) -> PlannedStops:
    stops = tuple(
        PlannedStop(
            object_id=stop.key,
            room=stop.room,
            walk_seconds=round(stop.walk_seconds),
            view_seconds=round(stop.view_seconds),
            reason=picks[stop.key].reason,
        )
        for stop in route.stops
    )
    return PlannedStops(
        stops=stops,
        rooms=tuple(route.rooms),
        gallery_map=gallery_map,
        empty_reason="" if stops else _why_empty(budget_seconds, had_candidates),
    )


def _why_empty(budget_seconds: int, had_candidates: bool) -> str:
    minutes = budget_seconds // 60
    if budget_seconds <= 0:
        return _("No time is left on this tour: allow more time to go on.")
    if not had_candidates:
        return _("Nothing that matches is on display now: try other interests or an online tour.")
    return ngettext(
        "Nothing can be reached and seen within %(count)d minute from here: "
        "allow more time or choose another start.",
        "Nothing can be reached and seen within %(count)d minutes from here: "
        "allow more time or choose another start.",
        minutes,
    ) % {"count": minutes}

"""A tour through the building: which exhibits, in which order, within the visitor's time.

The museum becomes an orienteering problem: one node for where the visitor is (the start),
one for where they want to finish (the end; the same node when that is the same room), one per
candidate exhibit. Walking between two places is the shortest walk between their rooms over
open rooms (step-free links only, when asked); two places in the same room are
``IN_ROOM_WALK_SECONDS`` apart. Looking at an exhibit costs its viewing time. The general
solver does the rest, and the independent checker has verified its tour before it gets here.

Re-planning is the same call from the visitor's current room, with the time they have left and
``exclude`` holding what they have seen or skipped.
"""

import math
from collections.abc import Sequence

import numpy as np

from tours.planning.heuristic import search_clock
from tours.planning.museum import Exhibit, MuseumGraph, MuseumStop, MuseumTour
from tours.planning.online import plan_online_tour
from tours.planning.problem import OrienteeringProblem, PlannedTour, ProblemError, make_problem
from tours.planning.rooms import RoomWalks, room_walks
from tours.planning.solver import solve

__all__ = ["IN_ROOM_WALK_SECONDS", "plan_museum_tour", "plan_online_tour"]

# Walking from one object to another in the same room (or from the door to an object): a
# few steps across a gallery, about 15 m at a visitor's 1 m/s.
IN_ROOM_WALK_SECONDS = 15.0
# Candidate pruning keeps the problem small enough to plan in a fraction of a second: per
# room, the exhibits with the most score per second spent on them; then the best overall.
PER_ROOM_CANDIDATES = 30
MAX_CANDIDATES = 250
MAX_EXHIBITS = 100_000
MAX_BUDGET_SECONDS = 24 * 3600
# Several starts help on large problems only when there is time for them; the museum's time
# box is short, so fewer and longer searches.
MUSEUM_STARTS = 3
# Rounds of the search: enough for the museum's problems (the small ones reach the proven
# optimum in the benchmark), few enough to finish inside the time box on an idle machine.
MUSEUM_ITERATIONS = 60


class NoWayBetween(ProblemError):
    """No open (or step-free) way joins the start and end rooms today."""


class NoTimeToReachEnd(ProblemError):
    """The walk from the start to the end room alone takes longer than the budget."""


def plan_museum_tour(
    graph: MuseumGraph,
    exhibits: Sequence[Exhibit],
    *,
    budget_seconds: float,
    start_room: str,
    end_room: str,
    step_free: bool = False,
    exclude: frozenset[int] = frozenset(),
    time_limit_s: float = 0.15,
    seed: int = 0,
) -> MuseumTour:
    """The best tour the planner finds; ProblemError (status 400) names what is wrong.

    ``time_limit_s`` bounds the whole call, the preparation included.
    """
    began = search_clock()
    if not 0 < budget_seconds <= MAX_BUDGET_SECONDS:
        raise ProblemError(f"the time budget must be between 0 and {MAX_BUDGET_SECONDS} seconds")
    if len(exhibits) > MAX_EXHIBITS:
        raise ProblemError(f"at most {MAX_EXHIBITS} exhibits can be planned over")
    walks = room_walks(graph, step_free)
    problem, chosen = museum_problem(
        walks,
        exhibits,
        budget_seconds=budget_seconds,
        start_room=start_room,
        end_room=end_room,
        exclude=exclude,
    )
    left = max(0.01, time_limit_s - (search_clock() - began))
    planned = solve(
        problem, time_limit_s=left, seed=seed, starts=MUSEUM_STARTS, iterations=MUSEUM_ITERATIONS
    )
    return _museum_tour(walks, problem, planned, chosen, start_room, end_room)


def museum_problem(
    walks: RoomWalks,
    exhibits: Sequence[Exhibit],
    *,
    budget_seconds: float,
    start_room: str,
    end_room: str,
    exclude: frozenset[int] = frozenset(),
) -> tuple[OrienteeringProblem, list[Exhibit]]:
    """The orienteering problem of a visit, and the candidate exhibits its nodes 1.. (or 2..)
    stand for. ProblemError when the start or end room is closed or unknown, or the end
    cannot be reached in time."""
    for what, room in (("start", start_room), ("end", end_room)):
        _check_room(walks, what, room)
    way = walks.seconds[walks.index[start_room], walks.index[end_room]]
    if not math.isfinite(way):
        raise NoWayBetween(f"there is no open way from room {start_room!r} to room {end_room!r}")
    if way > budget_seconds:
        raise NoTimeToReachEnd(
            f"walking from room {start_room!r} to room {end_room!r} alone takes longer "
            "than the time budget"
        )
    chosen = _candidates(walks, exhibits, budget_seconds, start_room, end_room, exclude)
    return _problem(walks, chosen, budget_seconds, start_room, end_room), chosen


def _check_room(walks: RoomWalks, what: str, room: str) -> None:
    if room in walks.closed:
        raise ProblemError(f"the {what} room {room!r} is closed")
    if room not in walks.index:
        raise ProblemError(f"the {what} room {room!r} is not on the map")


def _candidates(
    walks: RoomWalks,
    exhibits: Sequence[Exhibit],
    budget: float,
    start_room: str,
    end_room: str,
    exclude: frozenset[int],
) -> list[Exhibit]:
    """Exhibits worth planning over: reachable, alone within the budget, the densest per room."""
    start, end = walks.index[start_room], walks.index[end_room]
    by_room: dict[str, list[Exhibit]] = {}
    for exhibit in exhibits:
        if exhibit.key in exclude or exhibit.room not in walks.index:
            continue
        if not (exhibit.score > 0 and 0 <= exhibit.view_seconds < math.inf):
            continue
        room = walks.index[exhibit.room]
        alone = walks.seconds[start, room] + walks.seconds[room, end] + exhibit.view_seconds
        if alone <= budget:  # unreachable rooms are infinitely far
            by_room.setdefault(exhibit.room, []).append(exhibit)
    kept: list[Exhibit] = []
    for room_exhibits in by_room.values():
        room_exhibits.sort(key=_density, reverse=True)
        kept.extend(room_exhibits[:PER_ROOM_CANDIDATES])
    kept.sort(key=_density, reverse=True)
    return kept[:MAX_CANDIDATES]


def _density(exhibit: Exhibit) -> float:
    return exhibit.score / (exhibit.view_seconds + IN_ROOM_WALK_SECONDS)


def _problem(
    walks: RoomWalks, chosen: list[Exhibit], budget: float, start_room: str, end_room: str
) -> OrienteeringProblem:
    """Node 0 is the start; the end is node 0 too for a round trip, else node 1."""
    places = [start_room] if start_room == end_room else [start_room, end_room]
    rooms = np.array([walks.index[room] for room in places + [e.room for e in chosen]])
    costs = walks.seconds[rooms[:, None], rooms[None, :]].copy()
    costs[rooms[:, None] == rooms[None, :]] = IN_ROOM_WALK_SECONDS
    np.fill_diagonal(costs, 0.0)
    ends = len(places)
    return make_problem(
        scores=[0.0] * ends + [e.score for e in chosen],
        costs=costs,
        budget=budget,
        start=0,
        end=ends - 1,
        visit_costs=[0.0] * ends + [e.view_seconds for e in chosen],
    )


def _museum_tour(
    walks: RoomWalks,
    problem: OrienteeringProblem,
    planned: PlannedTour,
    chosen: list[Exhibit],
    start_room: str,
    end_room: str,
) -> MuseumTour:
    ends = 1 if problem.closed else 2
    stops: list[MuseumStop] = []
    rooms = [start_room]
    for previous, node in zip(planned.route, planned.route[1:], strict=False):
        room = chosen[node - ends].room if node >= ends else end_room
        rooms.extend(walks.walk(rooms[-1], room)[1:])
        if node >= ends:
            exhibit = chosen[node - ends]
            walk = float(problem.costs[previous, node])
            stops.append(MuseumStop(exhibit.key, exhibit.room, walk, exhibit.view_seconds))
    return MuseumTour(
        stops=tuple(stops), rooms=tuple(rooms), total_seconds=planned.cost, score=planned.score
    )

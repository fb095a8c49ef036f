"""Tours through the building: closed rooms, step-free routes, budgets, exclusions, online."""

import itertools

import pytest

from tours.planning.museum import Exhibit, Link, MuseumGraph
from tours.planning.museum_planner import IN_ROOM_WALK_SECONDS, plan_museum_tour
from tours.planning.online import plan_online_tour
from tours.planning.problem import ProblemError

# hall — east — garden is quick; hall — west — garden is the long way round.
ROOMS = ("hall", "east", "garden", "west")
LINKS = (
    Link("hall", "east", 10, step_free=False),
    Link("east", "garden", 10),
    Link("hall", "west", 100),
    Link("west", "garden", 100),
)
EXHIBITS = [
    Exhibit(1, "east", 30, 5.0),
    Exhibit(2, "garden", 60, 9.0),
    Exhibit(3, "west", 30, 1.0),
    Exhibit(4, "hall", 20, 2.0),
    Exhibit(5, "garden", 40, 4.0),
]


def graph(closed: frozenset[str] = frozenset()) -> MuseumGraph:
    return MuseumGraph(rooms=ROOMS, links=LINKS, closed=closed)


def plan(**changes: object) -> object:
    arguments: dict[str, object] = {
        "budget_seconds": 3600,
        "start_room": "hall",
        "end_room": "hall",
    }
    arguments.update(changes)
    museum = arguments.pop("graph", graph())
    return plan_museum_tour(museum, EXHIBITS, **arguments)  # type: ignore[arg-type]


def test_a_generous_budget_sees_everything_and_returns() -> None:
    tour = plan()
    assert {stop.key for stop in tour.stops} == {1, 2, 3, 4, 5}
    assert tour.rooms[0] == tour.rooms[-1] == "hall"
    assert tour.total_seconds <= 3600


def test_a_closed_room_is_never_walked_through() -> None:
    tour = plan(graph=graph(closed=frozenset({"east"})))
    assert "east" not in tour.rooms
    assert 1 not in {stop.key for stop in tour.stops}
    assert {2, 5} <= {stop.key for stop in tour.stops}  # reached the long way round


def test_step_free_routes_avoid_steps() -> None:
    tour = plan(step_free=True, budget_seconds=600)
    walked = list(itertools.pairwise(tour.rooms))
    assert ("hall", "east") not in walked and ("east", "hall") not in walked


def test_a_closed_start_room_is_named() -> None:
    with pytest.raises(ProblemError, match="'hall' is closed") as raised:
        plan(graph=graph(closed=frozenset({"hall"})))
    assert raised.value.status_code == 400


def test_an_unknown_end_room_is_named() -> None:
    with pytest.raises(ProblemError, match="'attic'"):
        plan(end_room="attic")


@pytest.mark.parametrize("budget", [60, 150, 200, 300, 450])
def test_the_budget_is_never_exceeded(budget: int) -> None:
    tour = plan(budget_seconds=budget, end_room="garden")
    assert tour.total_seconds <= budget
    spent = sum(stop.walk_seconds + stop.view_seconds for stop in tour.stops)
    assert spent <= tour.total_seconds
    assert tour.rooms[-1] == "garden"


def test_walks_are_the_rooms_between_stops() -> None:
    tour = plan(budget_seconds=3600)
    same_room = [s for s in tour.stops[1:] if s.walk_seconds == IN_ROOM_WALK_SECONDS]
    assert same_room  # the two garden objects are seen one after the other


def test_seen_and_skipped_exhibits_are_left_out() -> None:
    tour = plan(exclude=frozenset({2, 4}))
    assert {stop.key for stop in tour.stops}.isdisjoint({2, 4})


def test_nothing_in_reach_gives_an_empty_tour() -> None:
    tour = plan(budget_seconds=20, start_room="west", end_room="west")
    assert tour.stops == ()
    assert tour.total_seconds == 0


def test_online_tours_pick_the_best_set_that_fits() -> None:
    items = [
        Exhibit(k, "", seconds, score)
        for k, seconds, score in [(1, 50, 6), (2, 40, 5), (3, 30, 4), (4, 60, 7), (5, 10, 1)]
    ]
    tour = plan_online_tour(items, 100)
    best = max(
        sum(e.score for e in subset)
        for n in range(6)
        for subset in itertools.combinations(items, n)
        if sum(e.view_seconds for e in subset) <= 100
    )
    assert tour.score == best
    assert tour.total_seconds <= 100
    assert tour.rooms == ()


def test_online_tours_follow_a_similarity_chain() -> None:
    items = [Exhibit(k, "", 10, float(score)) for k, score in [(1, 9), (2, 5), (3, 4), (4, 3)]]
    # 1 is most like 3, 3 most like 4, then 2 is all that is left.
    likeness = {frozenset({1, 3}): 0.9, frozenset({3, 4}): 0.8}
    tour = plan_online_tour(items, 100, lambda a, b: likeness.get(frozenset({a, b}), 0.1))
    assert [stop.key for stop in tour.stops] == [1, 3, 4, 2]

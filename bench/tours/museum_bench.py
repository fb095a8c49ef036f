"""The museum planner on a synthetic museum: planning and re-planning time, value against the
exact optimum on small instances, and a budget check of every tour planned.

Nothing here is a real building or collection (see ``SYNTHETIC_NOTE``).
"""

import time
from dataclasses import dataclass, field

import numpy as np

from bench.stats import percentile
from bench.tours.synthetic_museum import SYNTHETIC_NOTE, synthetic_museum
from tours.planning.exact import solve_exact
from tours.planning.museum import Exhibit, MuseumGraph, MuseumTour
from tours.planning.museum_planner import museum_problem, plan_museum_tour
from tours.planning.rooms import room_walks

BUDGETS = {"1h": 3600.0, "3h": 10800.0}
BUDGET_SLACK = 1e-6  # seconds; float sums of walking times


@dataclass
class Timings:
    samples_ms: list[float] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        return {
            "p50_ms": percentile(self.samples_ms, 50),
            "p95_ms": percentile(self.samples_ms, 95),
            "runs": len(self.samples_ms),
        }


@dataclass
class BenchResult:
    note: str
    rooms: int
    objects: int
    planning: dict[str, dict[str, float]]
    replanning: dict[str, dict[str, float]]
    value_vs_exact: dict[str, float]
    tours_checked: int
    over_budget: int


def run_museum_bench(*, runs: int = 20, small_instances: int = 20, seed: int = 0) -> BenchResult:
    graph, exhibits = synthetic_museum(seed=seed)
    over = checked = 0
    planning: dict[str, dict[str, float]] = {}
    skip, more = Timings(), Timings()
    rng = np.random.default_rng(seed)
    for label, budget in BUDGETS.items():
        timings = Timings()
        for run in range(runs):
            room = graph.rooms[int(rng.integers(len(graph.rooms)))]
            tour, ms = _timed(graph, exhibits, budget, room, frozenset(), run)
            timings.samples_ms.append(ms)
            over += _over(tour, budget)
            checked += 1
            # The visitor has seen the first stop and skips the second: re-plan from there.
            if len(tour.stops) >= 2:
                here, seen = tour.stops[0], frozenset(s.key for s in tour.stops[:2])
                left = budget - here.walk_seconds - here.view_seconds
                again, ms = _timed(graph, exhibits, left, here.room, seen, run, end=room)
                skip.samples_ms.append(ms)
                over += _over(again, left)
                # "I have 15 more minutes": the same place, 900 s more.
                longer, ms = _timed(graph, exhibits, left + 900, here.room, seen, run, end=room)
                more.samples_ms.append(ms)
                over += _over(longer, left + 900)
                checked += 2
        planning[label] = timings.figures()
    value = value_against_exact(small_instances, seed=seed)
    return BenchResult(
        note=SYNTHETIC_NOTE,
        rooms=len(graph.rooms),
        objects=len(exhibits),
        planning=planning,
        replanning={"after_skip": skip.figures(), "after_15_more_minutes": more.figures()},
        value_vs_exact=value,
        tours_checked=checked + int(value["instances"]),
        over_budget=over + int(value["over_budget"]),
    )


def _timed(
    graph: MuseumGraph,
    exhibits: list[Exhibit],
    budget: float,
    start: str,
    exclude: frozenset[int],
    seed: int,
    *,
    end: str | None = None,
) -> tuple[MuseumTour, float]:
    began = time.perf_counter()
    tour = plan_museum_tour(
        graph,
        exhibits,
        budget_seconds=budget,
        start_room=start,
        end_room=end or start,
        exclude=exclude,
        seed=seed,
    )
    return tour, 1000.0 * (time.perf_counter() - began)


def _over(tour: MuseumTour, budget: float) -> int:
    walked = sum(s.walk_seconds + s.view_seconds for s in tour.stops)
    return int(tour.total_seconds > budget + BUDGET_SLACK or walked > budget + BUDGET_SLACK)


def value_against_exact(count: int, *, seed: int = 0) -> dict[str, float]:
    """Planner score / proven optimum on small museum problems (8 to 25 objects in a 12-room
    synthetic museum, whole-second times and whole-number scores so that CP-SAT's proof holds)."""
    ratios: list[float] = []
    over = 0
    rng = np.random.default_rng(seed + 1)
    for index in range(count):
        objects = int(rng.integers(8, 26))
        graph, exhibits = synthetic_museum(
            rooms=12, objects=objects, seed=seed + 100 + index, integral=True
        )
        budget = float(rng.integers(600, 2400))
        start, end = graph.rooms[0], graph.rooms[int(rng.integers(12))]
        problem, _ = museum_problem(
            room_walks(graph, False),
            exhibits,
            budget_seconds=budget,
            start_room=start,
            end_room=end,
        )
        exact = solve_exact(problem, time_limit_s=60.0)
        planned = plan_museum_tour(
            graph, exhibits, budget_seconds=budget, start_room=start, end_room=end, seed=index
        )
        over += _over(planned, budget)
        if exact.proven_optimal and exact.score > 0:
            ratios.append(planned.score / exact.score)
    return {
        "instances": float(count),
        "proven": float(len(ratios)),
        "mean": float(np.mean(ratios)) if ratios else float("nan"),
        "worst": float(min(ratios)) if ratios else float("nan"),
        "over_budget": float(over),
    }

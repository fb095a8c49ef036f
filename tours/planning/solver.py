"""The planner's one entry point: a good tour for any orienteering problem, checked before use.

The same code serves OPLib instances (closed tours, no visit costs) and the museum (an entrance
and an exit, viewing time per object). Visit costs are folded into the walking costs — half of
each node's visit cost on each edge that touches it — so the route search only sees a
symmetric cost matrix; the constant left over for an open route (half the start's and the end's
visit costs) comes off the budget.
"""

import time

import numpy as np

from tours.planning.checker import check_tour
from tours.planning.heuristic import Candidate, multi_start_search, search_clock
from tours.planning.moves import Workspace, insert_greedily
from tours.planning.problem import OrienteeringProblem, PlannedTour, ProblemError

DEFAULT_TIME_LIMIT_S = 0.75
# Rounds of the iterated local search: about 0.4 s of one core on a 100-node OPLib instance;
# the time limit stops it earlier on a loaded machine.
DEFAULT_ITERATIONS = 400


def solve(
    problem: OrienteeringProblem,
    *,
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
    iterations: int = DEFAULT_ITERATIONS,
    seed: int = 0,
    starts: int = 6,
) -> PlannedTour:
    """The best tour the search finds within the limits, verified by the independent checker.

    Raises ProblemError when not even the bare route from the start to the end fits the budget.
    """
    began = time.perf_counter()
    searching_since = search_clock()
    bare = (problem.start, problem.end)
    if not check_tour(problem, bare).ok:
        raise ProblemError("the end cannot be reached from the start within the budget")
    ws = workspace(problem, seed=seed)
    greedy = list(bare)
    insert_greedily(ws, greedy, ws.route_cost(greedy))
    found = multi_start_search(
        ws,
        list(bare),
        starts=starts,
        iterations=iterations,
        deadline=searching_since + max(0.0, time_limit_s),
    )
    # Whatever the search believes, only a route the checker accepts leaves this function.
    for route in (found.route, tuple(greedy), bare):
        check = check_tour(problem, route)
        if check.ok:
            return PlannedTour(
                route=tuple(route),
                score=check.score,
                cost=check.cost,
                seconds=time.perf_counter() - began,
            )
    raise AssertionError("unreachable: the bare route was checked above")


def workspace(problem: OrienteeringProblem, *, seed: int = 0) -> Workspace:
    """The search's view of ``problem``: folded costs, and nodes no tour can reach zeroed."""
    visit = (
        problem.visit_costs
        if problem.visit_costs is not None
        else np.zeros(problem.size, dtype=np.float64)
    )
    cost = problem.costs + (visit[:, None] + visit[None, :]) / 2.0
    offset = 0.0 if problem.closed else (visit[problem.start] + visit[problem.end]) / 2.0
    budget = problem.budget - offset
    scores = problem.scores.copy()
    scores[[problem.start, problem.end]] = 0.0  # always on the route; nothing to gain
    reachable = cost[problem.start] + cost[:, problem.end] <= budget
    scores[~reachable] = 0.0
    scale = float(np.max(cost)) if cost.size else 1.0
    return Workspace(
        cost=cost,
        scores=scores,
        budget=budget,
        eps=1e-9 * max(1.0, scale),
        rng=np.random.default_rng(seed),
    )


__all__ = ["Candidate", "solve", "workspace"]

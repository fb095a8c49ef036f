"""An independent check of a tour: it shares no code with the planner that made the tour.

The planner keeps running totals and folds visit costs into the walking costs; this module
recomputes everything from the problem as given, one edge and one node at a time, so that a
bookkeeping slip in the planner shows up as a failed check instead of a tour over budget.
"""

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from tours.planning.problem import OrienteeringProblem


@dataclass(frozen=True)
class TourCheck:
    score: float
    cost: float
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def tour_cost(problem: OrienteeringProblem, route: Sequence[int]) -> float:
    """Walking cost of the route's edges plus the visit cost of each node visited, once."""
    walked = sum(float(problem.costs[a][b]) for a, b in itertools.pairwise(route))
    if problem.visit_costs is None:
        return walked
    return walked + sum(float(problem.visit_costs[node]) for node in set(route))


def check_tour(problem: OrienteeringProblem, route: Sequence[int]) -> TourCheck:
    """Score and cost of ``route`` (start and end included), and what is wrong with it."""
    errors: list[str] = []
    size = problem.size
    outside = [node for node in route if not (isinstance(node, int) and 0 <= node < size)]
    if outside:
        return TourCheck(0.0, float("nan"), [f"nodes outside the problem: {outside[:5]}"])
    if len(route) < 2:
        errors.append("a route names at least its start and its end")
    else:
        if route[0] != problem.start:
            errors.append(f"starts at {route[0]}, not at the start {problem.start}")
        if route[-1] != problem.end:
            errors.append(f"ends at {route[-1]}, not at the end {problem.end}")
    inner = list(route[1:-1])
    repeated = sorted({node for node in inner if inner.count(node) > 1})
    if repeated:
        errors.append(f"visits nodes more than once: {repeated[:5]}")
    endpoints = {problem.start, problem.end}
    if any(node in endpoints for node in inner):
        errors.append("passes through the start or the end in the middle of the tour")
    visited = set(route) | endpoints
    score = sum(float(problem.scores[node]) for node in visited)
    cost = tour_cost(problem, route) if len(route) >= 2 else 0.0
    if not problem.within_budget(cost):
        errors.append(f"costs {cost:g}, over the budget of {problem.budget:g}")
    return TourCheck(score=score, cost=cost, errors=errors)

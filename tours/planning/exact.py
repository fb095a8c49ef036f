"""An exact method for small problems, to measure the heuristic against: CP-SAT with a circuit.

Every node gets a "skipped" self-loop in OR-Tools' circuit constraint (the start and the end
never do), the route's cost is a knapsack over the arcs used and the visit costs of the nodes
kept, and the objective is the score kept. An open route (start ≠ end) is closed by a fixed arc
from the end back to the start that costs nothing.

CP-SAT needs integers: costs are scaled by ``SCALE`` and rounded *up*, the budget rounded
*down*, so every tour the model accepts fits the real budget. When every cost, visit cost,
budget and score is a whole number after scaling, the model is the problem itself and an
OPTIMAL status is a proof; otherwise the answer is feasible but not called proven.
"""

import math
import time
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from tours.planning.checker import check_tour
from tours.planning.problem import OrienteeringProblem, PlannedTour, ProblemError

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

MAX_EXACT_NODES = 40
SCALE = 1000


def _integral(values: NDArray[np.float64]) -> bool:
    scaled = values * SCALE
    return bool(np.all(np.abs(scaled - np.round(scaled)) <= 1e-6))


def _up(value: float) -> int:
    return math.ceil(value * SCALE - 1e-6)


def solve_exact(problem: OrienteeringProblem, *, time_limit_s: float = 30.0) -> PlannedTour:
    """The best tour CP-SAT finds within the limit; ``proven_optimal`` when it proved it."""
    from ortools.sat.python import cp_model

    if problem.size > MAX_EXACT_NODES:
        raise ProblemError(f"the exact method takes up to {MAX_EXACT_NODES} nodes")
    began = time.perf_counter()
    visit = problem.visit_costs if problem.visit_costs is not None else np.zeros(problem.size)
    model = cp_model.CpModel()
    kept = [model.new_bool_var(f"keep{v}") for v in range(problem.size)]
    arcs, uses = _circuit(model, problem, kept)
    model.add_circuit(arcs)
    walked = [_up(float(problem.costs[i, j])) * literal for (i, j), literal in uses.items()]
    viewed = [_up(float(visit[v])) * kept[v] for v in range(problem.size)]
    model.add(sum(walked + viewed) <= math.floor(problem.budget * SCALE + 1e-6))
    model.maximize(
        sum(round(float(problem.scores[v]) * SCALE) * kept[v] for v in range(problem.size))
    )
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, time_limit_s)
    solver.parameters.num_workers = 1
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise ProblemError("no tour fits the budget")
    route = _route(problem, {arc: solver.boolean_value(lit) for arc, lit in uses.items()})
    check = check_tour(problem, route)
    if not check.ok:  # the model rounds conservatively, so this is a bug, not bad luck
        raise AssertionError(f"exact tour failed the check: {check.errors}")
    exact_model = all(
        _integral(values)
        for values in (problem.costs, visit, np.array([problem.budget]), problem.scores)
    )
    return PlannedTour(
        route=tuple(route),
        score=check.score,
        cost=check.cost,
        seconds=time.perf_counter() - began,
        proven_optimal=status == cp_model.OPTIMAL and exact_model,
    )


def _circuit(
    model: "cp_model.CpModel", problem: OrienteeringProblem, kept: list["cp_model.IntVar"]
) -> tuple[list[tuple[int, int, Any]], dict[tuple[int, int], "cp_model.IntVar"]]:
    """The circuit's arcs, and the arcs between distinct nodes by (from, to)."""
    start, end = problem.start, problem.end
    arcs: list[tuple[int, int, Any]] = []
    uses: dict[tuple[int, int], cp_model.IntVar] = {}
    for node in range(problem.size):
        if node in (start, end):
            model.add(kept[node] == 1)
            if problem.closed:
                # The depot alone is an empty circuit: let it loop on itself when nothing is
                # visited (its score counts either way, as it is always "kept").
                alone = model.new_bool_var("alone")
                arcs.append((node, node, alone))
                for other in range(problem.size):
                    if other != node:
                        model.add_implication(alone, ~kept[other])
        else:
            arcs.append((node, node, ~kept[node]))
    for i in range(problem.size):
        for j in range(problem.size):
            if i == j or (not problem.closed and (j == start or i == end)):
                continue
            uses[(i, j)] = model.new_bool_var(f"arc{i}_{j}")
            arcs.append((i, j, uses[(i, j)]))
    if not problem.closed:
        arcs.append((end, start, model.new_constant(1)))
    return arcs, uses


def _route(problem: OrienteeringProblem, used: dict[tuple[int, int], bool]) -> list[int]:
    following = {i: j for (i, j), on in used.items() if on}
    route = [problem.start]
    while len(route) <= problem.size + 1:
        nxt = following.get(route[-1])
        if nxt is None:
            break
        route.append(nxt)
        if nxt in (problem.end, problem.start) and len(route) > 1:
            break
    if len(route) == 1:
        route.append(problem.end)  # the depot alone: [depot, depot]
    return route

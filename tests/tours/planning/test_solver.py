"""The planner against brute force on tiny problems, closed and open, with visit costs."""

import itertools

import numpy as np
import pytest

from tours.planning.checker import check_tour
from tours.planning.exact import solve_exact
from tours.planning.problem import OrienteeringProblem, ProblemError, make_problem
from tours.planning.solver import solve


def brute_force(problem: OrienteeringProblem) -> float:
    inner = [v for v in range(problem.size) if v not in (problem.start, problem.end)]
    best = -1.0
    for count in range(len(inner) + 1):
        for middle in itertools.permutations(inner, count):
            check = check_tour(problem, [problem.start, *middle, problem.end])
            if check.ok:
                best = max(best, check.score)
    return best


def random_problem(seed: int, *, closed: bool, visits: bool) -> OrienteeringProblem:
    rng = np.random.default_rng(seed)
    size = int(rng.integers(3, 8))
    points = rng.random((size, 2)) * 100
    costs = np.round(np.linalg.norm(points[:, None] - points[None], axis=2))
    end = 0 if closed else size - 1
    budget = float(costs[0, end] + rng.integers(40, 200))
    return make_problem(
        scores=rng.integers(0, 10, size),
        costs=costs,
        budget=budget,
        start=0,
        end=end,
        visit_costs=rng.integers(0, 25, size) if visits else None,
    )


@pytest.mark.parametrize("closed", [True, False])
@pytest.mark.parametrize("visits", [True, False])
def test_the_planner_finds_the_brute_force_optimum(closed: bool, visits: bool) -> None:
    for seed in range(12):
        problem = random_problem(seed, closed=closed, visits=visits)
        tour = solve(problem, seed=seed)
        assert check_tour(problem, tour.route).ok
        assert tour.score == brute_force(problem), f"seed {seed}"


@pytest.mark.parametrize("closed", [True, False])
def test_the_exact_method_proves_the_brute_force_optimum(closed: bool) -> None:
    for seed in range(6):
        problem = random_problem(seed, closed=closed, visits=True)
        tour = solve_exact(problem, time_limit_s=10)
        assert tour.proven_optimal
        assert tour.score == brute_force(problem)


def test_the_same_seed_gives_the_same_tour() -> None:
    problem = random_problem(3, closed=True, visits=False)
    assert solve(problem, seed=1).route == solve(problem, seed=1).route


def test_an_unreachable_end_is_a_problem_error() -> None:
    problem = make_problem(scores=[1, 1], costs=[[0, 10], [10, 0]], budget=5, start=0, end=1)
    with pytest.raises(ProblemError, match="cannot be reached"):
        solve(problem)


def test_nothing_within_reach_leaves_the_depot_alone() -> None:
    problem = make_problem(scores=[3, 9], costs=[[0, 10], [10, 0]], budget=5)
    tour = solve(problem)
    assert tour.route == (0, 0)
    assert tour.score == 3  # the depot counts, as in OPLib

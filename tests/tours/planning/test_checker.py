"""The independent checker catches the tours a planner must never hand out."""

from tours.planning.checker import check_tour
from tours.planning.problem import make_problem

SQUARE = [[0, 3, 5, 4], [3, 0, 4, 5], [5, 4, 0, 3], [4, 5, 3, 0]]


def square(budget: float = 14, end: int | None = None) -> object:
    return make_problem(scores=[1, 2, 3, 4], costs=SQUARE, budget=budget, end=end)


def test_a_good_tour_passes_with_its_score_and_cost() -> None:
    check = check_tour(square(), [0, 1, 2, 3, 0])
    assert check.ok
    assert (check.score, check.cost) == (10, 14)


def test_a_tour_over_budget_fails() -> None:
    check = check_tour(square(budget=13), [0, 1, 2, 3, 0])
    assert not check.ok
    assert "over the budget" in check.errors[0]


def test_a_repeated_stop_fails() -> None:
    check = check_tour(square(budget=100), [0, 1, 2, 1, 0])
    assert any("more than once" in error for error in check.errors)


def test_a_wrong_start_or_end_fails() -> None:
    assert any("not at the start" in e for e in check_tour(square(), [1, 0, 1]).errors)
    assert any("not at the end" in e for e in check_tour(square(end=3), [0, 1, 2]).errors)


def test_visit_costs_count_once_per_stop() -> None:
    problem = make_problem(scores=[0, 5], costs=[[0, 2], [2, 0]], budget=9, visit_costs=[0, 5])
    assert check_tour(problem, [0, 1, 0]).cost == 9
    assert check_tour(problem, [0, 1, 0]).ok

"""The orienteering problem the tour planner solves, and the tour it answers with.

A visitor has a time budget; every node (an object, or the entrance and exit) has an interest
score; walking between two nodes takes a known time and looking at an object takes its own
visit time. A tour starts at ``start``, ends at ``end`` (the same node for a closed tour, as in
OPLib; an entrance and an exit otherwise), visits each other node at most once and must fit
the budget. The planner maximises the total score of the nodes the tour visits, the start and
end included (OPLib counts the depot's score too).
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

# Budgets are compared with this relative slack, so that sums of float walking times that
# land a rounding error above the budget are not refused. Integer instances (OPLib) are exact.
BUDGET_TOLERANCE = 1e-9


class ProblemError(ValueError):
    """The problem cannot be planned as given; the message says why."""

    status_code = 400


@dataclass(frozen=True, eq=False)
class OrienteeringProblem:
    """Scores, walking costs (symmetric), visit costs, a budget, a start and an end node.

    ``labels`` name the nodes for people and files (OPLib node ids); indices are 0-based.
    """

    scores: NDArray[np.float64]
    costs: NDArray[np.float64]
    budget: float
    start: int = 0
    end: int = 0
    visit_costs: NDArray[np.float64] | None = None
    labels: tuple[int | str, ...] = ()
    name: str = ""

    @property
    def size(self) -> int:
        return len(self.scores)

    @property
    def closed(self) -> bool:
        return self.start == self.end

    def label(self, node: int) -> int | str:
        return self.labels[node] if self.labels else node

    def within_budget(self, cost: float) -> bool:
        return cost <= self.budget + BUDGET_TOLERANCE * max(1.0, abs(self.budget))


def make_problem(
    *,
    scores: ArrayLike,
    costs: ArrayLike,
    budget: float,
    start: int = 0,
    end: int | None = None,
    visit_costs: ArrayLike | None = None,
    labels: Sequence[int | str] = (),
    name: str = "",
) -> OrienteeringProblem:
    """Checks and freezes a problem; ProblemError says what is wrong with the input."""
    score_array = np.array(scores, dtype=np.float64)
    cost_array = np.array(costs, dtype=np.float64)
    size = len(score_array)
    if score_array.ndim != 1 or size == 0:
        raise ProblemError("scores must be a non-empty list of numbers")
    if cost_array.shape != (size, size):
        raise ProblemError(
            f"costs must be a {size}×{size} matrix (one row per node), not {cost_array.shape}"
        )
    for what, values in (("scores", score_array), ("costs", cost_array)):
        if not np.all(np.isfinite(values)) or np.any(values < 0):
            raise ProblemError(f"{what} must be finite and not negative")
    # The route search reverses stretches of the tour (2-opt), which is only free when walking
    # A→B takes as long as B→A; walking times in a building are.
    if not np.allclose(cost_array, cost_array.T, rtol=1e-9, atol=1e-9):
        raise ProblemError("costs must be symmetric: walking A→B must take as long as B→A")
    visit_array = None
    if visit_costs is not None:
        visit_array = np.array(visit_costs, dtype=np.float64)
        if visit_array.shape != (size,):
            raise ProblemError(f"visit_costs must give one number per node ({size})")
        if not np.all(np.isfinite(visit_array)) or np.any(visit_array < 0):
            raise ProblemError("visit_costs must be finite and not negative")
    end = start if end is None else end
    for what, node in (("start", start), ("end", end)):
        if not 0 <= node < size:
            raise ProblemError(f"{what} must be a node index between 0 and {size - 1}")
    if not np.isfinite(budget) or budget < 0:
        raise ProblemError("budget must be a finite number, not negative")
    if labels and len(labels) != size:
        raise ProblemError(f"labels must name every node ({size})")
    np.fill_diagonal(cost_array, 0.0)
    score_array.setflags(write=False)
    cost_array.setflags(write=False)
    if visit_array is not None:
        visit_array.setflags(write=False)
    return OrienteeringProblem(
        scores=score_array,
        costs=cost_array,
        budget=float(budget),
        start=start,
        end=end,
        visit_costs=visit_array,
        labels=tuple(labels),
        name=name,
    )


@dataclass(frozen=True)
class PlannedTour:
    """A tour as node indices from start to end, both included (``[0, 0]``: the depot alone).

    ``proven_optimal`` is True only when an exact method says so.
    """

    route: tuple[int, ...]
    score: float
    cost: float
    seconds: float
    proven_optimal: bool = False

    def visits(self) -> tuple[int, ...]:
        """The nodes in visiting order, each once (a closed tour's return is left out)."""
        if len(self.route) >= 2 and self.route[0] == self.route[-1]:
            return self.route[:-1]
        return self.route

"""The planner on OPLib instances with known optima: gap to the optimum and solve time each.

Every tour is re-checked by the independent checker; a tour over the cost limit is counted (the
target is none). The gap is to the best known score (the optimum when ``proven``); a negative
gap means the planner beat an unproven best.
"""

import json
import time
from dataclasses import dataclass
from pathlib import Path

from bench.stats import percentile
from tours.planning.checker import check_tour
from tours.planning.oplib import read_oplib
from tours.planning.solver import DEFAULT_TIME_LIMIT_S, solve

MAX_INSTANCES = 1000


@dataclass(frozen=True)
class InstanceResult:
    file: str
    nodes: int
    optimum: float
    proven: bool
    score: float
    cost: float
    cost_limit: float
    gap_percent: float
    seconds: float
    check_errors: tuple[str, ...]


@dataclass(frozen=True)
class Summary:
    instances: int
    mean_gap_percent: float
    worst_gap_percent: float
    p95_seconds: float
    over_cost_limit: int
    failed_checks: int


def evaluate(
    folder: Path, *, time_limit_s: float = DEFAULT_TIME_LIMIT_S, seed: int = 0
) -> tuple[list[InstanceResult], Summary]:
    """Solves every instance ``optima.jsonl`` in ``folder`` lists; the time includes reading."""
    listing = folder / "optima.jsonl"
    rows = [json.loads(line) for line in listing.read_text().splitlines() if line.strip()]
    results = [_one(folder, row, time_limit_s, seed) for row in rows[:MAX_INSTANCES]]
    gaps = [r.gap_percent for r in results]
    summary = Summary(
        instances=len(results),
        mean_gap_percent=sum(gaps) / len(gaps) if gaps else float("nan"),
        worst_gap_percent=max(gaps, default=float("nan")),
        p95_seconds=percentile([r.seconds for r in results], 95),
        over_cost_limit=sum(r.cost > r.cost_limit for r in results),
        failed_checks=sum(bool(r.check_errors) for r in results),
    )
    return results, summary


def _one(folder: Path, row: dict[str, object], time_limit_s: float, seed: int) -> InstanceResult:
    began = time.perf_counter()
    problem = read_oplib(folder / str(row["file"]))
    tour = solve(problem, time_limit_s=time_limit_s, seed=seed)
    seconds = time.perf_counter() - began
    check = check_tour(problem, tour.route)
    optimum = float(row["optimum"])  # type: ignore[arg-type]
    return InstanceResult(
        file=str(row["file"]),
        nodes=problem.size,
        optimum=optimum,
        proven=bool(row.get("proven")),
        score=check.score,
        cost=check.cost,
        cost_limit=problem.budget,
        gap_percent=100.0 * (optimum - check.score) / optimum if optimum else 0.0,
        seconds=seconds,
        check_errors=tuple(check.errors),
    )

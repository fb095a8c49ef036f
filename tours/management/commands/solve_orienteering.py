"""Solve one Orienteering Problem instance (OPLib/TSPLIB format) with the tour planner."""

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tours.planning.oplib import read_oplib
from tours.planning.problem import ProblemError
from tours.planning.solver import DEFAULT_TIME_LIMIT_S, solve

MAX_TIME_LIMIT_S = 600.0


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


class Command(BaseCommand):
    help = (
        "Solves an OPLib instance (TYPE : OP) with the museum's planner and prints the score "
        "(the depot's included), the cost, the tour (node ids as in the file, from the depot; "
        "the return is implied) and the seconds taken."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="an OPLib instance file")
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument(
            "--time-limit",
            type=float,
            default=DEFAULT_TIME_LIMIT_S,
            metavar="S",
            help=f"seconds the search may take (default {DEFAULT_TIME_LIMIT_S})",
        )
        parser.add_argument("--seed", type=int, default=0, help="the search's random seed")

    def handle(self, *args: Any, **options: Any) -> None:
        limit = float(options["time_limit"])
        if not 0 < limit <= MAX_TIME_LIMIT_S:
            raise CommandError(f"--time-limit takes 0 to {MAX_TIME_LIMIT_S:g} seconds")
        try:
            problem = read_oplib(options["file"])
            tour = solve(problem, time_limit_s=limit, seed=int(options["seed"]))
        except ProblemError as error:
            raise CommandError(str(error)) from error
        labels = [problem.label(node) for node in tour.visits()]
        result = {
            "score": _number(tour.score),
            "cost": _number(tour.cost),
            "tour": labels,
            "seconds": round(tour.seconds, 4),
        }
        if options["json"]:
            self.stdout.write(json.dumps(result))
            return
        self.stdout.write(f"{problem.name or options['file']}: {problem.size} nodes")
        self.stdout.write(f"score   {result['score']} (the depot's included)")
        self.stdout.write(f"cost    {result['cost']} of {_number(problem.budget)}")
        self.stdout.write(f"tour    {' '.join(str(label) for label in labels)}")
        self.stdout.write(f"seconds {tour.seconds:.3f}")

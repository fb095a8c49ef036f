"""Museum planning figures on a synthetic museum: time, re-planning time, value, budgets."""

import json
from argparse import ArgumentParser
from dataclasses import asdict
from typing import Any

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "On a synthetic (seeded, declared) 5,000-object, 60-room museum: planning time p50/p95 "
        "at 1 h and 3 h budgets, re-planning time after a skip and after '15 more minutes', the "
        "planner's value as a fraction of CP-SAT's proven optimum on small museum problems, "
        "and how many planned tours exceed their budget (the target is none)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument("--runs", type=int, default=20, help="plans per budget (1-500)")
        parser.add_argument(
            "--small", type=int, default=20, help="small problems solved exactly (0-200)"
        )
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args: Any, **options: Any) -> None:
        from bench.tours.museum_bench import run_museum_bench

        runs, small = int(options["runs"]), int(options["small"])
        if not 1 <= runs <= 500 or not 0 <= small <= 200:
            raise CommandError("--runs takes 1 to 500, --small 0 to 200")
        result = run_museum_bench(runs=runs, small_instances=small, seed=int(options["seed"]))
        if options["json"]:
            self.stdout.write(json.dumps(asdict(result)))
            return
        self.stdout.write(f"{result.note}: {result.rooms} rooms, {result.objects:,} objects")
        for label, figures in {**result.planning, **result.replanning}.items():
            self.stdout.write(
                f"{label:<22} p50 {figures['p50_ms']:6.1f} ms  p95 {figures['p95_ms']:6.1f} ms  "
                f"({figures['runs']:g} runs; target p95 <= 200 ms)"
            )
        value = result.value_vs_exact
        self.stdout.write(
            f"value / proven optimum on {value['proven']:g} of {value['instances']:g} small "
            f"museum problems (8-25 objects): mean {value['mean']:.4f}, worst "
            f"{value['worst']:.4f} (target >= 0.99)"
        )
        self.stdout.write(
            f"tours over their budget: {result.over_budget} of {result.tours_checked} checked"
        )

"""The tour planner against the known optima of OPLib instances: gap, time, cost-limit check."""

import json
from argparse import ArgumentParser
from dataclasses import asdict
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tours.planning.solver import DEFAULT_TIME_LIMIT_S

DEV_SET = Path(__file__).resolve().parents[4] / "shared" / "eval" / "orienteering"


class Command(BaseCommand):
    help = (
        "Solves every instance listed in optima.jsonl, re-checks each tour with the independent "
        "checker, and prints each instance's gap to the best known score and seconds, then the "
        "mean and worst gap, the 95th percentile of seconds and how many tours broke the cost "
        "limit (the target is none)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--dir", default=str(DEV_SET), help="folder with optima.jsonl")
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT_S, metavar="S")
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args: Any, **options: Any) -> None:
        from bench.tours.orienteering_eval import evaluate

        folder = Path(options["dir"])
        if not (folder / "optima.jsonl").is_file():
            raise CommandError(f"{folder} has no optima.jsonl")
        if not 0 < float(options["time_limit"]) <= 600:
            raise CommandError("--time-limit takes 0 to 600 seconds")
        results, summary = evaluate(
            folder, time_limit_s=float(options["time_limit"]), seed=int(options["seed"])
        )
        if options["json"]:
            payload = {"instances": [asdict(r) for r in results], "summary": asdict(summary)}
            self.stdout.write(json.dumps(payload))
            return
        self.stdout.write(
            f"{'instance':<32} {'nodes':>5} {'best':>7} {'score':>7} {'gap %':>7} {'s':>6}"
        )
        for r in results:
            flag = "" if not r.check_errors else "  CHECK FAILED: " + "; ".join(r.check_errors)
            best = f"{r.optimum:g}" + ("" if r.proven else "*")
            self.stdout.write(
                f"{r.file:<32} {r.nodes:>5} {best:>7} {r.score:>7g} {r.gap_percent:>7.2f} "
                f"{r.seconds:>6.2f}{flag}"
            )
        self.stdout.write("* best known, not proven optimal (a negative gap beats it)")
        self.stdout.write(
            f"{summary.instances} instances: mean gap {summary.mean_gap_percent:.3f} %, worst "
            f"{summary.worst_gap_percent:.2f} %, p95 {summary.p95_seconds:.2f} s, over the cost "
            f"limit {summary.over_cost_limit}, failed checks {summary.failed_checks}"
        )

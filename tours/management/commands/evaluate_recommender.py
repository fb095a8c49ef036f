"""Leave-last-k-out figures of every recommender strategy on an interaction log."""

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench.tours.recommender.evaluate import METHODS, MethodFigures, evaluate_recommenders
from tours.recommending.catalogue import load_catalogue
from tours.recommending.interaction_log import LogFileError, log_from_file, read_log_header
from tours.recommending.interests import interest_choices

CUTOFF = 10


class Command(BaseCommand):
    help = (
        "Evaluates the recommender strategies (random, popularity, item_knn, content, hybrid) "
        "on an interaction log by leave-last-k-out: each visitor's last k liked objects are "
        "hidden, the strategies are fitted on the rest, and recall@10, nDCG@10 and catalogue "
        "coverage are reported. The log is one written by `simulate_visitors` (default "
        "<VAR_DIR>/simulated_visitors.jsonl). --json prints "
        '{"methods": {name: {"ndcg@10", "recall@10", "coverage"}}, "visitors": N}.'
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--log", type=Path, default=None, help="interaction log (JSON Lines)")
        parser.add_argument("--k", type=int, default=3, help="liked objects held out (default 3)")
        parser.add_argument("--seed", type=int, default=0, help="seed of the random baseline")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["log"] or Path(settings.VAR_DIR) / "simulated_visitors.jsonl"
        if not path.is_file():
            raise CommandError(f"No log at {path}: run `manage.py simulate_visitors` first.")
        if not 1 <= options["k"] <= 50:
            raise CommandError("--k must be from 1 to 50.")
        try:
            header = read_log_header(path)
            log = log_from_file(path)
        except LogFileError as exc:
            raise CommandError(str(exc)) from None
        figures, split = evaluate_recommenders(
            log,
            catalogue=load_catalogue(),
            choices=interest_choices(),
            k=options["k"],
            cutoff=CUTOFF,
            seed=options["seed"],
        )
        if not split.cases:
            raise CommandError(f"No visitor in {path} liked more than {options['k']} objects.")
        if options["json"]:
            methods = {name: figures[name].as_json(CUTOFF) for name in METHODS}
            self.stdout.write(json.dumps({"methods": methods, "visitors": len(split.cases)}))
            return
        self._report(path, header, figures, len(split.cases), log.dropped, options["k"])

    def _report(
        self,
        path: Path,
        header: dict[str, Any],
        figures: dict[str, MethodFigures],
        visitors: int,
        dropped: int,
        k: int,
    ) -> None:
        kind = "synthetic (simulated visitors)" if header.get("synthetic") else "recorded"
        self.stdout.write(f"{path}: {kind}; {visitors} visitors evaluated, last {k} likes held out")
        if dropped:
            self.stdout.write(f"({dropped} rows named objects that are not public: left out)")
        self.stdout.write(f"{'method':<12}{'nDCG@10':>10}{'recall@10':>11}{'coverage':>10}")
        for name in METHODS:
            f = figures[name]
            self.stdout.write(f"{name:<12}{f.ndcg:>10.4f}{f.recall:>11.4f}{f.coverage:>10.4f}")
        hybrid = figures["hybrid"].ndcg
        for baseline in ("popularity", "item_knn"):
            base = figures[baseline].ndcg
            ratio = f"{hybrid / base:.2f}×" if base > 0 else "n/a"
            self.stdout.write(f"hybrid / {baseline} on nDCG@10: {ratio}")

"""Evaluate search quality on a query file: each channel alone and the hybrid."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bench.search.evaluation.queries import QueryFileError, read_queries
from bench.search.evaluation.runner import METHODS, EvaluationError, evaluate


class Command(BaseCommand):
    help = (
        "nDCG@10, recall@10 and MRR of the keyword, record-text, visual and hybrid "
        "search on a JSON Lines query file, with p50/p95 latency."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--queries", required=True, type=Path, help="JSON Lines file")
        parser.add_argument(
            "--record-fields",
            choices=("all", "title"),
            default="all",
            help="'title': evaluate as if every record had only its title",
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            queries = read_queries(options["queries"])
            report = evaluate(queries, record_fields=options["record_fields"])
        except (QueryFileError, EvaluationError) as exc:
            raise CommandError(str(exc)) from None
        if options["json"]:
            self.stdout.write(json.dumps(report))
            return
        self.stdout.write(
            f"{report['queries']} queries, record fields: {report['record_fields']}\n"
            f"{'method':<10}{'nDCG@10':>10}{'recall@10':>11}{'MRR':>8}"
        )
        for method in METHODS:
            row = report["methods"][method]
            self.stdout.write(
                f"{method:<10}{row['ndcg@10']:>10.3f}{row['recall@10']:>11.3f}{row['mrr']:>8.3f}"
            )
        best = max(report["methods"][m]["ndcg@10"] for m in METHODS if m != "hybrid")
        gain = report["methods"]["hybrid"]["ndcg@10"] - best
        latency = report["latency_ms"]
        self.stdout.write(
            f"hybrid − best single channel: {gain:+.3f} nDCG@10\n"
            f"latency (whole hybrid search): p50 {latency['p50']:.1f} ms, "
            f"p95 {latency['p95']:.1f} ms"
        )

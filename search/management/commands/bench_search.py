"""Search latency on the collection (API vs its floor), or index figures on synthetic vectors."""

from __future__ import annotations

import json
import os
from argparse import ArgumentParser
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.management.base import BaseCommand, CommandError

from search.index.vector_index import KINDS

if TYPE_CHECKING:
    from bench.search.index_bench import UpdateFigures

DEV_QUERIES = Path(__file__).resolve().parents[4] / "shared" / "eval" / "search_dev.jsonl"


class Command(BaseCommand):
    help = (
        "Without --synthetic: p50/p95 of GET /api/search/ over the dev queries beside the floor "
        "(text encoding + FAISS search alone) and their ratio. With --synthetic N: build time, "
        "memory, recall@10 and single-query latency of each index kind over N clustered vectors, "
        "and the time of one single-vector index_upsert into it vs publishing the whole index. "
        "With --keyword-rows N --postgres URL: the PostgreSQL keyword channel over N synthetic "
        "records, each query's p50/p95 before (every match ranked) and after (bounded candidates)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--synthetic", type=int, metavar="N", help="vectors (up to 1,000,000)")
        parser.add_argument(
            "--queries", type=int, default=None, help="held-out queries (synthetic: 1000)"
        )
        parser.add_argument("--kinds", default=",".join(KINDS), help="index kinds, comma-separated")
        parser.add_argument("--dim", type=int, default=384)
        parser.add_argument("--build-threads", type=int, default=os.cpu_count() or 1)
        parser.add_argument(
            "--query-file", default=str(DEV_QUERIES), help="JSON Lines with a 'query' field"
        )
        parser.add_argument("--repeat", type=int, default=4, help="passes over the dev queries")
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument(
            "--keyword-rows", type=int, metavar="N", help="synthetic keyword records (up to 2M)"
        )
        parser.add_argument(
            "--postgres",
            metavar="URL",
            help="a scratch PostgreSQL database for --keyword-rows (schema bench_keyword)",
        )
        parser.add_argument("--keyword-repeat", type=int, default=30, help="timings per query")
        parser.add_argument("--explain", action="store_true", help="print the query plans")
        parser.add_argument(
            "--before-repeat", type=int, default=5, help="timings of the old unbounded statement"
        )
        parser.add_argument("--keep", action="store_true", help="keep the synthetic schema")
        parser.add_argument(
            "--reuse", action="store_true", help="measure the records a --keep run left"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["keyword_rows"] is not None:
            result = self._keyword(options)
        elif options["synthetic"] is not None:
            result = self._synthetic(options)
        else:
            result = self._collection(options)
        if options["json"]:
            self.stdout.write(json.dumps(result))

    def _synthetic(self, options: dict[str, Any]) -> dict[str, Any]:
        from bench.search.index_bench import UpdateFigures, synthetic_benchmark

        n = int(options["synthetic"])
        if not 1_000 <= n <= 1_000_000:
            raise CommandError("--synthetic takes 1,000 to 1,000,000 vectors")
        kinds = tuple(k.strip() for k in options["kinds"].split(",") if k.strip())
        if not kinds or set(kinds) - set(KINDS):
            raise CommandError(f"--kinds takes some of {', '.join(KINDS)}")
        if "flat" in kinds:  # the exact index is the baseline: measure it first
            kinds = ("flat", *(k for k in kinds if k != "flat"))
        queries = int(options["queries"] or 1000)
        rows: list[dict[str, Any]] = []
        if not options["json"]:
            self.stdout.write(
                f"{n:,} vectors, {options['dim']} d, {queries} held-out queries, k=10"
            )
            self.stdout.write(
                f"{'kind':<6} {'setting':<20} {'build s':>8} {'RSS MB':>8} {'recall@10':>9} "
                f"{'p50 ms':>7} {'p95 ms':>7} {'p50/flat':>8}"
            )
        figures = synthetic_benchmark(
            n, queries, kinds, dim=int(options["dim"]), build_threads=int(options["build_threads"])
        )
        updates: list[dict[str, Any]] = []
        for figure in figures:
            if isinstance(figure, UpdateFigures):
                updates.append({**asdict(figure), "upsert_vs_publish": figure.ratio})
                if not options["json"]:
                    self._write_update(figure)
                continue
            row = asdict(figure)
            baseline = rows[0]["p50_ms"] if rows and rows[0]["kind"] == "flat" else figure.p50_ms
            row["p50_vs_flat"] = figure.p50_ms / baseline if baseline else None
            rows.append(row)
            if not options["json"]:
                ratio = f"{row['p50_vs_flat']:.3f}" if row["p50_vs_flat"] is not None else "-"
                self.stdout.write(
                    f"{figure.kind:<6} {figure.setting:<20} {figure.build_s:>8.1f} "
                    f"{figure.rss_delta_bytes / 2**20:>8.0f} {figure.recall_at_10:>9.4f} "
                    f"{figure.p50_ms:>7.3f} {figure.p95_ms:>7.3f} {ratio:>8}"
                )
                self.stdout.flush()
        return {
            "vectors": n,
            "dim": options["dim"],
            "queries": queries,
            "kinds": rows,
            "updates": updates,
        }

    def _keyword(self, options: dict[str, Any]) -> dict[str, Any]:
        import psycopg

        from bench.search import keyword_bench

        rows = int(options["keyword_rows"])
        if not 1_000 <= rows <= 2_000_000:
            raise CommandError("--keyword-rows takes 1,000 to 2,000,000 records")
        if not options["postgres"]:
            raise CommandError("--keyword-rows needs --postgres postgres://… (a scratch database)")
        repeat = max(3, int(options["keyword_repeat"]))
        with psycopg.connect(options["postgres"], autocommit=True) as connection:
            cursor = connection.cursor()
            try:
                reused = options["reuse"] and keyword_bench.reusable(cursor, rows)
                fill_s = 0.0 if reused else keyword_bench.fill(cursor, rows)
                figures = keyword_bench.measure_queries(
                    cursor, repeat=repeat, before_repeat=max(1, int(options["before_repeat"]))
                )
                plans = {
                    name: keyword_bench.explain(cursor, terms)
                    for name, terms in keyword_bench.QUERIES
                    if options["explain"]
                }
            finally:
                if not options["keep"]:
                    keyword_bench.drop(cursor)
        result = {
            "records": rows,
            "synthetic": True,
            "fill_s": fill_s,
            "reused": reused,
            "repeat": repeat,
            "queries": [{**asdict(f), "p95_after_vs_before": f.p95_ratio} for f in figures],
        }
        if not options["json"]:
            self.stdout.write(
                f"{rows:,} synthetic keyword records (generated, not imported"
                f"{', reused' if reused else f' in {fill_s:.0f} s'}); one search's keyword work "
                f"(search + term maxima) per query, {repeat} timings after, "
                f"{options['before_repeat']} before, limit {keyword_bench.LIMIT}"
            )
            self.stdout.write(
                f"{'query':<15} {'matching':>9} {'before p50':>10} {'p95':>8} "
                f"{'after p50':>9} {'p95':>7} {'p95 ratio':>9} {'top-10 rank kept':>16}"
            )
            for f in figures:
                self.stdout.write(
                    f"{f.name:<15} {f.matching:>9,} {f.before_p50_ms:>10.1f} "
                    f"{f.before_p95_ms:>8.1f} {f.after_p50_ms:>9.1f} {f.after_p95_ms:>7.1f} "
                    f"{f.p95_ratio:>9.3f} {f.top10_rank_kept:>16.3f}"
                )
            for name, (before, after) in plans.items():
                self.stdout.write(f"\n== {name}: before ==\n{before}\n== after ==\n{after}")
        return result

    def _write_update(self, figure: UpdateFigures) -> None:
        # One edit now (a delta record) against the whole index written (every edit before).
        self.stdout.write(
            f"{figure.kind:<6} edit: index_upsert of 1 vector {figure.upsert_ms:.2f} ms "
            f"({figure.upsert_bytes / 2**10:.1f} KiB written) vs publishing the whole index "
            f"{figure.publish_ms:.1f} ms ({figure.publish_bytes / 2**20:.1f} MiB): "
            f"ratio {figure.ratio:.4f}"
        )
        self.stdout.flush()

    def _collection(self, options: dict[str, Any]) -> dict[str, Any]:
        from bench.search.api_bench import api_benchmark
        from bench.search.evaluation.queries import QueryFileError, read_queries

        try:
            queries = [q.query for q in read_queries(Path(options["query_file"]))]
        except QueryFileError as error:
            raise CommandError(f"cannot read the queries: {error}") from error
        if options["queries"]:
            queries = queries[: int(options["queries"])]
        try:
            result = api_benchmark(queries, repeat=max(1, int(options["repeat"])))
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        if not options["json"]:
            floor, api = result["floor_ms"], result["api_ms"]
            self.stdout.write(f"{result['queries']} queries × {result['repeat']} passes")
            self.stdout.write(
                f"floor (encode + FAISS): p50 {floor['p50']:.2f} ms, p95 {floor['p95']:.2f} ms"
            )
            self.stdout.write(
                f"API GET /api/search/:   p50 {api['p50']:.2f} ms, p95 {api['p95']:.2f} ms"
            )
            self.stdout.write(
                f"ratio API/floor: p50 {result['ratio_p50']:.2f}, p95 {result['ratio_p95']:.2f}"
            )
            stages = ", ".join(f"{s} {ms:.1f}" for s, ms in result["api_stage_p50_ms"].items())
            self.stdout.write(f"API stages, median ms: {stages}")
        return result

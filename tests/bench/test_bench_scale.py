"""``manage.py bench_scale``: refused off PostgreSQL + Redis, and a real small run on them."""

import json
import math
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from bench.scale.load import SCENARIOS


def _scaled_out() -> bool:
    return bool(settings.REDIS_URL) and connection.vendor == "postgresql"


def test_it_is_refused_where_the_site_is_not_scaled_out(settings: object) -> None:
    if _scaled_out():
        settings.REDIS_URL = ""  # type: ignore[attr-defined]
        expected = "needs Redis"
    else:
        expected = "DATABASE_URL=postgres|needs Redis"
    with pytest.raises(CommandError, match=expected):
        call_command("bench_scale", "--objects", "10")


@pytest.mark.parametrize(
    "arguments",
    [
        ["--objects", "0"],
        ["--objects", "10", "--workers", "0"],
        ["--objects", "10", "--clients", "0"],
    ],
)
def test_out_of_range_arguments_are_refused(arguments: list[str]) -> None:
    with pytest.raises(CommandError, match="must be"):
        call_command("bench_scale", *arguments)


@pytest.mark.scaleout
@pytest.mark.skipif(not _scaled_out(), reason="needs DATABASE_URL=postgres://… and REDIS_URL")
def test_a_small_run_reports_every_figure_as_one_json_object() -> None:
    out = StringIO()
    call_command(
        "bench_scale",
        "--objects=200",
        "--synthetic-embeddings",
        "--embed-sample=16",
        "--workers=2",
        "--clients=4",
        "--requests=12",
        "--warmup=4",
        # Not the command's own: a benchmark someone runs beside the suite keeps its data.
        "--database=vitrine_bench_scale_test",
        "--redis-db=8",
        "--json",
        stdout=out,
    )
    report = json.loads(out.getvalue())
    assert report["objects"] == 200
    assert report["database"] == "postgresql"
    assert report["embeddings"] == "synthetic"
    for key in (
        "import_records_per_s",
        "embed_records_per_s",
        "index_build_s",
        "rss_mb_per_worker",
    ):
        assert _positive(report[key]), (key, report[key])
    assert list(report["pages"]) == list(SCENARIOS)
    for name, figures in report["pages"].items():
        assert _positive(figures["p50_ms"]) and _positive(figures["p95_ms"]), (name, figures)
        assert figures["p50_ms"] <= figures["p95_ms"]
        if name != "minimal":
            assert _positive(figures["p95_ratio"]), (name, figures)


def _positive(value: object) -> bool:
    return isinstance(value, int | float) and math.isfinite(value) and value > 0

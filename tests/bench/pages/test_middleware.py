import pytest
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from bench.pages.server_timing import ServerTimingMiddleware, parse_server_timing


def ok_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


def test_server_timing_header_reports_processing_time(settings: object) -> None:
    settings.VITRINE_SERVER_TIMING = True  # type: ignore[attr-defined]
    middleware = ServerTimingMiddleware(ok_view)

    response = middleware(RequestFactory().get("/healthz/"))

    wall = parse_server_timing(response["Server-Timing"], "app")
    cpu = parse_server_timing(response["Server-Timing"])
    assert wall is not None and cpu is not None
    assert 0 <= wall < 1000
    assert 0 <= cpu < 1000


def test_server_timing_is_off_unless_enabled(settings: object) -> None:
    settings.VITRINE_SERVER_TIMING = False  # type: ignore[attr-defined]
    with pytest.raises(MiddlewareNotUsed):
        ServerTimingMiddleware(ok_view)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("cpu;dur=12.5", 12.5),
        ('app;dur=30, cpu;desc="Django";dur=7', 7.0),
        ("app;dur=1", None),
        ("cpu;dur=abc", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_server_timing_reads_only_the_cpu_metric(
    header: str | None, expected: float | None
) -> None:
    assert parse_server_timing(header) == expected


def test_production_settings_never_send_server_timing() -> None:
    from config import settings as production

    assert not any("server_timing" in path.lower() for path in production.MIDDLEWARE)
    assert not getattr(production, "VITRINE_SERVER_TIMING", False)


def test_the_benchmark_settings_add_it_first() -> None:
    from bench import settings as bench_settings

    assert bench_settings.MIDDLEWARE[0] == "bench.pages.server_timing.ServerTimingMiddleware"
    assert bench_settings.VITRINE_SERVER_TIMING is True

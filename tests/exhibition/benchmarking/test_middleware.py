import pytest
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from exhibition.benchmarking.middleware import ServerTimingMiddleware, parse_server_timing


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

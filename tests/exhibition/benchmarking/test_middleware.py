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

    duration = parse_server_timing(response["Server-Timing"])
    assert duration is not None
    assert 0 <= duration < 1000


def test_server_timing_is_off_unless_enabled(settings: object) -> None:
    settings.VITRINE_SERVER_TIMING = False  # type: ignore[attr-defined]
    with pytest.raises(MiddlewareNotUsed):
        ServerTimingMiddleware(ok_view)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("app;dur=12.5", 12.5),
        ('db;dur=3, app;desc="Django";dur=7', 7.0),
        ("cache;dur=1", None),
        ("app;dur=abc", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_server_timing_reads_only_the_app_metric(
    header: str | None, expected: float | None
) -> None:
    assert parse_server_timing(header) == expected

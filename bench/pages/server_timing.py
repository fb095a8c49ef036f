"""Adds a ``Server-Timing`` header with Django's own processing time for each request.

``app;dur`` is the wall time spent in the middleware chain; ``cpu;dur`` is the CPU time
of the thread that handled the request. Under daphne every sync view and middleware of
a request runs in one thread while this (sync) middleware holds it, but the wall time
also counts hops through the busy event loop; the CPU figure is the server's own work,
which the benchmark compares between pages.

Exact timings help an attacker probe for slow paths, so only ``bench.settings`` lists it
(first, so that it covers all others), and it stays off unless ``VITRINE_SERVER_TIMING``
is true as a second guard.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpRequest, HttpResponse

HEADER = "Server-Timing"
WALL_METRIC = "app"
CPU_METRIC = "cpu"


class ServerTimingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if not getattr(settings, "VITRINE_SERVER_TIMING", False):
            raise MiddlewareNotUsed("VITRINE_SERVER_TIMING is off")
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        wall_started, cpu_started = time.perf_counter(), time.thread_time()
        response = self.get_response(request)
        cpu_ms = (time.thread_time() - cpu_started) * 1000
        wall_ms = (time.perf_counter() - wall_started) * 1000
        # Streaming responses (static files, media) finish later; their figures cover
        # the view only, which is what the benchmark compares.
        response[HEADER] = f"{WALL_METRIC};dur={wall_ms:.3f}, {CPU_METRIC};dur={cpu_ms:.3f}"
        return response


def parse_server_timing(value: str | None, metric: str = CPU_METRIC) -> float | None:
    """The duration in milliseconds of ``metric`` in a Server-Timing header, if present."""
    if not value:
        return None
    for entry in value.split(","):
        name, _, params = entry.strip().partition(";")
        if name.strip() != metric:
            continue
        for param in params.split(";"):
            key, _, raw = param.strip().partition("=")
            if key == "dur":
                try:
                    return float(raw)
                except ValueError:
                    return None
    return None

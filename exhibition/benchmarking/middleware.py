"""Adds a ``Server-Timing: app;dur=<ms>`` header with Django's own processing time.

The benchmark reads it to tell server work apart from time spent queueing in the
ASGI server. It is off unless ``VITRINE_SERVER_TIMING`` is true, because exact
timings help an attacker probe for slow paths; put it first in ``MIDDLEWARE`` so it
covers every other middleware too.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpRequest, HttpResponse

HEADER = "Server-Timing"
METRIC = "app"


class ServerTimingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if not getattr(settings, "VITRINE_SERVER_TIMING", False):
            raise MiddlewareNotUsed("VITRINE_SERVER_TIMING is off")
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        # Streaming responses (static files, media) finish later; their figure covers the
        # view only, which is what the benchmark compares.
        response[HEADER] = f"{METRIC};dur={elapsed_ms:.3f}"
        return response


def parse_server_timing(value: str | None) -> float | None:
    """The ``app`` duration in milliseconds from a Server-Timing header, if present."""
    if not value:
        return None
    for entry in value.split(","):
        name, _, params = entry.strip().partition(";")
        if name.strip() != METRIC:
            continue
        for param in params.split(";"):
            key, _, raw = param.strip().partition("=")
            if key == "dur":
                try:
                    return float(raw)
                except ValueError:
                    return None
    return None

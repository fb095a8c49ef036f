"""Each request timed, counted in a latency histogram and logged as one line.

First in `MIDDLEWARE`, so the time covers every other middleware. The histogram's labels are
the view's name (`resolver_match.view_name`, or "unresolved" when no URL matched), the method
(the standard ones, else "other") and the status class ("2xx"): never the path, so the
number of series stays bounded whatever addresses clients make up. The log line has the
request id (an `X-Request-ID` the proxy sent when well formed, else a new one; echoed on the
response), view, method, status, duration and the path without its query string (search
words and tokens are the visitor's business).
"""

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from prometheus_client import Histogram

from config.json_logging import request_id_var

logger = logging.getLogger("vitrine.request")

REQUEST_ID_HEADER = "X-Request-ID"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNRESOLVED = "unresolved"

REQUEST_LATENCY = Histogram(
    "vitrine_http_request_duration_seconds",
    "Time from the first middleware to the response, by view, method and status class.",
    ["view", "method", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)


def view_label(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None or not match.view_name:
        return UNRESOLVED
    return str(match.view_name)


def method_label(method: str | None) -> str:
    return method if method in _METHODS else "other"


def request_id_for(request: HttpRequest) -> str:
    given = request.headers.get(REQUEST_ID_HEADER, "")
    return given if _REQUEST_ID.match(given) else uuid.uuid4().hex


class RequestMetricsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.observe = settings.VITRINE_METRICS

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        request_id = request_id_for(request)
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            elapsed = time.perf_counter() - started
            view = view_label(request)
            method = method_label(request.method)
            if self.observe:
                status_class = f"{response.status_code // 100}xx"
                REQUEST_LATENCY.labels(view, method, status_class).observe(elapsed)
            response[REQUEST_ID_HEADER] = request_id
            logger.info(
                "%s %s %s %.1f ms",
                method,
                view,
                response.status_code,
                elapsed * 1000,
                extra={
                    "request_id": request_id,
                    "view": view,
                    "method": method,
                    "status": response.status_code,
                    "duration_ms": round(elapsed * 1000, 2),
                    "path": request.path[:200],
                },
            )
            return response
        finally:
            request_id_var.reset(token)

"""How many reports one client may have made, and how many may wait at once.

Serving a report that exists costs a file read; making one costs seconds of rendering.
So only requests that would make a new report count: per client (REPORTS_RATE, in the
throttle cache like the site's other limits) and for the whole site (REPORTS_MAX_QUEUED
waiting or being made), so a crawler following every report link cannot keep the
server rendering thousands of PDFs.
"""

import math
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from rest_framework.throttling import SimpleRateThrottle

from config.throttling import throttle_cache


class ReportThrottle(SimpleRateThrottle):
    scope = "reports"

    def __init__(self) -> None:
        super().__init__()
        self.cache = throttle_cache()

    def get_rate(self) -> str:
        return str(settings.REPORTS_RATE)

    def get_cache_key(self, request: Any, view: Any) -> str:
        user = getattr(request, "user", None)
        ident = f"user-{user.pk}" if user is not None and user.is_authenticated else None
        return self.cache_format % {"scope": self.scope, "ident": ident or self.get_ident(request)}


def report_making_wait(request: HttpRequest) -> int | None:
    """None if this client may have one more report made now (and counts it), else whole
    seconds to wait."""
    throttle = ReportThrottle()
    # DRF's throttles read only ``user`` and ``META``, which a Django request has too.
    drf_request: Any = request
    no_view: Any = None
    if throttle.allow_request(drf_request, no_view):
        return None
    return max(1, math.ceil(throttle.wait() or 1))

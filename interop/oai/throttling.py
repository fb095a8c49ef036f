"""How often one harvester may ask, counted in the site's throttle cache like the APIs.

A harvester that asks too often is told to come back later with 503 and Retry-After, the
flow control OAI-PMH names (section 3.1.2.2); harvesters such as sickle obey it.
"""

import math
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from rest_framework.throttling import SimpleRateThrottle

from config.throttling import throttle_cache


class OaiThrottle(SimpleRateThrottle):
    scope = "oai"

    def __init__(self) -> None:
        super().__init__()
        self.cache = throttle_cache()

    def get_rate(self) -> str:
        return str(settings.OAI_RATE)

    def get_cache_key(self, request: Any, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def oai_wait(request: HttpRequest) -> int | None:
    """None if this client may ask now, else whole seconds to wait."""
    throttle = OaiThrottle()
    # DRF's throttles read only ``META`` here, which a Django request has too.
    drf_request: Any = request
    no_view: Any = None
    if throttle.allow_request(drf_request, no_view):
        return None
    return max(1, math.ceil(throttle.wait() or 1))

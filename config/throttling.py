"""Rate limits that count in the throttle cache, never in the page cache.

DRF's throttles count in the default cache, where the whole-page cache and search's
per-version copies live too; with the local-memory cache a few hundred distinct page
URLs evicted every client's counter. These count in ``CACHES["throttle"]`` instead
(its own local-memory store, or its own key prefix or Redis database when scaled out).
"""

from typing import Any

from django.conf import settings
from django.core.cache import BaseCache, caches
from rest_framework import throttling


def throttle_cache() -> BaseCache:
    return caches[settings.THROTTLE_CACHE]


class AnonRateThrottle(throttling.AnonRateThrottle):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cache = throttle_cache()

"""How often one visitor may search by photo, on the page form and the API alike.

Reading a photo is the most expensive thing a visitor can ask of the site, so besides the
API's anonymous rate it has its own, for every visitor (signed in or not) and shared by
``POST /search/photo/`` and ``POST /api/search/by-image/``: changing door does not reset
the count. Both use DRF's throttle classes, so their counts live wherever DRF throttles
keep theirs: the throttle cache (config.throttling), never the page cache.
"""

import math
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

from config.throttling import throttle_cache


class PhotoSearchThrottle(SimpleRateThrottle):
    scope = "search_photo"

    def __init__(self) -> None:
        super().__init__()
        self.cache = throttle_cache()

    def get_rate(self) -> str:
        return str(settings.SEARCH_PHOTO_RATE)

    def get_cache_key(self, request: Any, view: Any) -> str:
        user = getattr(request, "user", None)
        ident = f"user-{user.pk}" if user is not None and user.is_authenticated else None
        return self.cache_format % {"scope": self.scope, "ident": ident or self.get_ident(request)}


def photo_throttles() -> list[BaseThrottle]:
    """The site's default API throttles and the photo one, as the by-photo API applies them."""
    # api_settings imports the classes its dotted paths name (typed as strings).
    defaults: list[Any] = list(api_settings.DEFAULT_THROTTLE_CLASSES)
    return [throttle() for throttle in defaults] + [PhotoSearchThrottle()]


def photo_search_wait(request: HttpRequest) -> int | None:
    """None if this visitor may search by photo now, else whole seconds to wait.

    For the page form, which is a plain Django view: it counts against the same throttles
    (and the same counts) as the API.
    """
    # DRF's throttles read only ``user`` and ``META``, which a Django request has too,
    # and never the view.
    drf_request: Any = request
    no_view: Any = None
    waits = [
        throttle.wait() or 1.0
        for throttle in photo_throttles()
        if not throttle.allow_request(drf_request, no_view)
    ]
    return math.ceil(max(waits)) if waits else None


def wait_words(seconds: int) -> str:
    if seconds < 90:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


def photo_throttled_message(seconds: int) -> str:
    """What a visitor who searched by photo too often reads, in the request's language."""
    return _(
        "You have searched with a photo many times in a short while. Please wait %(wait)s "
        "and try again; searching with words is not limited in this way."
    ) % {"wait": wait_words(seconds)}

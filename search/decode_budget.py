"""A per-process budget of memory for reading visitors' photos: a weighted semaphore.

A photo is decoded at full size at least once (a PNG cannot be read at a reduced scale),
so what one decode costs depends on the photo: a small JPEG a few megabytes, a 40 MP PNG
about 200 MB. Counting decodes would either allow several large ones at once or turn
small ones away; instead each decode reserves its estimated peak in bytes
(``search.photo_decode.decode_cost``) and waits, for a bounded time and in a bounded
queue, until the budget has room. A visitor who cannot be served in that time is told
so (503 with Retry-After) rather than queued without end.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from search.upload_errors import PhotoSearchBusy

# Translated when raised (on the request's thread), in the request's language.
BUSY_MESSAGE = gettext_noop(
    "Search by photo is busy right now: many photos are being read at once. "
    "Please try again in a few seconds."
)

_condition = threading.Condition()
_state = {"used": 0, "waiting": 0}


def capacity_bytes() -> int:
    return int(settings.SEARCH_PHOTO_DECODE_BUDGET_MB) * 1024 * 1024


def bytes_in_use() -> int:
    with _condition:
        return _state["used"]


def _busy() -> PhotoSearchBusy:
    return PhotoSearchBusy(
        _(BUSY_MESSAGE), retry_after=max(1, round(settings.SEARCH_PHOTO_DECODE_WAIT_SECONDS))
    )


@contextmanager
def reserve(cost: int) -> Iterator[None]:
    """Hold ``cost`` bytes of the budget while the block runs; PhotoSearchBusy if none free.

    A cost above the whole budget is the caller's to refuse first (it could never run).
    """
    capacity = capacity_bytes()

    def fits() -> bool:
        return _state["used"] + cost <= capacity

    with _condition:
        if not fits():
            if _state["waiting"] >= settings.SEARCH_PHOTO_DECODE_MAX_WAITING:
                raise _busy()
            _state["waiting"] += 1
            try:
                admitted = _condition.wait_for(
                    fits, timeout=settings.SEARCH_PHOTO_DECODE_WAIT_SECONDS
                )
            finally:
                _state["waiting"] -= 1
            if not admitted:
                raise _busy()
        _state["used"] += cost
    try:
        yield
    finally:
        with _condition:
            _state["used"] -= cost
            _condition.notify_all()

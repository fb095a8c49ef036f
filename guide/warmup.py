"""Readying the guide when a web server starts, not at the first visitor's question.

The records catalogue, the intent examples' vectors and the text encoder are built once
per process; config/asgi.py starts this on a background thread beside search's warm-up
(the same SEARCH_WARM_UP switch, for the same reason: forking servers must not preload).
"""

import logging
import threading

from django.conf import settings

logger = logging.getLogger(__name__)


def warm_up() -> None:
    from guide.answering.intents import example_vectors
    from guide.answering.passages import encode_question
    from guide.answering.records import catalogue

    catalogue()
    example_vectors()
    encode_question("warm up")


def _warm_up_logged() -> None:
    try:
        warm_up()
    except Exception:  # the guide says "unavailable" per question; the server stays up
        logger.exception("guide: warming up the answering failed")


def warm_up_in_background() -> threading.Thread | None:
    if not settings.SEARCH_WARM_UP:
        return None
    thread = threading.Thread(target=_warm_up_logged, name="guide-warm-up", daemon=True)
    thread.start()
    return thread

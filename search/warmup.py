"""Loading the search models and indexes when a web server starts, not at the first search.

Built lazily, the encoders and indexes would make the first visitor after every restart
wait several seconds. The web server's entry point (config/asgi.py) starts this on a
background thread instead; a search that arrives meanwhile waits for the same locks,
never for a second copy.

Only for servers that do not fork after loading the application (daphne, uvicorn):
torch and OpenMP state built before a fork can hang the children, so a preloading,
forking server must run with SEARCH_WARM_UP=0.
"""

import logging
import threading

from django.conf import settings

logger = logging.getLogger(__name__)


def warm_up() -> None:
    """Build the encoders, run one query through them, load every published index and
    calibrate the relevance floor (names the collection lacks, search.relevance)."""
    from search.embeddings import SPACES
    from search.index import load_index
    from search.query_encoding import encode_query
    from search.relevance import floors_for
    from search.retrieval import SiteSources

    encode_query("warm up")
    for space in SPACES:
        load_index(space)
    floors_for(SiteSources())


def _warm_up_logged() -> None:
    try:
        warm_up()
    except Exception:  # a broken model must not take the server down; searches will say
        logger.exception("search: warming up the models and indexes failed")


def warm_up_in_background() -> threading.Thread | None:
    """Start warming up (unless SEARCH_WARM_UP is off); the thread, for tests to join."""
    if not settings.SEARCH_WARM_UP:
        return None
    thread = threading.Thread(target=_warm_up_logged, name="search-warm-up", daemon=True)
    thread.start()
    return thread

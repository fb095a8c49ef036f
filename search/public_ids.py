"""Which object ids are public now, held in memory for the current collection version.

Every search checks its candidates (a few hundred ids per channel) against the public
records. Asking the database costs a query per channel on every search; instead this
process keeps the set of public ids for the current *collection version* (see
``exhibition.page_cache``: every write to the collection moves it on), so a record made
restricted drops out of the next search exactly as it drops out of the next page.

Above ``SEARCH_PUBLIC_IDS_IN_MEMORY`` public records the set is not held (it would cost
tens of megabytes per worker and a long rebuild after each change) and the database
answers as before.
"""

import threading

from django.conf import settings

from exhibition.page_cache import collection_version
from exhibition.selectors import public_objects

_lock = threading.Lock()
# (collection version, the public ids, or None when there are too many to hold)
_held: tuple[int, frozenset[int] | None] | None = None


def public_ids() -> frozenset[int] | None:
    """The ids of every public object, or None when the collection is too big to hold."""
    global _held
    version = collection_version()
    held = _held
    if held is not None and held[0] == version:
        return held[1]
    with _lock:
        if _held is not None and _held[0] == version:
            return _held[1]
        limit = int(settings.SEARCH_PUBLIC_IDS_IN_MEMORY)
        ids = list(public_objects().order_by().values_list("pk", flat=True)[: limit + 1])
        _held = (version, frozenset(ids) if len(ids) <= limit else None)
        return _held[1]


def forget() -> None:
    """Drop the held set (tests: a rolled-back transaction reuses version numbers)."""
    global _held
    with _lock:
        _held = None

"""Whether the catalogue is sparse: most public records have no description.

Held per collection version (every write moves it on), so a search asks the database at
most once per change. See search.feedback for what a sparse catalogue changes.
"""

import threading

from exhibition.page_cache import collection_version
from exhibition.selectors import public_objects

# A catalogue counts as sparse when more than this share of its public records has no
# description (titles, names and dates only: the common case of digitised inventories).
SPARSE_SHARE = 0.5

_lock = threading.Lock()
_held: tuple[int, bool] | None = None


def catalogue_is_sparse() -> bool:
    global _held
    version = collection_version()
    held = _held
    if held is not None and held[0] == version:
        return held[1]
    with _lock:
        public = public_objects().order_by()
        total = public.count()
        undescribed = public.filter(description="").count()
        _held = (version, total > 0 and undescribed > SPARSE_SHARE * total)
        return _held[1]


def forget() -> None:
    """Drop the held answer (tests: a rolled-back transaction reuses version numbers)."""
    global _held
    with _lock:
        _held = None

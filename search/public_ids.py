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

from django.conf import settings

from exhibition.selectors import public_objects
from search.per_version import VersionedValue


def _read_public_ids() -> frozenset[int] | None:
    limit = int(settings.SEARCH_PUBLIC_IDS_IN_MEMORY)
    ids = list(public_objects().order_by().values_list("pk", flat=True)[: limit + 1])
    return frozenset(ids) if len(ids) <= limit else None


_PUBLIC_IDS = VersionedValue(_read_public_ids)


def public_ids() -> frozenset[int] | None:
    """The ids of every public object, or None when the collection is too big to hold."""
    return _PUBLIC_IDS.get()

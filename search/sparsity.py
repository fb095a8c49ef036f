"""Whether the catalogue is sparse: most public records have no description.

Held per collection version (every write moves it on), so a search asks the database at
most once per change. See search.feedback for what a sparse catalogue changes.
"""

from exhibition.selectors import public_objects
from search.per_version import VersionedValue

# A catalogue counts as sparse when more than this share of its public records has no
# description (titles, names and dates only: the common case of digitised inventories).
SPARSE_SHARE = 0.5


def _read_sparsity() -> bool:
    public = public_objects().order_by()
    total = public.count()
    return total > 0 and public.filter(description="").count() > SPARSE_SHARE * total


_SPARSE = VersionedValue(_read_sparsity)


def catalogue_is_sparse() -> bool:
    return _SPARSE.get()

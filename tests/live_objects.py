"""How many instances of a model this process holds: for tests of memory-bounded reads."""

import gc

from django.db.models import Model


def live_instances(model: type[Model]) -> int:
    gc.collect()  # prefetched links refer back to their object: cycles, not yet collected
    # ``type`` rather than ``isinstance``: the heap holds weak proxies, and asking a dead
    # one for its class raises ReferenceError.
    return sum(type(o) is model for o in gc.get_objects())

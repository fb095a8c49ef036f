"""Keeps embeddings and vector indexes in step with the collection (see SearchConfig.ready).

The other way round too: what search computes is part of what the site shows (the
"More like this" panel of a cached object page, the classifier concepts in a hit's
explanation), so ``search.embeddings`` moves the collection version on when it writes
embeddings or changes an index, like any edit.
"""

import logging
from typing import Any

from django.conf import settings
from django.db import transaction

from exhibition.models import CollectionObject
from exhibition.signals import collection_object_changed, collection_object_deleted

logger = logging.getLogger(__name__)


def embedding_on_change() -> bool:
    """Off only where embedding on every save is unwanted (test suites of other apps)."""
    return bool(getattr(settings, "SEARCH_EMBED_ON_CHANGE", True))


def on_object_changed(sender: Any, *, collection_object: CollectionObject, **kwargs: Any) -> None:
    from search.tasks import embed_object

    if not embedding_on_change():
        return
    object_id = collection_object.pk
    transaction.on_commit(lambda: _run(embed_object, object_id))


def on_object_deleted(sender: Any, *, object_id: int, **kwargs: Any) -> None:
    from search.tasks import unindex_object

    transaction.on_commit(lambda: _run(unindex_object, object_id))


def _run(task: Any, object_id: int) -> None:
    # Tasks run eagerly without a broker: a model that fails on one image must not turn an
    # import or an admin save into an error. The object is re-embedded by the next change
    # or by `embed_collection`.
    try:
        task.delay(object_id)
    except Exception:
        logger.exception("search: %s failed for object %s", task.name, object_id)


def connect() -> None:
    collection_object_changed.connect(on_object_changed, dispatch_uid="search.embed_object")
    collection_object_deleted.connect(on_object_deleted, dispatch_uid="search.unindex_object")

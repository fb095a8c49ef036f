"""Keeps the keyword index in step with the collection (signals sent after commit)."""

from typing import Any

from exhibition.models import CollectionObject
from exhibition.signals import collection_object_changed, collection_object_deleted
from search.keyword import keyword_index_object, keyword_remove


def on_object_changed(sender: Any, *, collection_object: CollectionObject, **kwargs: Any) -> None:
    # Cheap (one row), so it runs in-process rather than as a task.
    keyword_index_object(collection_object=collection_object)


def on_object_deleted(sender: Any, *, object_id: int, **kwargs: Any) -> None:
    keyword_remove(object_ids=[object_id])


def connect() -> None:
    collection_object_changed.connect(on_object_changed, dispatch_uid="search.keyword.changed")
    collection_object_deleted.connect(on_object_deleted, dispatch_uid="search.keyword.deleted")

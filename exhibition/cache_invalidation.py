"""Moves the collection version on after any write to the exhibition app's tables.

A signal, not a service call, on purpose: a stale page could show a record a curator has
just restricted, so *every* write path (admin, import, review, shell) must invalidate,
including ones written later by someone who never heard of the page cache. Writes that
bypass signals (`QuerySet.update`, `bulk_create`) call `collection_changed()` themselves.
"""

from typing import Any

from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

from exhibition.models import CollectionVersion
from exhibition.page_cache import collection_changed


def _on_write(sender: type[Model], **kwargs: Any) -> None:
    if sender._meta.app_label == "exhibition" and sender is not CollectionVersion:
        collection_changed()


def _on_m2m(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if instance._meta.app_label == "exhibition" and kwargs.get("action", "").startswith("post_"):
        collection_changed()


def connect() -> None:
    post_save.connect(_on_write, dispatch_uid="vitrine-page-cache-save")
    post_delete.connect(_on_write, dispatch_uid="vitrine-page-cache-delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="vitrine-page-cache-m2m")

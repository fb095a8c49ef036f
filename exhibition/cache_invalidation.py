"""Moves the collection version on after any write to the exhibition app's tables.

A signal, not a service call, on purpose: a stale page could show a record a curator has
just restricted, so *every* write path (admin, import, review, shell) must invalidate,
including ones written later by someone who never heard of the page cache. Writes that
bypass signals (`QuerySet.update`, `bulk_create`) call `collection_changed()` themselves.
"""

from typing import Any

from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

from exhibition.models import CollectionVersion, MachineOutput, MachineOutputKind, ProvenanceEvent
from exhibition.page_cache import collection_changed


def _on_write(sender: type[Model], **kwargs: Any) -> None:
    if sender._meta.app_label != "exhibition" or sender is CollectionVersion:
        return
    if _is_guide_answer(sender, kwargs.get("instance")):
        return
    collection_changed()


def _is_guide_answer(sender: type[Model], instance: Model | None) -> bool:
    """A guide answer is recorded for curators and shown on no public page: recording one
    per visitor question must not empty every cache (nor rebuild the guide's records)."""
    if isinstance(instance, MachineOutput):
        return instance.kind == MachineOutputKind.GUIDE_ANSWER
    if isinstance(instance, ProvenanceEvent):
        return instance.machine_output.kind == MachineOutputKind.GUIDE_ANSWER
    return False


def _on_m2m(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if instance._meta.app_label == "exhibition" and kwargs.get("action", "").startswith("post_"):
        collection_changed()


def connect() -> None:
    post_save.connect(_on_write, dispatch_uid="vitrine-page-cache-save")
    post_delete.connect(_on_write, dispatch_uid="vitrine-page-cache-delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="vitrine-page-cache-m2m")

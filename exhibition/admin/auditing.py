"""A ModelAdmin base that writes every curator edit to the audit log.

Hooked into the admin's own save and delete steps (not signals): the admin knows who
is editing, and imports or scripts record their own entries with their own notes.
"""

from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.db import models, transaction
from django.db.models import QuerySet
from django.forms import BaseModelFormSet
from django.http import HttpRequest

from exhibition.admin.generics import ModelAdmin, ModelForm
from exhibition.models import AuditLogEntry, CollectionObject
from exhibition.services.audit import (
    Snapshot,
    audit_collection_object_of,
    audit_diff,
    audit_record_change,
    audit_snapshot,
)
from exhibition.signals import collection_object_changed, collection_object_deleted

_M = TypeVar("_M", bound=models.Model)
# The record's state before the form's save, kept on the form between the admin's
# save_model() and save_related() steps (many-to-many links are saved in the latter).
_BEFORE = "_vitrine_audit_before"


def _actor(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


def _announce_change(instance: models.Model) -> None:
    """Tell other apps (search, tours) once the edit has committed."""
    obj = audit_collection_object_of(instance)
    if obj is not None and obj.pk is not None:
        transaction.on_commit(
            lambda: collection_object_changed.send(
                sender=CollectionObject, collection_object=obj, reason="admin"
            )
        )


def _announce_deletion(instance: models.Model) -> None:
    if isinstance(instance, CollectionObject):
        object_id, slug = instance.pk, instance.slug
        transaction.on_commit(
            lambda: collection_object_deleted.send(
                sender=CollectionObject, object_id=object_id, slug=slug
            )
        )
    else:
        _announce_change(instance)


class AuditedModelAdmin(ModelAdmin[_M]):
    def save_model(self, request: HttpRequest, obj: _M, form: ModelForm[_M], change: bool) -> None:
        before: Snapshot = {}
        if change and obj.pk is not None:
            stored = type(obj)._default_manager.filter(pk=obj.pk).first()
            before = audit_snapshot(stored) if stored is not None else {}
        setattr(form, _BEFORE, before)
        super().save_model(request, obj, form, change)

    def save_related(
        self,
        request: HttpRequest,
        form: ModelForm[_M],
        formsets: Any,
        change: bool,
    ) -> None:
        form.save_m2m()
        changes = audit_diff(before=getattr(form, _BEFORE, {}), after=audit_snapshot(form.instance))
        if changes or not change:
            audit_record_change(
                actor=_actor(request),
                instance=form.instance,
                changes=changes,
                action=AuditLogEntry.Action.CHANGED if change else AuditLogEntry.Action.CREATED,
            )
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
        _announce_change(form.instance)

    def save_formset(
        self, request: HttpRequest, form: Any, formset: "BaseModelFormSet[Any, Any]", change: bool
    ) -> None:
        actor = _actor(request)
        touched = [
            f.instance.pk
            for f in formset.initial_forms
            if f.instance.pk is not None and (f.has_changed() or f in formset.deleted_forms)
        ]
        stored = formset.model._default_manager.in_bulk(touched)
        before = {pk: audit_snapshot(instance) for pk, instance in stored.items()}
        # Deleted rows lose their primary key when deleted, so they are logged first.
        for deleted_form in formset.deleted_forms:
            pk = deleted_form.instance.pk
            if pk in stored:
                audit_record_change(
                    actor=actor,
                    instance=stored[pk],
                    changes=audit_diff(before=before[pk], after={}),
                    action=AuditLogEntry.Action.DELETED,
                )
        formset.save()
        for instance in formset.new_objects:
            audit_record_change(
                actor=actor,
                instance=instance,
                changes=audit_diff(before={}, after=audit_snapshot(instance)),
                action=AuditLogEntry.Action.CREATED,
            )
        for instance, _fields in formset.changed_objects:
            changes = audit_diff(before=before.get(instance.pk, {}), after=audit_snapshot(instance))
            if changes:
                audit_record_change(
                    actor=actor,
                    instance=instance,
                    changes=changes,
                    action=AuditLogEntry.Action.CHANGED,
                )

    def delete_model(self, request: HttpRequest, obj: _M) -> None:
        self._record_deletion(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[_M]) -> None:
        for obj in queryset:
            self._record_deletion(request, obj)
        super().delete_queryset(request, queryset)

    def _record_deletion(self, request: HttpRequest, obj: _M) -> None:
        _announce_deletion(obj)
        audit_record_change(
            actor=_actor(request),
            instance=obj,
            changes=audit_diff(before=audit_snapshot(obj), after={}),
            action=AuditLogEntry.Action.DELETED,
        )

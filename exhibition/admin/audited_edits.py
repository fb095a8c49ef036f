"""A ModelAdmin base that hands every curator edit to the collection-edit service.

Hooked into the admin's own save and delete steps (not signals): the admin knows who is
editing and which records a form touched; what is logged and announced is decided in
exhibition/services/collection_edits.py, the path imports take too.
"""

from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.db import models
from django.db.models import QuerySet
from django.forms import BaseModelFormSet
from django.http import HttpRequest

from exhibition.admin.generics import ModelAdmin, ModelForm
from exhibition.models import AuditLogEntry
from exhibition.services.audit import Snapshot, audit_snapshot
from exhibition.services.collection_edits import (
    collection_change_announce,
    collection_deletion_announce,
    collection_edit_record,
)

_M = TypeVar("_M", bound=models.Model)
# The record's state before the form's save, kept on the form between the admin's
# save_model() and save_related() steps (many-to-many links are saved in the latter).
_BEFORE = "_vitrine_audit_before"
# What the apps that follow the collection are told caused a change.
REASON = "admin"


def _actor(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


class AuditedModelAdmin(ModelAdmin[_M]):
    """The admin's save and delete steps hand each record to the collection-edit service."""

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
        collection_edit_record(
            actor=_actor(request),
            instance=form.instance,
            before=getattr(form, _BEFORE, {}),
            after=audit_snapshot(form.instance),
            action=AuditLogEntry.Action.CHANGED if change else AuditLogEntry.Action.CREATED,
        )
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
        collection_change_announce(instance=form.instance, reason=REASON)

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
                collection_edit_record(
                    actor=actor,
                    instance=stored[pk],
                    before=before[pk],
                    after={},
                    action=AuditLogEntry.Action.DELETED,
                )
        formset.save()
        for instance in formset.new_objects:
            collection_edit_record(
                actor=actor,
                instance=instance,
                before={},
                after=audit_snapshot(instance),
                action=AuditLogEntry.Action.CREATED,
            )
        for instance, _fields in formset.changed_objects:
            collection_edit_record(
                actor=actor,
                instance=instance,
                before=before.get(instance.pk, {}),
                after=audit_snapshot(instance),
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
        collection_deletion_announce(instance=obj, reason=REASON)
        collection_edit_record(
            actor=_actor(request),
            instance=obj,
            before=audit_snapshot(obj),
            after={},
            action=AuditLogEntry.Action.DELETED,
        )

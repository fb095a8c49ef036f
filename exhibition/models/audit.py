"""Append-only audit log of curator edits: who, when, old and new values."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy


class AuditLogEntry(models.Model):
    class Action(models.TextChoices):
        CREATED = "created", gettext_lazy("Created")
        CHANGED = "changed", gettext_lazy("Changed")
        DELETED = "deleted", gettext_lazy("Deleted")
        IMPORTED = "imported", gettext_lazy("Imported")
        REVIEWED = "reviewed", gettext_lazy("Reviewed")

    # The record the edit concerns, named by model label and primary key so the entry
    # outlives a deleted record; `collection_object` groups entries per object.
    target_model = models.CharField(max_length=100)
    target_pk = models.CharField(max_length=64)
    target_repr = models.CharField(max_length=300)
    collection_object = models.ForeignKey(
        "exhibition.CollectionObject",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_name = models.CharField(
        max_length=150, blank=True, help_text=gettext_lazy("Kept in case the user is deleted")
    )
    at = models.DateTimeField(db_index=True)
    # {"field": {"old": ..., "new": ...}, ...}
    changes = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = gettext_lazy("audit log entry")
        verbose_name_plural = gettext_lazy("audit log")
        indexes = [models.Index(fields=["target_model", "target_pk"])]

    def __str__(self) -> str:
        return f"{self.action} {self.target_repr} by {self.actor_name or 'system'}"

    def save(self, *args: object, **kwargs: object) -> None:
        # Append-only: an entry, once written, is never rewritten.
        if self.pk is not None:
            raise ValueError("Audit log entries are append-only.")
        super().save(*args, **kwargs)

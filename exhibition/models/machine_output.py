"""One shared mechanism for every machine-made output: provenance plus review.

A restoration, a suggested tag, a generated description or a guide answer each link to
one ``MachineOutput`` row holding what produced it and its review state. What happened
to it over time is kept as append-only ``ProvenanceEvent`` rows.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy


class MachineOutputKind(models.TextChoices):
    RESTORATION = "restoration", gettext_lazy("Virtual restoration")
    SUGGESTED_TAG = "suggested_tag", gettext_lazy("Suggested tag")
    DESCRIPTION = "description", gettext_lazy("Generated description")
    GUIDE_ANSWER = "guide_answer", gettext_lazy("Guide answer")


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", gettext_lazy("Draft (unreviewed)")
    APPROVED = "approved", gettext_lazy("Approved")
    REJECTED = "rejected", gettext_lazy("Rejected")


class MachineOutput(models.Model):
    kind = models.CharField(max_length=30, choices=MachineOutputKind.choices, db_index=True)
    collection_object = models.ForeignKey(
        "exhibition.CollectionObject",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="machine_outputs",
    )
    # What produced it.
    method = models.CharField(max_length=200, help_text=gettext_lazy("e.g. ‘inpainting’"))
    engine = models.CharField(
        max_length=200, help_text=gettext_lazy("Model or algorithm, e.g. ‘telea’")
    )
    engine_version = models.CharField(max_length=100)
    parameters = models.JSONField(default=dict, blank=True)
    input_checksums = models.JSONField(
        default=dict, blank=True, help_text=gettext_lazy("Name of each input to its SHA-256")
    )
    duration_seconds = models.FloatField(null=True, blank=True)
    produced_at = models.DateTimeField()
    # Its review state.
    status = models.CharField(
        max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_outputs",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)
    error = models.TextField(
        blank=True, help_text=gettext_lazy("Set when the producing run failed")
    )

    class Meta:
        ordering = ["-produced_at", "-pk"]
        verbose_name = gettext_lazy("machine output")
        verbose_name_plural = gettext_lazy("machine outputs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="draft")
                | (models.Q(reviewed_by__isnull=False) & models.Q(reviewed_at__isnull=False)),
                name="reviewed_output_has_reviewer",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} by {self.engine} {self.engine_version} ({self.status})"

    @property
    def is_pending(self) -> bool:
        return self.status == ReviewStatus.DRAFT

    @property
    def is_approved(self) -> bool:
        return self.status == ReviewStatus.APPROVED


class ProvenanceEvent(models.Model):
    """Append-only history of a machine output: produced, reviewed, re-reviewed..."""

    class Action(models.TextChoices):
        PRODUCED = "produced", gettext_lazy("Produced")
        FAILED = "failed", gettext_lazy("Failed")
        APPROVED = "approved", gettext_lazy("Approved")
        REJECTED = "rejected", gettext_lazy("Rejected")
        RETURNED_TO_DRAFT = "returned_to_draft", gettext_lazy("Returned to draft")

    machine_output = models.ForeignKey(
        MachineOutput, on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(max_length=30, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField()
    note = models.TextField(blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = gettext_lazy("provenance event")
        verbose_name_plural = gettext_lazy("provenance events")

    def __str__(self) -> str:
        return f"{self.action} at {self.at:%Y-%m-%d %H:%M}"

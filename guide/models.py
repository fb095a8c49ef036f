"""What the guide keeps: each answered question, beside its machine output.

Every answer is recorded through the shared provenance mechanism (an
``exhibition.MachineOutput`` of kind ``guide_answer`` with a "produced" event), where
curators review it like any machine output. ``GuideQuestion`` adds what the curators'
report groups by — the question as asked, normalised, its intent, whether the guide
abstained, the surface it came from — and a curator's flag on a bad answer.

Only the visitor's words are kept: never an address, a session or anything else that
identifies who asked. Answers are kept for curator review (no automatic purge).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy

QUESTION_MAX_CHARS = 300


class Channel(models.TextChoices):
    WEBSOCKET = "websocket", gettext_lazy("Chat panel")
    PAGE = "page", gettext_lazy("Page without JavaScript")
    KIOSK = "kiosk", gettext_lazy("Kiosk")


class GuideQuestion(models.Model):
    machine_output = models.OneToOneField(
        "exhibition.MachineOutput",
        verbose_name=gettext_lazy("machine output"),
        on_delete=models.CASCADE,
        related_name="guide_question",
    )
    question = models.CharField(gettext_lazy("question"), max_length=QUESTION_MAX_CHARS)
    # Lower case, punctuation dropped, spaces collapsed: "Who made this?" and
    # "who made  this" are one question in the report.
    normalised_question = models.CharField(
        gettext_lazy("normalised question"), max_length=QUESTION_MAX_CHARS, db_index=True
    )
    intent = models.CharField(gettext_lazy("intent"), max_length=30, db_index=True)
    abstained = models.BooleanField(gettext_lazy("abstained"), db_index=True)
    channel = models.CharField(gettext_lazy("channel"), max_length=20, choices=Channel.choices)
    asked_at = models.DateTimeField(gettext_lazy("asked at"), db_index=True)
    # A curator's flag on a bad answer, with why (also kept in the audit log).
    flagged = models.BooleanField(gettext_lazy("flagged"), default=False, db_index=True)
    flag_note = models.TextField(gettext_lazy("flag note"), blank=True)
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        verbose_name=gettext_lazy("flagged by"),
        on_delete=models.SET_NULL,
        related_name="flagged_guide_answers",
    )
    flagged_at = models.DateTimeField(gettext_lazy("flagged at"), null=True, blank=True)

    class Meta:
        ordering = ["-asked_at", "-pk"]
        verbose_name = gettext_lazy("guide question")
        verbose_name_plural = gettext_lazy("guide questions")
        indexes = [models.Index(fields=["abstained", "normalised_question"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(flagged=False)
                | (models.Q(flagged_at__isnull=False) & ~models.Q(flag_note="")),
                name="flagged_answer_has_note_and_time",
            )
        ]

    def __str__(self) -> str:
        return f"“{self.question[:80]}” ({self.intent})"

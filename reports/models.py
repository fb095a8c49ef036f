"""A generated PDF report: which page it reports on, in which language and content version."""

from django.db import models
from django.utils.translation import gettext_lazy


class ReportSubject(models.TextChoices):
    OBJECT = "object", gettext_lazy("Object")
    EXHIBITION = "exhibition", gettext_lazy("Exhibition")


class ReportStatus(models.TextChoices):
    PENDING = "pending", gettext_lazy("Waiting to be made")
    RUNNING = "running", gettext_lazy("Being made")
    READY = "ready", gettext_lazy("Ready")
    FAILED = "failed", gettext_lazy("Failed")
    # The content changed before the report was made: a newer version replaces it.
    SUPERSEDED = "superseded", gettext_lazy("Superseded")


# A report a worker has yet to finish.
UNFINISHED = (ReportStatus.PENDING, ReportStatus.RUNNING)


def report_upload_to(report: "GeneratedReport", filename: str) -> str:
    return f"reports/{report.subject_kind}/{filename}"


class GeneratedReport(models.Model):
    """One report per subject, language and content version (``version_key``).

    The version key is a digest of everything the report shows, so a changed record,
    note, approval or licence asks for a new report while an unrelated edit elsewhere
    in the collection leaves this one current.
    """

    subject_kind = models.CharField(max_length=20, choices=ReportSubject.choices)
    subject_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=10)
    version_key = models.CharField(max_length=64)
    # The origin the report's printed addresses use (REPORTS_SITE_URL, else the request's).
    site_url = models.CharField(max_length=200)
    status = models.CharField(
        max_length=20, choices=ReportStatus.choices, default=ReportStatus.PENDING, db_index=True
    )
    file = models.FileField(upload_to=report_upload_to, blank=True, max_length=300)
    size_bytes = models.PositiveBigIntegerField(default=0)
    page_count = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = gettext_lazy("generated report")
        verbose_name_plural = gettext_lazy("generated reports")
        constraints = [
            models.UniqueConstraint(
                fields=["subject_kind", "subject_id", "language", "version_key"],
                name="one_report_per_version",
            )
        ]
        indexes = [models.Index(fields=["subject_kind", "subject_id", "language"])]

    def __str__(self) -> str:
        return f"{self.subject_kind} {self.subject_id} ({self.language}, {self.status})"

    @property
    def is_ready(self) -> bool:
        return self.status == ReportStatus.READY and bool(self.file)

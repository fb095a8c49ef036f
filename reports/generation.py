"""Making a waiting report's PDF: the body of the Celery task.

The worker reads the content again: if it changed after the request, the row is marked
superseded (the next request asks for the new version) rather than filed under a version
it does not show.
"""

import logging

from django.core.files.base import ContentFile
from django.db.models import Model, Q
from django.utils import timezone

from exhibition.selectors import public_exhibitions, public_objects
from reports.documents import render_report
from reports.models import UNFINISHED, GeneratedReport, ReportStatus, ReportSubject
from reports.versions import content_key, report_content

logger = logging.getLogger(__name__)

# A failure recorded on a report is shown to curators; its first lines are enough.
ERROR_MAX_CHARS = 2000


def _claim(report_id: int) -> GeneratedReport | None:
    """Mark the row running if it is still waiting: two workers never make one report."""
    claimed = GeneratedReport.objects.filter(pk=report_id, status=ReportStatus.PENDING).update(
        status=ReportStatus.RUNNING, updated_at=timezone.now()
    )
    return GeneratedReport.objects.filter(pk=report_id).first() if claimed else None


def _subject(report: GeneratedReport) -> Model | None:
    """The report's subject if it is still public (restricted or draft: None)."""
    if report.subject_kind == ReportSubject.OBJECT:
        return public_objects().filter(pk=report.subject_id).first()
    return public_exhibitions().filter(pk=report.subject_id).first()


def _finish(report: GeneratedReport, status: str, error: str = "") -> GeneratedReport:
    report.status = status
    report.error = error[:ERROR_MAX_CHARS]
    report.finished_at = timezone.now()
    report.save(update_fields=["status", "error", "finished_at", "updated_at"])
    return report


def report_generate(*, report_id: int) -> GeneratedReport | None:
    """Make the PDF of a waiting report; None when there is nothing to do."""
    report = _claim(report_id)
    if report is None:
        return None
    subject = _subject(report)
    if subject is None:
        return _finish(report, ReportStatus.SUPERSEDED, "The subject is no longer public.")
    content = report_content(
        kind=report.subject_kind,
        subject=subject,
        language=report.language,
        site_url=report.site_url,
    )
    if content_key(content, language=report.language) != report.version_key:
        return _finish(report, ReportStatus.SUPERSEDED, "The content changed before it was made.")
    try:
        rendered = render_report(content, language=report.language)
    except Exception as exc:  # a bad picture or layout must fail this report, not the worker
        logger.exception("Report %s could not be made", report.pk)
        return _finish(report, ReportStatus.FAILED, f"{type(exc).__name__}: {exc}")
    name = f"{content.slug}-{report.language}-{report.version_key[:12]}.pdf"
    if report.file:  # made again on a curator's request: the earlier file goes
        report.file.delete(save=False)
    report.file.save(name, ContentFile(rendered.data), save=False)
    report.size_bytes = len(rendered.data)
    report.page_count = rendered.page_count
    report.save(update_fields=["file", "size_bytes", "page_count", "updated_at"])
    _finish(report, ReportStatus.READY)
    _forget_older_versions(report)
    return report


def _forget_older_versions(report: GeneratedReport) -> None:
    """Delete the subject's finished reports of other versions in this language, files
    too: storage holds one current report per subject and language."""
    older = GeneratedReport.objects.filter(
        subject_kind=report.subject_kind,
        subject_id=report.subject_id,
        language=report.language,
    ).exclude(Q(pk=report.pk) | Q(status__in=UNFINISHED))
    for old in older:
        if old.file:
            old.file.delete(save=False)
        old.delete()

"""Asking for a report and making it: one row per subject, language and content version.

A visitor's request finds the current version's row, or records one and queues its
making once the request commits (in the embedded default the task runs in-process; scaled
out, a Celery worker runs it). The making itself is ``reports.generation``.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone

from exhibition.models import CollectionObject, Exhibition
from exhibition.selectors import public_exhibitions, public_objects
from reports.models import UNFINISHED, GeneratedReport, ReportStatus, ReportSubject
from reports.tasks import generate_report
from reports.versions import current_key


@dataclass(frozen=True)
class ReportAddress:
    """Which report: a subject in a language, with the origin its printed links use."""

    kind: str
    subject: Model
    language: str
    site_url: str


def report_site_url(request: HttpRequest) -> str:
    """The origin printed in reports: REPORTS_SITE_URL once a site is live, else the request's
    (a host ALLOWED_HOSTS accepted)."""
    configured = str(settings.REPORTS_SITE_URL).rstrip("/")
    return configured or f"{request.scheme}://{request.get_host()}"


def find_report(address: ReportAddress) -> tuple[str, GeneratedReport | None]:
    """The current version key and its row, if one was asked for already."""
    key = current_key(
        kind=address.kind,
        subject=address.subject,
        language=address.language,
        site_url=address.site_url,
    )
    report = GeneratedReport.objects.filter(
        subject_kind=address.kind,
        subject_id=address.subject.pk,
        language=address.language,
        version_key=key,
    ).first()
    return key, report


def needs_making(report: GeneratedReport | None) -> bool:
    """True when no usable row exists: none yet, a failure whose wait is over, or an
    unfinished one whose worker must have died (older than REPORTS_STALE_SECONDS)."""
    if report is None:
        return True
    age = timezone.now() - report.updated_at
    if report.status in UNFINISHED:
        return age > timedelta(seconds=settings.REPORTS_STALE_SECONDS)
    if report.status == ReportStatus.FAILED:
        return age > timedelta(seconds=settings.REPORTS_RETRY_SECONDS)
    return report.status == ReportStatus.READY and not report.is_ready


def reports_in_queue() -> int:
    """Reports waiting or being made now (stale ones no longer count)."""
    fresh = timezone.now() - timedelta(seconds=settings.REPORTS_STALE_SECONDS)
    return GeneratedReport.objects.filter(status__in=UNFINISHED, updated_at__gte=fresh).count()


def report_schedule(*, address: ReportAddress, key: str) -> GeneratedReport:
    """Record (or reset) the row for this version and queue its making after commit."""
    fields = {"status": ReportStatus.PENDING, "error": "", "site_url": address.site_url}
    identity = {
        "subject_kind": address.kind,
        "subject_id": address.subject.pk,
        "language": address.language,
        "version_key": key,
    }
    try:
        with transaction.atomic():
            report, _created = GeneratedReport.objects.update_or_create(defaults=fields, **identity)
    except IntegrityError:  # another request recorded it at the same moment
        report = GeneratedReport.objects.get(**identity)
    report_id = report.pk
    transaction.on_commit(lambda: generate_report.delay(report_id))
    return report


def _is_public(subject: CollectionObject | Exhibition) -> bool:
    if isinstance(subject, CollectionObject):
        return public_objects().filter(pk=subject.pk).exists()
    return public_exhibitions().filter(pk=subject.pk).exists()


def report_regenerate(*, subject: CollectionObject | Exhibition, site_url: str) -> int:
    """A curator's "make the reports again": each site language's current version is made
    afresh (a new layout or picture shows at once). Returns how many were queued; a subject
    that is not public gets none."""
    if not _is_public(subject):
        return 0
    kind = (
        ReportSubject.OBJECT if isinstance(subject, CollectionObject) else ReportSubject.EXHIBITION
    )
    for language, _name in settings.LANGUAGES:
        address = ReportAddress(kind=kind, subject=subject, language=language, site_url=site_url)
        key, _report = find_report(address)
        report_schedule(address=address, key=key)
    return len(settings.LANGUAGES)

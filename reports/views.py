"""The report addresses: the PDF when the current version is made, else "being prepared".

``/objects/<slug>/report.pdf`` and ``/exhibitions/<slug>/report.pdf`` under each language's
prefix: the page's language is the report's. Restricted and draft subjects are 404 like
their pages, before anything is looked up or made.
"""

from django.conf import settings
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from exhibition.media_access import resolve_stored_file
from exhibition.selectors import get_public_exhibition, get_public_object
from exhibition.templatetags.record_languages import page_language
from exhibition.views.file_responses import stored_file_response
from reports.models import GeneratedReport, ReportStatus, ReportSubject
from reports.services import (
    ReportAddress,
    find_report,
    needs_making,
    report_schedule,
    report_site_url,
    reports_in_queue,
)
from reports.throttling import report_making_wait

# How long the "being prepared" page asks a client to wait before asking again.
POLL_SECONDS = 3
QUEUE_FULL_SECONDS = 60


def _file(report: GeneratedReport, *, slug: str) -> HttpResponseBase | None:
    path = resolve_stored_file(report.file.name)
    if path is None:
        return None
    response = stored_file_response(
        path=path, name=report.file.name, content_type="application/pdf"
    )
    filename = f"{slug}-report-{report.language}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # The address stays while the content changes: caches must ask again each time.
    response["Cache-Control"] = "no-cache"
    response["X-Robots-Tag"] = "noindex"
    return response


def _waiting(
    request: HttpRequest,
    *,
    status: int,
    retry_after: int,
    message: str,
    title: str,
    title_language: str,
    back: str,
) -> HttpResponse:
    context = {
        "message": message,
        "subject_title": title,
        # An untranslated record's title is in its own language, and said so for speech.
        "subject_title_language": title_language,
        "back_url": back,
        "poll": status == 202,
        "retry_after": retry_after,
    }
    response = render(request, "reports/preparing.html", context, status=status)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _report_response(
    request: HttpRequest,
    *,
    kind: str,
    subject: Model,
    slug: str,
    title: str,
    title_language: str,
    back: str,
) -> HttpResponseBase:
    address = ReportAddress(
        kind=kind, subject=subject, language=page_language(), site_url=report_site_url(request)
    )
    key, report = find_report(address)
    if report is not None and report.is_ready:
        served = _file(report, slug=slug)
        if served is not None:
            return served
        report.file = ""  # the file went missing: make it again
    waiting = {"title": title, "title_language": title_language, "back": back}
    if needs_making(report):
        wait = report_making_wait(request)
        if wait is not None:
            message = _(
                "You have asked for many reports in a short while. Please try again in "
                "%(seconds)d seconds."
            ) % {"seconds": wait}
            return _waiting(request, status=429, retry_after=wait, message=message, **waiting)
        if reports_in_queue() >= settings.REPORTS_MAX_QUEUED:
            message = _("Many reports are being prepared just now. Please try again in a minute.")
            return _waiting(
                request, status=503, retry_after=QUEUE_FULL_SECONDS, message=message, **waiting
            )
        report = report_schedule(address=address, key=key)
        # In the embedded default the report was made in-process as the request went on.
        report.refresh_from_db()
        if report.is_ready:
            served = _file(report, slug=slug)
            if served is not None:
                return served
    assert report is not None
    if report.status == ReportStatus.FAILED:
        message = _("The report could not be prepared. Please try again in a few minutes.")
        retry = int(settings.REPORTS_RETRY_SECONDS)
        return _waiting(request, status=503, retry_after=retry, message=message, **waiting)
    message = _("Your report is being prepared. It will be ready in a moment.")
    return _waiting(request, status=202, retry_after=POLL_SECONDS, message=message, **waiting)


@require_safe
def object_report(request: HttpRequest, slug: str) -> HttpResponseBase:
    obj = get_public_object(slug)
    text = obj.text_in(page_language())
    return _report_response(
        request,
        kind=ReportSubject.OBJECT,
        subject=obj,
        slug=obj.slug,
        title=text.title,
        title_language=text.title_language,
        back=obj.get_absolute_url(),
    )


@require_safe
def exhibition_report(request: HttpRequest, slug: str) -> HttpResponseBase:
    exhibition = get_public_exhibition(slug)
    return _report_response(
        request,
        kind=ReportSubject.EXHIBITION,
        subject=exhibition,
        slug=exhibition.slug,
        title=exhibition.title,
        title_language=page_language(),
        back=exhibition.get_absolute_url(),
    )

"""A report's content laid out as HTML and rendered to PDF, pictures embedded at a bounded size."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from reports.content import ExhibitionReport, ObjectReport, Picture
from reports.pictures import bounded_jpeg
from reports.rendering import RenderedPdf, render_pdf
from reports.versions import ReportContent


def _pictures(content: ReportContent) -> list[Picture]:
    objects = (
        [entry.report for part in content.parts for entry in part.entries]
        if isinstance(content, ExhibitionReport)
        else [content]
    )
    found: list[Picture] = []
    for report in objects:
        found += report.pictures
        found += [r.picture for r in report.reconstructions if r.picture is not None]
    return found


def document_title(content: ReportContent) -> str:
    if isinstance(content, ObjectReport):
        return _("%(title)s — object report, %(site)s") % {
            "title": content.title,
            "site": settings.VITRINE_SITE_NAME,
        }
    return _("%(title)s — exhibition report, %(site)s") % {
        "title": content.title,
        "site": settings.VITRINE_SITE_NAME,
    }


def report_html(content: ReportContent, *, language: str) -> str:
    template = (
        "reports/object_report.html"
        if isinstance(content, ObjectReport)
        else "reports/exhibition_report.html"
    )
    with translation.override(language):
        context = {
            "report": content,
            "document_title": document_title(content),
            "site_name": settings.VITRINE_SITE_NAME,
            "made_on": formats.date_format(timezone.localdate(), "DATE_FORMAT"),
        }
        return render_to_string(template, context)


def render_report(content: ReportContent, *, language: str) -> RenderedPdf:
    """The report as a tagged PDF; a picture that cannot be read is left out, never fetched
    from anywhere else (its <img> keeps its alternative text)."""
    pictures: dict[str, bytes] = {}
    for picture in _pictures(content):
        if picture.src in pictures:
            continue
        data = bounded_jpeg(picture.storage_name, longest_side=picture.longest_side)
        if data is not None:
            pictures[picture.src] = data
    return render_pdf(html=report_html(content, language=language), pictures=pictures)

"""An exhibition's report: its parts in order, each with its public objects, up to a cap."""

from django.conf import settings

from exhibition.models import Exhibition
from exhibition.selectors import public_exhibition_sections
from reports.content import ExhibitionEntry, ExhibitionPart, ExhibitionReport
from reports.selectors import EXHIBITION_ITEM_LIMITS, object_report


def exhibition_object_cap() -> int:
    """How many objects an exhibition's report holds at most (REPORTS_EXHIBITION_MAX_OBJECTS)."""
    return max(1, int(settings.REPORTS_EXHIBITION_MAX_OBJECTS))


def exhibition_report(exhibition: Exhibition, *, language: str, site_url: str) -> ExhibitionReport:
    """The report's content for a public exhibition (fetch it with ``get_public_exhibition``).

    Restricted and draft objects drop out as they do on the page; past the cap the rest
    are counted, not shown, and the report says how many and where to see them.
    """
    cap = exhibition_object_cap()
    parts: list[ExhibitionPart] = []
    shown = total = 0
    for public_section in public_exhibition_sections(exhibition=exhibition):
        part = ExhibitionPart(
            heading=public_section.section.heading, body=public_section.section.body
        )
        for entry in public_section.entries:
            total += 1
            if shown >= cap:
                continue
            shown += 1
            report = object_report(
                entry.collection_object,
                language=language,
                site_url=site_url,
                limits=EXHIBITION_ITEM_LIMITS,
            )
            part.entries.append(ExhibitionEntry(caption=entry.public_caption, report=report))
        parts.append(part)
    return ExhibitionReport(
        slug=exhibition.slug,
        url=site_url + exhibition.get_absolute_url(),
        title=exhibition.title,
        subtitle=exhibition.subtitle,
        summary=exhibition.summary,
        parts=parts,
        object_count=shown,
        left_out=total - shown,
        cap=cap,
    )

"""Reports in the admin: the list of made reports, and a "make the reports again" action
on the object and exhibition lists.

The exhibition app cannot import this one (apps depend downward only), so the action is
added here to the model admins it registered: Django loads each app's admin module in
INSTALLED_APPS order, exhibition's first.
"""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy, ngettext

from exhibition.admin.generics import ModelAdmin
from exhibition.admin.readonly import WrittenBySystem
from exhibition.models import CollectionObject, Exhibition
from reports.models import GeneratedReport
from reports.services import report_regenerate, report_site_url

# Each subject is made in every site language; in the embedded default that happens
# before the admin answers, so one action makes a bounded number of reports.
MAX_SUBJECTS_PER_ACTION = 10


@admin.action(
    description=gettext_lazy("Make the PDF reports again (every language)"),
    permissions=["change"],
)
def make_reports(
    modeladmin: ModelAdmin[Any],
    request: HttpRequest,
    queryset: QuerySet[Any],
) -> None:
    site_url = report_site_url(request)
    chosen = list(queryset.order_by("pk")[: MAX_SUBJECTS_PER_ACTION + 1])
    queued = skipped = 0
    for subject in chosen[:MAX_SUBJECTS_PER_ACTION]:
        assert isinstance(subject, CollectionObject | Exhibition)  # the two lists it is on
        made = report_regenerate(subject=subject, site_url=site_url)
        queued += made
        skipped += 0 if made else 1
    modeladmin.message_user(
        request,
        ngettext("%(count)d report is being made.", "%(count)d reports are being made.", queued)
        % {"count": queued},
        messages.SUCCESS,
    )
    if skipped:
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d is not public and has no report.",
                "%(count)d are not public and have no report.",
                skipped,
            )
            % {"count": skipped},
            messages.WARNING,
        )
    if len(chosen) > MAX_SUBJECTS_PER_ACTION:
        modeladmin.message_user(
            request,
            ngettext(
                "Reports are made for %(count)d selected record at a time; select the rest "
                "and run the action again.",
                "Reports are made for %(count)d selected records at a time; select the rest "
                "and run the action again.",
                MAX_SUBJECTS_PER_ACTION,
            )
            % {"count": MAX_SUBJECTS_PER_ACTION},
            messages.WARNING,
        )


def _add_action(model: type[CollectionObject] | type[Exhibition]) -> None:
    model_admin = admin.site.get_model_admin(model)
    actions = list(model_admin.actions or [])
    if make_reports not in actions:
        model_admin.actions = [*actions, make_reports]


_add_action(CollectionObject)
_add_action(Exhibition)


@admin.register(GeneratedReport)
class GeneratedReportAdmin(WrittenBySystem, ModelAdmin[GeneratedReport]):
    list_display = [
        "subject_kind",
        "subject_id",
        "language",
        "status",
        "page_count",
        "size_bytes",
        "created_at",
        "finished_at",
    ]
    list_filter = ["status", "subject_kind", "language"]
    readonly_fields = [
        "subject_kind",
        "subject_id",
        "language",
        "version_key",
        "site_url",
        "status",
        "file",
        "size_bytes",
        "page_count",
        "error",
        "created_at",
        "finished_at",
    ]

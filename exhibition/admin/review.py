"""The review queue: every kind of machine output, reviewed the same way.

The MachineOutput changelist is the queue (drafts by default) and its change page is the
review page: what produced the output, read-only, the output itself, its provenance events,
and approve / reject / return-to-draft buttons with a note. Decisions go through
``exhibition.services.review``.

How an output is shown is up to the app that produced it (admin/review_previews.py): the
restoration app shows a restoration in a full-size, zoomable before/after viewer.
"""

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy, pgettext, pgettext_lazy
from django.views.decorators.http import require_POST

from exhibition.admin.generics import ModelAdmin, TabularInline
from exhibition.admin.large_tables import LargeTableAdmin
from exhibition.admin.previews import EMPTY
from exhibition.admin.readonly import WrittenBySystem
from exhibition.admin.review_previews import review_preview_for, review_preview_urls
from exhibition.models import MachineOutput, ProvenanceEvent, ReviewStatus
from exhibition.services.review import (
    ReviewError,
    machine_output_approve,
    machine_output_reject,
    machine_output_return_to_draft,
)
from exhibition.whole_numbers import positive_int

_DECISIONS = {
    "approve": machine_output_approve,
    "reject": machine_output_reject,
    "return_to_draft": machine_output_return_to_draft,
}
# One whole sentence per decision and count, so each language can word it its own way.
_DONE_ONE = {
    "approve": gettext_lazy("“%(output)s” approved."),
    "reject": gettext_lazy("“%(output)s” rejected."),
    "return_to_draft": gettext_lazy("“%(output)s” returned to draft."),
}
_DONE_MANY = {
    "approve": ngettext_lazy("%(count)d output approved.", "%(count)d outputs approved.", "count"),
    "reject": ngettext_lazy("%(count)d output rejected.", "%(count)d outputs rejected.", "count"),
    "return_to_draft": ngettext_lazy(
        "%(count)d output returned to draft.", "%(count)d outputs returned to draft.", "count"
    ),
}


class ReviewStatusFilter(admin.SimpleListFilter):
    """Review state, showing what still needs a decision unless asked otherwise."""

    title = gettext_lazy("review status")
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            (ReviewStatus.DRAFT, _("Pending review")),
            (ReviewStatus.APPROVED, pgettext("review status", "Approved")),
            (ReviewStatus.REJECTED, pgettext("review status", "Rejected")),
            (self.ALL, pgettext("review status", "All")),
        ]

    def value(self) -> str:
        return str(super().value() or ReviewStatus.DRAFT)

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if value == self.ALL:
            return queryset
        if value not in ReviewStatus.values:
            raise IncorrectLookupParameters(f"Unknown review status {value!r}.")
        return queryset.filter(status=value)

    def choices(self, changelist: Any) -> Any:
        # Replaces Django's own "All" (no parameter), which here means "pending".
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


class RunOutcomeFilter(admin.SimpleListFilter):
    title = pgettext_lazy("machine run", "run")
    parameter_name = "run"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            ("failed", pgettext("machine run", "Failed")),
            ("succeeded", pgettext("machine run", "Succeeded")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "failed":
            return queryset.exclude(error="")
        if self.value() == "succeeded":
            return queryset.filter(error="")
        return queryset


class ProvenanceEventInline(TabularInline[ProvenanceEvent, MachineOutput]):
    model = ProvenanceEvent
    extra = 0
    readonly_fields = (
        "at",
        "action",
        "actor",
        "note",
        "detail",
    )
    fields = readonly_fields
    can_delete = False
    verbose_name_plural = gettext_lazy("provenance events (append-only)")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(MachineOutput)
class MachineOutputAdmin(LargeTableAdmin, WrittenBySystem, ModelAdmin[MachineOutput]):
    # A curator reviews machine output but never edits what produced it.
    list_display = [
        "collection_object",
        "kind",
        "engine",
        "engine_version",
        "parameters_summary",
        "produced_at",
        "status",
        "run_outcome",
    ]
    list_display_links = ["collection_object", "kind"]
    list_filter = [ReviewStatusFilter, "kind", RunOutcomeFilter, "engine"]
    list_select_related = ["collection_object"]
    search_fields = ["collection_object__title", "collection_object__slug", "engine", "method"]
    date_hierarchy = "produced_at"
    actions = ["approve_selected", "reject_selected"]
    inlines = [ProvenanceEventInline]
    fieldsets = [
        (gettext_lazy("Output"), {"fields": ["kind", "collection_object", "output_preview"]}),
        (
            gettext_lazy("Provenance (what produced it)"),
            {
                "fields": [
                    "method",
                    "engine",
                    "engine_version",
                    "parameters",
                    "input_checksums",
                    "duration_seconds",
                    "produced_at",
                    "error",
                ]
            },
        ),
        (
            pgettext_lazy("admin fieldset", "Review"),
            {"fields": ["status", "reviewed_by", "reviewed_at", "review_note"]},
        ),
    ]
    readonly_fields = [
        *("kind", "collection_object", "output_preview"),
        *("method", "engine", "engine_version", "parameters", "input_checksums"),
        *("duration_seconds", "produced_at", "error"),
        *("status", "reviewed_by", "reviewed_at", "review_note"),
    ]

    def has_review_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(
            user.is_active and user.is_staff and user.has_perm("exhibition.change_machineoutput")
        )

    @admin.display(description=gettext_lazy("Parameters"))
    def parameters_summary(self, output: MachineOutput) -> str:
        if not isinstance(output.parameters, dict) or not output.parameters:
            return EMPTY
        return ", ".join(f"{key}={value}" for key, value in output.parameters.items())

    @admin.display(description=gettext_lazy("Run"))
    def run_outcome(self, output: MachineOutput) -> SafeString | str:
        if not output.error:
            return pgettext("machine run", "ok")
        return format_html(
            '<strong class="errornote">{}</strong> {}',
            pgettext("machine run", "Failed:"),
            output.error[:200],
        )

    @admin.display(description=gettext_lazy("Output"))
    def output_preview(self, output: MachineOutput) -> SafeString | str:
        # The app that produced this kind of output knows how to show it (review_previews).
        preview = review_preview_for(output.kind)
        shown = preview.render(output) if preview is not None else None
        return shown if shown is not None else _("No content recorded beyond the provenance below.")

    class Media:
        css = {"all": ["css/admin-review.css"]}

    def get_urls(self) -> list[URLPattern]:
        review = self.admin_site.admin_view(require_POST(self.review_view))
        return [
            path("<path:object_id>/review/", review, name="exhibition_machineoutput_review"),
            *review_preview_urls(self),
            *super().get_urls(),
        ]

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        context = dict(extra_context or {})
        context["can_review"] = self.has_review_permission(request)
        context["review_url"] = reverse("admin:exhibition_machineoutput_review", args=[object_id])
        pk = positive_int(object_id)
        kind = (
            MachineOutput.objects.filter(pk=pk).values_list("kind", flat=True).first()
            if pk is not None
            else None
        )
        preview = review_preview_for(kind) if kind is not None else None
        context["preview_scripts"] = preview.scripts if preview is not None else ()
        return super().change_view(request, object_id, form_url, context)

    def review_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Apply one decision posted from the review page, then go back to the queue."""
        if not self.has_review_permission(request):
            raise PermissionDenied
        # The id comes from the path: "²" or "abc" is absent, not a 500.
        output = get_object_or_404(MachineOutput, pk=positive_int(object_id))
        decision = request.POST.get("decision", "")
        note = request.POST.get("note", "")
        page = reverse("admin:exhibition_machineoutput_change", args=[output.pk])
        if decision not in _DECISIONS:
            messages.error(request, _("Choose approve, reject or return to draft."))
            return HttpResponseRedirect(page)
        try:
            _DECISIONS[decision](output=output, reviewer=request.user, note=note)
        except (ReviewError, PermissionDenied) as exc:
            messages.error(request, str(exc) or _("You may not review machine output."))
            return HttpResponseRedirect(page)
        messages.success(request, _DONE_ONE[decision] % {"output": output})
        return HttpResponseRedirect(reverse("admin:exhibition_machineoutput_changelist"))

    @admin.action(description=gettext_lazy("Approve selected outputs"), permissions=["review"])
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[MachineOutput]) -> None:
        self._decide_all(request, queryset, decision="approve", note="")

    @admin.action(description=gettext_lazy("Reject selected outputs…"), permissions=["review"])
    def reject_selected(
        self, request: HttpRequest, queryset: QuerySet[MachineOutput]
    ) -> TemplateResponse | None:
        note = request.POST.get("note", "").strip()
        if request.POST.get("post") == "yes" and note:
            self._decide_all(request, queryset, decision="reject", note=note)
            return None
        # First step (or a missing note): ask why, as Django asks before deleting.
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reject machine output"),
            "opts": self.model._meta,
            "outputs": list(queryset),
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "note_missing": request.POST.get("post") == "yes",
        }
        return TemplateResponse(
            request, "admin/exhibition/machineoutput/reject_selected.html", context
        )

    def _decide_all(
        self, request: HttpRequest, queryset: QuerySet[MachineOutput], *, decision: str, note: str
    ) -> None:
        done, skipped = 0, []
        for output in queryset:
            try:
                _DECISIONS[decision](output=output, reviewer=request.user, note=note)
            except ReviewError as exc:
                skipped.append(_("%(output)s: %(reason)s") % {"output": output, "reason": exc})
            else:
                done += 1
        if done:
            messages.success(request, _DONE_MANY[decision] % {"count": done})
        for reason in skipped:
            messages.warning(request, _("Skipped %(reason)s") % {"reason": reason})

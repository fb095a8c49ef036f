"""The review queue: every kind of machine output, reviewed the same way.

The MachineOutput changelist is the queue (drafts by default) and its change page is the
review page: what produced the output, read-only, the output itself, its provenance events,
and approve / reject / return-to-draft buttons with a note. Decisions go through
``exhibition.services.review``.

A restoration is reviewed in a full-size, zoomable before/after viewer
(static/js/admin-restoration-review.js, OpenSeadragon): the original and the result at full
resolution in one viewport, a divider between them, and the mask's outline and the
uncertainty map as layers to switch on. Without JavaScript the full-size files are links.
"""

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST

from exhibition.admin.generics import ModelAdmin, TabularInline
from exhibition.admin.previews import EMPTY, image_preview
from exhibition.admin.readonly import WrittenBySystem
from exhibition.admin.restoration_tools import RestorationTools, tool_link
from exhibition.models import MachineOutput, ProvenanceEvent, Restoration, ReviewStatus
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
_DONE = {"approve": "approved", "reject": "rejected", "return_to_draft": "returned to draft"}


class ReviewStatusFilter(admin.SimpleListFilter):
    """Review state, showing what still needs a decision unless asked otherwise."""

    title = "review status"
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            (ReviewStatus.DRAFT, "Pending review"),
            (ReviewStatus.APPROVED, "Approved"),
            (ReviewStatus.REJECTED, "Rejected"),
            (self.ALL, "All"),
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
    title = "run"
    parameter_name = "run"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("failed", "Failed"), ("succeeded", "Succeeded")]

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
    verbose_name_plural = "provenance events (append-only)"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(MachineOutput)
class MachineOutputAdmin(WrittenBySystem, ModelAdmin[MachineOutput]):
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
        ("Output", {"fields": ["kind", "collection_object", "output_preview"]}),
        (
            "Provenance (what produced it)",
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
        ("Review", {"fields": ["status", "reviewed_by", "reviewed_at", "review_note"]}),
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

    @admin.display(description="Parameters")
    def parameters_summary(self, output: MachineOutput) -> str:
        if not isinstance(output.parameters, dict) or not output.parameters:
            return EMPTY
        return ", ".join(f"{key}={value}" for key, value in output.parameters.items())

    @admin.display(description="Run")
    def run_outcome(self, output: MachineOutput) -> SafeString | str:
        if not output.error:
            return "ok"
        return format_html('<strong class="errornote">Failed:</strong> {}', output.error[:200])

    @admin.display(description="Output")
    def output_preview(self, output: MachineOutput) -> SafeString | str:
        try:
            restoration = output.restoration
        except ObjectDoesNotExist:
            return _related_output_summary(output)
        return format_html(
            "{}<p>Run other engines or correct the mask: {}</p>",
            restoration_viewer(restoration),
            tool_link(restoration.source_image),
        )

    class Media:
        css = {"all": ["css/admin-review.css"]}

    def get_urls(self) -> list[URLPattern]:
        review = self.admin_site.admin_view(require_POST(self.review_view))
        outline = self.admin_site.admin_view(self.outline_view)
        return [
            path("<path:object_id>/review/", review, name="exhibition_machineoutput_review"),
            path(
                "<path:object_id>/mask-outline.png",
                outline,
                name="exhibition_machineoutput_mask_outline",
            ),
            *super().get_urls(),
        ]

    def outline_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The outline of a restoration's mask, as a transparent PNG layer for the viewer."""
        from exhibition.restoration.outline import restoration_outline_png

        # The id comes from the path: "²" or "abc" is absent, not a 500.
        output = get_object_or_404(MachineOutput, pk=positive_int(object_id))
        if not self.has_view_permission(request, output):
            raise PermissionDenied
        restoration = Restoration.objects.filter(machine_output=output).first()
        if restoration is None or not restoration.mask:
            raise Http404("This output has no mask.")
        try:
            png = restoration_outline_png(restoration)
        except FileNotFoundError:
            raise Http404("The mask file is missing.") from None
        response = HttpResponse(png, content_type="image/png")
        # The mask of a stored run never changes; curators may keep it for the session.
        response["Cache-Control"] = "private, max-age=3600"
        return response

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
        context["has_restoration"] = Restoration.objects.filter(
            machine_output_id=positive_int(object_id)
        ).exists()
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
            messages.error(request, "Choose approve, reject or return to draft.")
            return HttpResponseRedirect(page)
        try:
            _DECISIONS[decision](output=output, reviewer=request.user, note=note)
        except (ReviewError, PermissionDenied) as exc:
            messages.error(request, str(exc) or "You may not review machine output.")
            return HttpResponseRedirect(page)
        messages.success(request, f"“{output}” {_DONE[decision]}.")
        return HttpResponseRedirect(reverse("admin:exhibition_machineoutput_changelist"))

    @admin.action(description="Approve selected outputs", permissions=["review"])
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[MachineOutput]) -> None:
        self._decide_all(request, queryset, decision="approve", note="")

    @admin.action(description="Reject selected outputs…", permissions=["review"])
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
            "title": "Reject machine output",
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
                skipped.append(f"{output}: {exc}")
            else:
                done += 1
        if done:
            messages.success(request, f"{done} output{'s' if done != 1 else ''} {_DONE[decision]}.")
        for reason in skipped:
            messages.warning(request, f"Skipped {reason}")


def restoration_viewer(restoration: Restoration) -> SafeString:
    """The full-size before/after viewer of one restoration (driven by
    static/js/admin-restoration-review.js); links to the full-size files without script."""
    image = restoration.source_image
    layers = [
        ("Original (full size)", image.original),
        ("Result — AI reconstruction (full size)", restoration.result),
        ("Mask (white = reconstructed)", restoration.mask),
        ("Uncertainty map (brighter = less certain)", restoration.uncertainty),
    ]
    context = {
        "title": image.collection_object.title,
        "source_url": image.original.url,
        "result_url": restoration.result.url,
        "outline_url": reverse(
            "admin:exhibition_machineoutput_mask_outline", args=[restoration.machine_output_id]
        ),
        "uncertainty_url": restoration.uncertainty.url if restoration.uncertainty else "",
        "width": image.width,
        "height": image.height,
        "files": [(label, file.url) for label, file in layers if file and file.name],
    }
    return mark_safe(render_to_string("admin/restoration/review_viewer.html", context))


def _related_output_summary(output: MachineOutput) -> SafeString | str:
    """What other kinds of output hold (a tag, a text…), from the records that link to it.

    Kinds other than restorations keep their content in their own models with a link to
    the MachineOutput; listing those records' fields lets the queue show any kind.
    """
    rows: list[tuple[str, str]] = []
    for relation in output._meta.related_objects:
        if relation.related_model in (ProvenanceEvent, Restoration):
            continue
        accessor = relation.get_accessor_name()
        if accessor is None:
            continue
        try:
            related = getattr(output, accessor)
        except ObjectDoesNotExist:
            continue
        records = list(related.all()[:20]) if hasattr(related, "all") else [related]
        for record in records:
            for field in record._meta.concrete_fields:
                if field.primary_key or field.is_relation:
                    continue
                rows.append(
                    (
                        f"{record._meta.verbose_name}: {field.verbose_name}",
                        str(field.value_from_object(record)),
                    )
                )
    if not rows:
        return "No content recorded beyond the provenance below."
    return format_html("<dl>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows))


@admin.register(Restoration)
class RestorationAdmin(WrittenBySystem, ModelAdmin[Restoration]):
    """Read-only: a restoration is reviewed through its machine output in the queue."""

    list_display = ["result_preview", "source_object", "engine", "status", "review_link"]
    list_filter = ["machine_output__status", "machine_output__engine"]
    list_select_related = ["source_image__collection_object", "machine_output"]
    search_fields = ["source_image__collection_object__title"]
    readonly_fields = (
        "source_image",
        "review_link",
        "tool_link",
        "comparison",
    )
    fields = readonly_fields

    change_list_template = "admin/restoration/restoration_change_list.html"

    def get_urls(self) -> list[URLPattern]:
        # The curators' tool (detect, paint or upload a mask, run, compare) lives here.
        return [*RestorationTools(self.admin_site).urls(), *super().get_urls()]

    @admin.display(description="Result")
    def result_preview(self, restoration: Restoration) -> SafeString | str:
        return image_preview(restoration.result, alt="Reconstruction", max_height=48)

    @admin.display(description="Object")
    def source_object(self, restoration: Restoration) -> str:
        return str(restoration.source_image.collection_object)

    @admin.display(description="Engine", ordering="machine_output__engine")
    def engine(self, restoration: Restoration) -> str:
        output = restoration.machine_output
        return f"{output.engine} {output.engine_version}"

    @admin.display(description="Review status", ordering="machine_output__status")
    def status(self, restoration: Restoration) -> str:
        return restoration.machine_output.get_status_display()

    @admin.display(description="Review")
    def review_link(self, restoration: Restoration) -> SafeString:
        url = reverse("admin:exhibition_machineoutput_change", args=[restoration.machine_output_id])
        return format_html('<a href="{}">Review page and provenance</a>', url)

    @admin.display(description="Virtual restoration tool")
    def tool_link(self, restoration: Restoration) -> SafeString:
        return tool_link(restoration.source_image)

    @admin.display(description="Comparison")
    def comparison(self, restoration: Restoration) -> SafeString:
        review = reverse(
            "admin:exhibition_machineoutput_change", args=[restoration.machine_output_id]
        )
        return format_html(
            '<a href="{}">Compare at full size on the review page</a> · '
            '<a href="{}">result</a> · <a href="{}">original</a>',
            review,
            restoration.result.url,
            restoration.source_image.original.url,
        )

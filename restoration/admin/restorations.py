"""The Restoration records in the admin: read-only, with the curators' tool mounted here.

A restoration is reviewed through its machine output in the review queue; this list is
where curators find the runs and open the tool (detect, paint or upload a mask, run, compare).
"""

from django.contrib import admin
from django.urls import URLPattern, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from exhibition.admin.generics import ModelAdmin
from exhibition.admin.links import restoration_tool_link
from exhibition.admin.previews import image_preview
from exhibition.admin.readonly import WrittenBySystem
from exhibition.models import Restoration
from restoration.admin.tool import RestorationTools


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

    @admin.display(description=gettext_lazy("Result"))
    def result_preview(self, restoration: Restoration) -> SafeString | str:
        return image_preview(restoration.result, alt=_("Reconstruction"), size="small")

    @admin.display(description=gettext_lazy("Object"))
    def source_object(self, restoration: Restoration) -> str:
        return str(restoration.source_image.collection_object)

    @admin.display(description=gettext_lazy("Engine"), ordering="machine_output__engine")
    def engine(self, restoration: Restoration) -> str:
        output = restoration.machine_output
        return f"{output.engine} {output.engine_version}"

    @admin.display(description=gettext_lazy("Review status"), ordering="machine_output__status")
    def status(self, restoration: Restoration) -> str:
        return restoration.machine_output.get_status_display()

    @admin.display(description=gettext_lazy("Review"))
    def review_link(self, restoration: Restoration) -> SafeString:
        url = reverse("admin:exhibition_machineoutput_change", args=[restoration.machine_output_id])
        return format_html('<a href="{}">{}</a>', url, _("Review page and provenance"))

    @admin.display(description=gettext_lazy("Virtual restoration tool"))
    def tool_link(self, restoration: Restoration) -> SafeString | str:
        return restoration_tool_link(restoration.source_image)

    @admin.display(description=gettext_lazy("Comparison"))
    def comparison(self, restoration: Restoration) -> SafeString:
        review = reverse(
            "admin:exhibition_machineoutput_change", args=[restoration.machine_output_id]
        )
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
            review,
            _("Compare at full size on the review page"),
            restoration.result.url,
            pgettext("restoration file", "result"),
            restoration.source_image.original.url,
            pgettext("restoration file", "original"),
        )

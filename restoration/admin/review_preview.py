"""A restoration on its review page: the full-size before/after viewer and its mask outline.

Registered with the exhibition's review queue (exhibition/admin/review_previews.py) when the
app starts. The viewer (static/js/admin-restoration-review.js, OpenSeadragon) shows the
original and the result at full resolution in one viewport with a divider between them, and
the mask's outline and the uncertainty map as layers to switch on; without JavaScript the
full-size files are links.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from exhibition.admin.links import restoration_tool_link
from exhibition.admin.review_previews import ReviewPreview, register_review_preview
from exhibition.models import MachineOutput, MachineOutputKind, Restoration
from exhibition.whole_numbers import positive_int
from restoration.outline import restoration_outline_png

SCRIPTS = ("vendor/openseadragon.min.js", "js/admin-restoration-review.js")


def restoration_preview(output: MachineOutput) -> SafeString | None:
    """The viewer and a link back to the tool; None for a failed run (nothing stored)."""
    try:
        restoration = output.restoration
    except ObjectDoesNotExist:
        return None
    return format_html(
        "{}<p>{} {}</p>",
        restoration_viewer(restoration),
        _("Run other engines or correct the mask:"),
        restoration_tool_link(restoration.source_image),
    )


def restoration_viewer(restoration: Restoration) -> SafeString:
    """The full-size before/after viewer of one restoration (driven by
    static/js/admin-restoration-review.js); links to the full-size files without script."""
    image = restoration.source_image
    layers = [
        (_("Original (full size)"), image.original),
        (_("Result — AI reconstruction (full size)"), restoration.result),
        (_("Mask (white = reconstructed)"), restoration.mask),
        (_("Uncertainty map (brighter = less certain)"), restoration.uncertainty),
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


def mask_outline_view(model_admin: Any) -> Callable[[HttpRequest, str], HttpResponse]:
    """The outline of a restoration's mask, as a transparent PNG layer for the viewer."""

    def outline(request: HttpRequest, object_id: str) -> HttpResponse:
        # The id comes from the path: "²" or "abc" is absent, not a 500.
        output = get_object_or_404(MachineOutput, pk=positive_int(object_id))
        if not model_admin.has_view_permission(request, output):
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

    return outline


def preview_urls(model_admin: Any) -> list[URLPattern]:
    view = model_admin.admin_site.admin_view(mask_outline_view(model_admin))
    return [
        path(
            "<path:object_id>/mask-outline.png",
            view,
            name="exhibition_machineoutput_mask_outline",
        )
    ]


def connect() -> None:
    register_review_preview(
        ReviewPreview(
            kind=MachineOutputKind.RESTORATION,
            render=restoration_preview,
            scripts=SCRIPTS,
            urls=preview_urls,
        )
    )

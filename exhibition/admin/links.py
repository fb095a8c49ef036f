"""Links from the collection's admin pages to tools other apps mount in the admin.

By URL name only, so the exhibition never imports those apps; where one is not installed,
there is no link.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from exhibition.models import ObjectImage

RESTORATION_TOOL = "admin:exhibition_restoration_tool"


def restoration_tool_url(image: ObjectImage) -> str | None:
    """The virtual-restoration tool for this image (the restoration app's), if installed."""
    try:
        return reverse(RESTORATION_TOOL, args=[image.pk])
    except NoReverseMatch:
        return None


def restoration_tool_link(image: ObjectImage) -> SafeString | str:
    url = restoration_tool_url(image)
    if url is None:
        return "—"
    label = (
        _("Virtual restoration (marked damaged)")
        if image.collection_object.is_damaged
        else _("Virtual restoration")
    )
    return format_html('<a href="{}">{}</a>', url, label)

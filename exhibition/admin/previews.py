"""Small HTML previews of media for admin lists (the review page has its own viewer:
exhibition/admin/review.py ``restoration_viewer``)."""

from django.db.models.fields.files import FieldFile
from django.utils.html import format_html
from django.utils.safestring import SafeString

EMPTY = "—"


def image_preview(file: FieldFile | None, *, alt: str, max_height: int = 80) -> SafeString | str:
    """An <img> of a stored image, bounded in height; a dash when there is none."""
    if not file or not file.name:
        return EMPTY
    return format_html(
        '<img src="{}" alt="{}" loading="lazy" style="max-height:{}px;max-width:{}px;'
        'height:auto;width:auto">',
        file.url,
        alt,
        max_height,
        max_height * 2,
    )

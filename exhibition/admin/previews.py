"""Small HTML previews of media for admin lists and forms (a restoration's review page has
its own viewer: restoration/admin/review_preview.py)."""

from django.db.models.fields.files import FieldFile
from django.utils.html import format_html
from django.utils.safestring import SafeString

EMPTY = "—"
# Bounds in static/css/admin-vitrine.css (48, 80 and 320 px high): classes, not inline
# styles, so the admin's Content-Security-Policy needs no 'unsafe-inline'.
SIZES = ("small", "medium", "large")


def image_preview(file: FieldFile | None, *, alt: str, size: str = "medium") -> SafeString | str:
    """An <img> of a stored image, bounded in height; a dash when there is none."""
    if size not in SIZES:
        raise ValueError(f"preview size must be one of {', '.join(SIZES)}")
    if not file or not file.name:
        return EMPTY
    return format_html(
        '<img src="{}" alt="{}" loading="lazy" class="admin-preview admin-preview--{}">',
        file.url,
        alt,
        size,
    )

"""Small HTML previews of media for admin lists and review pages."""

from django.db.models.fields.files import FieldFile
from django.utils.html import format_html, format_html_join
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


def figure(file: FieldFile | None, *, caption: str, alt: str) -> SafeString:
    """One captioned image of a side-by-side comparison, linking to the full-size file."""
    style = "margin:0;flex:1 1 14rem;max-width:26rem"
    if not file or not file.name:
        return format_html(
            '<figure class="review-figure" style="{}"><p>(none)</p><figcaption>{}</figcaption>'
            "</figure>",
            style,
            caption,
        )
    return format_html(
        '<figure class="review-figure" style="{}"><a href="{}"><img src="{}" alt="{}" '
        'loading="lazy" style="max-width:100%;max-height:360px;height:auto;width:auto">'
        '</a><figcaption style="font-weight:bold">{}</figcaption></figure>',
        style,
        file.url,
        file.url,
        alt,
        caption,
    )


def side_by_side(figures: list[SafeString]) -> SafeString:
    """Figures in one row that wraps on narrow screens."""
    return format_html(
        '<div class="review-compare" style="display:flex;flex-wrap:wrap;gap:1rem;'
        'align-items:flex-start">{}</div>',
        format_html_join("", "{}", ((item,) for item in figures)),
    )

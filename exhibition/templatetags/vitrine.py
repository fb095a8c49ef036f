"""Template helpers for the public pages: thumbnails, labels, licences, JSON-LD."""

import json
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from exhibition import media_links
from exhibition.alt_text import alt_text_for
from exhibition.browse import century_label as _century_label
from exhibition.licences import Licence, get_licence
from exhibition.models import CollectionObject, ObjectImage
from exhibition.public_names import person_name

register = template.Library()

# Characters that could close the <script> element or start markup inside JSON-LD.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def object_thumbnail(obj: CollectionObject) -> media_links.Thumbnail | None:
    return media_links.object_thumbnail(obj)


@register.simple_tag
def image_thumbnail(
    image: ObjectImage, width: int = media_links.CARD_WIDTH
) -> media_links.Thumbnail:
    return media_links.image_thumbnail(image, width=width)


@register.simple_tag
def iiif_info_url(image: ObjectImage) -> str:
    return media_links.iiif_info_url(image)


@register.filter
def licence(licence_id: str) -> Licence | None:
    return get_licence(licence_id)


@register.filter
def century_label(century: int | None) -> str:
    return "" if century is None else _century_label(century)


@register.filter
def creator_names(obj: CollectionObject) -> str:
    """'Leonardo da Vinci; attributed to Rembrandt' from prefetched creator links."""
    return "; ".join(
        " ".join(part for part in (link.qualifier, link.agent.name) if part)
        for link in obj.creator_links.all()
    )


register.filter("person_name", person_name)
# An approved description's alt text, else the record's (exhibition/alt_text.py).
register.filter("alt_text", alt_text_for)


@register.filter
def parameter_value(value: Any) -> str:
    """A machine output parameter as a reader sees it: plain text, JSON for structures."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@register.filter
def json_ld(data: dict[str, Any]) -> SafeString:
    """JSON for a <script type="application/ld+json"> element, safe against </script>."""
    text = json.dumps(data, ensure_ascii=False, indent=1).translate(_JSON_SCRIPT_ESCAPES)
    # Escaped above, as Django's json_script does.
    return mark_safe(text)

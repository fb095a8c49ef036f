"""The description on every public object page, and the alt text pages give its picture.

An approved description is shown as the museum's (short, then long). If only a machine
draft exists, it is shown too, since a blind visitor is better served by a draft than by
nothing, but labelled plainly as a machine draft awaiting review, as the issue asks. The
page is cached for every visitor, so the panel holds public information only.
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from descriptions.models import Description
from descriptions.selectors import approved_description, latest_description
from exhibition.alt_text import Media, register_alt_text_provider
from exhibition.models import CollectionObject, ObjectImage
from exhibition.page_extensions import ObjectPanel, register_object_panel


def current_language() -> str:
    """The page's language if descriptions are written in it, else the default."""
    language = (get_language() or "").split("-", 1)[0]
    if language in settings.DESCRIPTIONS_VOICES:
        return language
    return str(settings.DESCRIPTIONS_DEFAULT_LANGUAGE)


def shown_description(collection_object: CollectionObject) -> Description | None:
    """The approved description, else the newest draft (never a rejected one)."""
    language = current_language()
    approved = approved_description(collection_object, language)
    return approved or latest_description(collection_object, language)


def description_panel_context(request: HttpRequest, obj: CollectionObject) -> dict[str, Any] | None:
    description = shown_description(obj)
    if description is None:
        return None
    return {
        "short_text": description.short_text,
        "paragraphs": [p for p in description.long_text.split("\n\n") if p.strip()],
        "is_draft": not description.machine_output.is_approved,
        "language": description.language,
    }


def _described_media(media: Media) -> bool:
    """Whether this is the picture the description was drafted from: the object's first
    image, or its first 3D model when it has no image."""
    obj = media.collection_object
    if isinstance(media, ObjectImage):
        first = obj.images.order_by("order", "pk").values_list("pk", flat=True).first()
        return first == media.pk
    if obj.images.exists():
        return False
    return obj.models3d.order_by("order", "pk").values_list("pk", flat=True).first() == media.pk


def approved_alt_text(media: Media) -> str | None:
    """An approved description's alt text for the picture it describes; drafts never."""
    if not _described_media(media):
        return None
    description = approved_description(media.collection_object, current_language())
    return description.alt_text if description is not None else None


def connect() -> None:
    register_object_panel(
        ObjectPanel(
            name="description",
            template="descriptions/object_panel.html",
            context=description_panel_context,
            order=20,  # near the top: what the object looks like, before visits and tours
        )
    )
    register_alt_text_provider(approved_alt_text)

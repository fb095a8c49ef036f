"""The description on every public object page, and the alt text pages give its picture.

An approved description is shown as the museum's (short, then long). If only a machine
draft exists, it is shown too, since a blind visitor is better served by a draft than by
nothing, but labelled plainly as a machine draft awaiting review, as the issue asks. The
page is cached for every visitor, so the panel holds public information only.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest
from django.utils.translation import get_language, pgettext_lazy

from descriptions.models import Description
from descriptions.selectors import approved_description, latest_description
from exhibition.alt_text import Media, register_alt_text_provider
from exhibition.models import (
    CollectionObject,
    ObjectImage,
    ObjectModel3D,
    ReviewStatus,
    Visibility,
)
from exhibition.page_extensions import ObjectPanel, register_object_panel
from search.per_version import VersionedValue

# The languages' names as they fit "it is given in %(language)s" ("en anglais").
LANGUAGE_NAMES = {
    "en": pgettext_lazy("given in", "English"),
    "fr": pgettext_lazy("given in", "French"),
}


def language_name(code: str) -> str:
    return str(LANGUAGE_NAMES.get(code.split("-")[0], code))


def current_language() -> str:
    """The page's language if descriptions are written in it, else the default."""
    language = (get_language() or "").split("-", 1)[0]
    if language in settings.DESCRIPTIONS_VOICES:
        return language
    return str(settings.DESCRIPTIONS_DEFAULT_LANGUAGE)


def shown_description(collection_object: CollectionObject) -> Description | None:
    """The approved description in the page's language, else its newest draft (never a
    rejected one); with neither, the same in the default language (the panel says so)."""
    page_language = current_language()
    default = str(settings.DESCRIPTIONS_DEFAULT_LANGUAGE)
    for language in dict.fromkeys([page_language, default]):
        approved = approved_description(collection_object, language)
        found = approved or latest_description(collection_object, language)
        if found is not None:
            return found
    return None


def description_panel_context(request: HttpRequest, obj: CollectionObject) -> dict[str, Any] | None:
    description = shown_description(obj)
    if description is None:
        return None
    return {
        "short_text": description.short_text,
        "paragraphs": [p for p in description.long_text.split("\n\n") if p.strip()],
        "is_draft": not description.machine_output.is_approved,
        "language": description.language,
        "language_fallback": description.language != current_language(),
        "language_name": language_name(description.language),
    }


@dataclass(frozen=True)
class _ApprovedAlt:
    text: str
    first_image: int | None  # the picture the description was drafted from: the first
    first_model: int | None  # image, or the first 3D model when there is no image


def _approved_alts() -> dict[tuple[int, str], _ApprovedAlt]:
    """Every approved description's alt text by (object, language), in one query.

    Kept per collection version (an approval or an edit moves it on): a page that shows
    many pictures (an exhibition's story) asks once, not twice per picture.
    """
    first_image = ObjectImage.objects.filter(collection_object=OuterRef("collection_object"))
    first_model = ObjectModel3D.objects.filter(collection_object=OuterRef("collection_object"))
    rows = (
        Description.objects.filter(
            machine_output__status=ReviewStatus.APPROVED,
            collection_object__visibility=Visibility.PUBLIC,
        )
        .annotate(
            first_image=Subquery(first_image.order_by("order", "pk").values("pk")[:1]),
            first_model=Subquery(first_model.order_by("order", "pk").values("pk")[:1]),
        )
        .order_by("machine_output__produced_at", "pk")  # the newest approval wins
        .values_list("collection_object_id", "language", "alt_text", "first_image", "first_model")
    )
    return {
        (object_id, language): _ApprovedAlt(text, image, model)
        for object_id, language, text, image, model in rows
    }


_APPROVED_ALTS = VersionedValue(_approved_alts)


def approved_alt_text(media: Media) -> str | None:
    """An approved description's alt text for the picture it describes; drafts never."""
    found = _APPROVED_ALTS.get().get((media.collection_object_id, current_language()))
    if found is None:
        return None
    if isinstance(media, ObjectImage):
        described = found.first_image == media.pk
    else:
        described = found.first_image is None and found.first_model == media.pk
    return found.text if described else None


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

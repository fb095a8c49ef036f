"""How each kind of machine output is shown on its review page, registered by the app that
makes it, so the exhibition's review queue never imports those apps.

An app registers a preview in its ``AppConfig.ready``: the HTML shown as the output (e.g. a
restoration's before/after viewer), the static scripts the page then needs, and admin URLs
the preview uses, mounted under the review queue (e.g. the outline of a restoration's mask).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern
from django.utils.safestring import SafeString

from exhibition.models import MachineOutput


@dataclass(frozen=True)
class ReviewPreview:
    kind: str  # a MachineOutputKind value
    render: Callable[[MachineOutput], SafeString | None]  # None: nothing to show for this one
    scripts: tuple[str, ...] = ()  # static paths, loaded in the review page's head
    urls: Callable[[Any], list[URLPattern]] | None = None  # given the MachineOutput admin


_PREVIEWS: dict[str, ReviewPreview] = {}


def register_review_preview(preview: ReviewPreview) -> None:
    """Add (or replace) the preview of one kind of machine output."""
    _PREVIEWS[preview.kind] = preview


def review_preview_for(kind: str) -> ReviewPreview | None:
    return _PREVIEWS.get(kind)


def review_preview_urls(model_admin: Any) -> list[URLPattern]:
    """Every registered preview's admin URLs, to mount under the review queue."""
    return [
        pattern
        for preview in _PREVIEWS.values()
        if preview.urls is not None
        for pattern in preview.urls(model_admin)
    ]

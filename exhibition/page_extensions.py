"""Panels that other apps add to the object page, so exhibition never imports them.

An app registers a panel in its ``AppConfig.ready``; the object page renders each
registered panel's template with the context the panel returns (or skips it when the
panel returns None). Panels must be cheap and must show public information only: the
page is cached for every anonymous visitor (see ``exhibition/page_cache.py``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from exhibition.models import CollectionObject

PanelContext = Callable[[HttpRequest, CollectionObject], dict[str, Any] | None]


@dataclass(frozen=True)
class ObjectPanel:
    name: str
    template: str
    context: PanelContext
    order: int = 100


@dataclass(frozen=True)
class RenderedPanel:
    name: str
    template: str
    context: dict[str, Any]


_PANELS: dict[str, ObjectPanel] = {}


def register_object_panel(panel: ObjectPanel) -> None:
    """Add (or replace, by name) a panel shown on every public object page."""
    _PANELS[panel.name] = panel


def object_panels(request: HttpRequest, obj: CollectionObject) -> list[RenderedPanel]:
    rendered = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.name)):
        context = panel.context(request, obj)
        if context is not None:
            rendered.append(RenderedPanel(panel.name, panel.template, context))
    return rendered

"""The alt text a page gives an object's image or 3D model, from registered providers.

Another app (descriptions) registers a provider in its ``AppConfig.ready`` so the
exhibition never imports it: the first provider with a text wins (e.g. an approved
description's alt text), else the record's own alt text, else the title.
"""

from collections.abc import Callable

from exhibition.models import ObjectImage, ObjectModel3D

Media = ObjectImage | ObjectModel3D
AltTextProvider = Callable[[Media], str | None]

_PROVIDERS: list[AltTextProvider] = []


def register_alt_text_provider(provider: AltTextProvider) -> None:
    """Add a provider (once: registering the same function again changes nothing)."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def alt_text_for(media: Media) -> str:
    for provider in _PROVIDERS:
        text = provider(media)
        if text:
            return text
    return media.alt_text or media.collection_object.title

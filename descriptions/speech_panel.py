"""The "Listen" panel: the object's description spoken, with transcript and captions.

The object page is cached for every anonymous visitor, so the panel is the same HTML for
all and holds only public information: the description (approved, else a draft labelled
as such) and the URLs of its audio and captions, which check the object again when asked.
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from descriptions.page_panels import language_name
from descriptions.speech.spoken import draft_notice, spoken_description
from exhibition.models import CollectionObject
from exhibition.page_extensions import ObjectPanel, register_object_panel

# The speed control's choices; audio-player.js steps through the same list.
SPEEDS = (0.75, 1, 1.25, 1.5, 1.75, 2)


def player_context(collection_object: CollectionObject, language: str) -> dict[str, Any] | None:
    """What templates/descriptions/player.html needs, or None when there is nothing to say.

    ``language`` is the page's: the description is spoken in it when there is one in it,
    else in another language, which the player then names (and marks up with ``lang``).
    The draft notice is shown in the page's language and spoken in the voice's.
    """
    spoken = spoken_description(collection_object=collection_object, language=language)
    if spoken is None:
        return None
    slug = collection_object.slug
    query = "?" + urlencode({"lang": spoken.language})
    page_language = language.strip().lower().split("-")[0]
    return {
        "uid": slug,
        "title": collection_object.text_in(page_language).title,
        "language": spoken.language,
        "language_fallback": spoken.language.split("-")[0] != page_language,
        "language_name": language_name(spoken.language),
        "voice_language": spoken.voice.language,
        "voice_fallback": spoken.voice.is_fallback,
        "is_draft": spoken.is_draft,
        "notice": draft_notice(page_language) if spoken.is_draft else "",
        "spoken_notice": draft_notice(spoken.voice.language) if spoken.is_draft else "",
        "transcript": spoken.transcript,
        "speeds": SPEEDS,
        "ogg_url": reverse("descriptions:speech-ogg", kwargs={"slug": slug}) + query,
        "mp3_url": reverse("descriptions:speech-mp3", kwargs={"slug": slug}) + query,
        "captions_url": reverse("descriptions:speech-captions", kwargs={"slug": slug}) + query,
    }


def page_language() -> str:
    """The page's language: the URL's (/fr/…), which the page cache is keyed by."""
    return get_language() or str(settings.LANGUAGE_CODE)


def listen_panel_context(request: HttpRequest, obj: CollectionObject) -> dict[str, Any] | None:
    return player_context(obj, page_language())


def connect() -> None:
    """The "Listen" panel, and speech made in the background whenever an object changes
    (importing it included) or a curator reviews its description. Imported here so that a
    worker registers the task too."""
    from descriptions.speech.tasks import on_collection_object_changed, on_machine_output_reviewed
    from exhibition.signals import collection_object_changed, machine_output_reviewed

    collection_object_changed.connect(
        on_collection_object_changed, dispatch_uid="descriptions.speech.object_changed"
    )
    machine_output_reviewed.connect(
        on_machine_output_reviewed, dispatch_uid="descriptions.speech.reviewed"
    )
    register_object_panel(
        ObjectPanel(
            name="descriptions-listen",
            template="descriptions/player_panel.html",
            context=listen_panel_context,
            order=30,  # before "Your visit" (40): hearing the object comes first
        )
    )

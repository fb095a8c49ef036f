"""What the public site speaks for an object: its approved description, else a labelled draft.

A machine draft awaiting review is announced before it plays: the notice is spoken as the
first sentence of the draft's audio (and is the first caption), so no player, kiosk or
screen reader can play the draft without it. Which description counts is the descriptions
app's own rule (``approved_description``, ``latest_description``): rejected ones never.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from descriptions.models import Description
from descriptions.selectors import approved_description, latest_description
from descriptions.speech.voices import VoiceChoice, voice_for
from exhibition.models import CollectionObject

MAX_LANGUAGE_CHARS = 10

Selector = Callable[[CollectionObject, str], Description | None]


def draft_notice(language: str) -> str:
    with translation.override(language):
        return gettext("Machine-drafted description, awaiting review.")


@dataclass(frozen=True)
class SpokenDescription:
    description: Description
    is_draft: bool
    transcript: str  # the description as written
    text: str  # what is spoken: the transcript, after the notice for a draft
    voice: VoiceChoice

    @property
    def language(self) -> str:
        return self.description.language


def _language_groups(collection_object: CollectionObject, language: str) -> list[list[str]]:
    """The languages asked for ("fr-ca", then "fr"), then every other one the object is
    described in, the default language first: a description in another language is better
    than silence (the player says when its voice is not the language's own)."""
    asked = list(dict.fromkeys([language, language.split("-")[0]]))
    described = set(
        Description.objects.filter(collection_object=collection_object).values_list(
            "language", flat=True
        )
    )
    default = str(settings.DESCRIPTIONS_DEFAULT_LANGUAGE)
    others = sorted(described - set(asked), key=lambda tag: (tag != default, tag))
    return [asked, others] if others else [asked]


def _first_speakable(
    select: Selector, collection_object: CollectionObject, languages: Iterable[str]
) -> Description | None:
    for language in languages:
        found = select(collection_object, language)
        if found is not None and found.long_text.strip():
            return found
    return None


def spoken_description(
    *, collection_object: CollectionObject, language: str
) -> SpokenDescription | None:
    """The description to speak: in ``language`` when there is one, approved before draft;
    rejected ones never. None when the object has none to speak."""
    language = language[:MAX_LANGUAGE_CHARS].strip().lower()
    description = None
    for group in _language_groups(collection_object, language):
        description = _first_speakable(
            approved_description, collection_object, group
        ) or _first_speakable(latest_description, collection_object, group)
        if description is not None:
            break
    if description is None:
        return None
    is_draft = not description.machine_output.is_approved
    transcript = description.long_text.strip()
    voice = voice_for(description.language)
    text = f"{draft_notice(voice.language)} {transcript}" if is_draft else transcript
    return SpokenDescription(description, is_draft, transcript, text, voice)

"""What the public site speaks for an object: its approved description, else a labelled draft.

A machine draft awaiting review is announced before it plays: the notice is spoken as the
first sentence of the draft's audio (and is the first caption), so no player, kiosk or
screen reader can play the draft without it.
"""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Value, When
from django.utils import translation
from django.utils.translation import gettext

from descriptions.models import Description
from descriptions.speech.voices import VoiceChoice, voice_for
from exhibition.models import CollectionObject, ReviewStatus

MAX_LANGUAGE_CHARS = 10


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


def spoken_description(
    *, collection_object: CollectionObject, language: str
) -> SpokenDescription | None:
    """The description to speak: in ``language`` when there is one, approved before draft,
    newest first; rejected ones never. None when the object has none to speak."""
    language = language[:MAX_LANGUAGE_CHARS].lower()
    description = (
        Description.objects.filter(
            collection_object=collection_object,
            machine_output__status__in=[ReviewStatus.APPROVED, ReviewStatus.DRAFT],
        )
        .exclude(long_text="")
        .select_related("machine_output")
        .annotate(
            other_language=Case(
                When(language=language, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            unapproved=Case(
                When(machine_output__status=ReviewStatus.APPROVED, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
        )
        .order_by("other_language", "unapproved", "-machine_output__produced_at", "-pk")
        .first()
    )
    if description is None:
        return None
    is_draft = not description.machine_output.is_approved
    transcript = description.long_text.strip()
    voice = voice_for(description.language)
    text = f"{draft_notice(voice.language)} {transcript}" if is_draft else transcript
    return SpokenDescription(description, is_draft, transcript, text, voice)

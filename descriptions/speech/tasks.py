"""Speech made in the background: at import, and when a description is drafted or approved.

Thin Celery wrappers over the services. With no broker (the laptop and demo default,
CELERY_TASK_ALWAYS_EAGER) they run in-process once the transaction commits. The audio
views make any speech still missing on demand, so a lost task only costs one request time.
"""

from typing import Any

from celery import shared_task
from django.conf import settings
from django.db import transaction

from descriptions.speech.services import speech_for
from descriptions.speech.spoken import spoken_description
from exhibition.models import CollectionObject, MachineOutput, MachineOutputKind
from exhibition.selectors import public_objects


@shared_task
def generate_object_speech(object_id: int) -> int:
    """Speak the object's current description in each configured language; how many files
    were newly made or found (0 when the object is gone, not public, or undescribed)."""
    collection_object = public_objects().filter(pk=object_id).first()
    if collection_object is None:
        return 0
    keys = set()
    for language in settings.DESCRIPTIONS_VOICES:
        spoken = spoken_description(collection_object=collection_object, language=language)
        if spoken is not None:
            keys.add(speech_for(text=spoken.text, language=spoken.language).key)
    return len(keys)


def speech_schedule(*, collection_object: CollectionObject) -> None:
    """Make the object's speech in the background once the current transaction commits.

    Call it after drafting, editing or approving a description."""
    object_id = collection_object.pk
    # Robust: in-process without a broker, a failure to speak must not turn a curator's
    # save or approval into an error; the audio view makes missing speech on demand.
    transaction.on_commit(lambda: generate_object_speech.delay(object_id), robust=True)


def on_collection_object_changed(
    sender: object, *, collection_object: CollectionObject, **kwargs: Any
) -> None:
    if settings.SPEECH_ON_CHANGE:
        speech_schedule(collection_object=collection_object)


def on_machine_output_reviewed(sender: object, *, output: MachineOutput, **kwargs: Any) -> None:
    """A description approved, rejected or returned to draft changes what the object says."""
    if output.kind == MachineOutputKind.DESCRIPTION and output.collection_object is not None:
        speech_schedule(collection_object=output.collection_object)

"""Celery tasks: thin wrappers over services. With no broker they run in-process."""

from celery import shared_task
from django.conf import settings

from descriptions.selectors import describable_objects, latest_description
from descriptions.services import description_draft
from descriptions.speech.tasks import speech_schedule


@shared_task
def draft_object_description(collection_object_id: int) -> bool:
    """Draft a description for a public object with an image or model that has none;
    False when it is not describable or already has one (drafts are never redone here:
    a curator's work would be buried under new drafts on every edit)."""
    obj = describable_objects().filter(pk=collection_object_id).first()
    language = str(settings.DESCRIPTIONS_DEFAULT_LANGUAGE)
    if obj is None or latest_description(obj, language) is not None:
        return False
    description_draft(collection_object=obj, language=language)
    # Its speech too, now that there is a draft to speak (the import's own schedule may
    # have run before the draft existed).
    if settings.SPEECH_ON_CHANGE:
        speech_schedule(collection_object=obj)
    return True

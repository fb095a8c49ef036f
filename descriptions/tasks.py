"""Celery tasks: thin wrappers over services. With no broker they run in-process."""

from celery import shared_task
from django.conf import settings

from descriptions.drafting.languages import drafting_languages
from descriptions.selectors import describable_objects, latest_description
from descriptions.services import description_drafts
from descriptions.speech.tasks import speech_schedule


@shared_task
def draft_object_description(collection_object_id: int) -> bool:
    """Draft a description, in each of the site's languages it lacks, for a public object
    with an image or model; False when it is not describable or has one in every language
    (drafts are never redone here: a curator's work would be buried under new drafts on
    every edit)."""
    obj = describable_objects().filter(pk=collection_object_id).first()
    if obj is None:
        return False
    missing = [code for code in drafting_languages() if latest_description(obj, code) is None]
    if not missing:
        return False
    description_drafts(collection_object=obj, languages=missing)
    # Its speech too, now that there is a draft to speak (the import's own schedule may
    # have run before the draft existed).
    if settings.SPEECH_ON_CHANGE:
        speech_schedule(collection_object=obj)
    return True

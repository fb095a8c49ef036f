"""Spoken descriptions of public objects: the audio (with byte ranges) and its captions.

The object is resolved by slug through exhibition's public selector, so a restricted or
draft object answers 404 whatever is cached; the files under MEDIA_ROOT/speech/ are named
by a hash and never served by their raw media path (``exhibition.media_access`` does not
list them). Speech not made yet by the background task is made here: eSpeak takes a few
milliseconds per sentence.
"""

from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_safe

from descriptions.models import SpeechAudio
from descriptions.speech.cues import webvtt
from descriptions.speech.http_ranges import ranged_file_response
from descriptions.speech.services import speech_for
from descriptions.speech.spoken import MAX_LANGUAGE_CHARS, spoken_description
from descriptions.speech_panel import page_language
from exhibition.selectors import get_public_object
from exhibition.views.file_responses import stored_file_response

# The audio behind a URL changes when a description is edited or approved: browsers keep
# it a short while, then revalidate with the ETag (the speech's hash).
CACHE_CONTROL = "public, max-age=600"
CONTENT_TYPES = {"ogg": "audio/ogg", "mp3": "audio/mpeg"}


def _speech(request: HttpRequest, slug: str) -> SpeechAudio:
    collection_object = get_public_object(slug)
    # The ?lang= the player's URLs carry, else the URL's own language (/fr/…).
    language = request.GET.get("lang", "")[:MAX_LANGUAGE_CHARS] or page_language()
    spoken = spoken_description(collection_object=collection_object, language=language)
    if spoken is None:
        raise Http404("This object has no description to speak.")
    return speech_for(text=spoken.text, language=spoken.language)


@require_safe
def speech_audio(request: HttpRequest, slug: str, audio_format: str) -> HttpResponseBase:
    audio = _speech(request, slug)
    stored = audio.ogg if audio_format == "ogg" else audio.mp3
    if not stored:
        raise Http404("No audio in this format.")
    if settings.VITRINE_MEDIA_ACCEL_REDIRECT:  # the proxy sends the bytes and ranges
        response = stored_file_response(
            path=Path(stored.path), name=stored.name, content_type=CONTENT_TYPES[audio_format]
        )
        response["ETag"] = f'"{audio.key}-{audio_format}"'
    else:
        response = ranged_file_response(
            request,
            path=Path(stored.path),
            content_type=CONTENT_TYPES[audio_format],
            etag=f"{audio.key}-{audio_format}",
        )
    response["Cache-Control"] = CACHE_CONTROL
    return response


@require_safe
def speech_captions(request: HttpRequest, slug: str) -> HttpResponse:
    audio = _speech(request, slug)
    response = HttpResponse(webvtt(audio.cues), content_type="text/vtt; charset=utf-8")
    response["Cache-Control"] = CACHE_CONTROL
    response["ETag"] = f'"{audio.key}-vtt"'
    return response

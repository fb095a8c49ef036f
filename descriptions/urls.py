from django.urls import path

from descriptions import speech_views

app_name = "descriptions"

urlpatterns = [
    path(
        "objects/<slug:slug>/speech.ogg",
        speech_views.speech_audio,
        {"audio_format": "ogg"},
        name="speech-ogg",
    ),
    path(
        "objects/<slug:slug>/speech.mp3",
        speech_views.speech_audio,
        {"audio_format": "mp3"},
        name="speech-mp3",
    ),
    path(
        "objects/<slug:slug>/captions.vtt",
        speech_views.speech_captions,
        name="speech-captions",
    ),
]

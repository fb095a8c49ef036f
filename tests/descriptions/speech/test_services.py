"""Speech made once per text and settings, stored under MEDIA_ROOT/speech/."""

import io
from pathlib import Path
from typing import Any

import pytest
import soundfile
from django.conf import settings

from descriptions.models import SpeechAudio
from descriptions.speech import engine
from descriptions.speech.services import speech_for
from descriptions.speech.spoken import spoken_description
from descriptions.speech.tasks import generate_object_speech
from exhibition.models import ReviewStatus
from tests import builders

pytestmark = pytest.mark.django_db


def test_speech_is_an_ogg_opus_file_with_one_cue_per_sentence() -> None:
    audio = speech_for(text=builders.DESCRIPTION_LONG_TEXT, language="en")
    path = Path(audio.ogg.path)
    assert path.is_relative_to(Path(settings.MEDIA_ROOT) / "speech")
    data, rate = soundfile.read(io.BytesIO(path.read_bytes()))
    assert rate == 24000
    assert abs(len(data) / rate - audio.duration_seconds) < 0.05
    assert [cue["text"] for cue in audio.cues] == [
        "Oil painting by Test Painter, dated 1850, on canvas.",
        "A calm harbour at dusk, seen from the quay.",
        "In the foreground two fishing boats rest on the water.",
        "Behind them the town climbs a hill under an orange sky.",
    ]
    assert audio.cues[0]["start"] == 0 and audio.cues[-1]["end"] == pytest.approx(
        audio.duration_seconds, abs=0.01
    )
    assert audio.mp3 and soundfile.info(audio.mp3.path).samplerate == engine.sample_rate()


def test_the_same_text_and_settings_are_spoken_once(monkeypatch: pytest.MonkeyPatch) -> None:
    first = speech_for(text=builders.DESCRIPTION_LONG_TEXT, language="en")

    def refuse(*args: object) -> None:
        raise AssertionError("synthesised again")

    monkeypatch.setattr(engine, "synthesise_sentences", refuse)
    assert speech_for(text=builders.DESCRIPTION_LONG_TEXT, language="en").pk == first.pk
    assert SpeechAudio.objects.count() == 1


def test_a_change_of_rate_pitch_or_voice_makes_new_speech(settings: Any) -> None:
    base = speech_for(text=builders.DESCRIPTION_LONG_TEXT, language="en")
    settings.SPEECH_RATE_WPM = 220
    faster = speech_for(text=builders.DESCRIPTION_LONG_TEXT, language="en")
    settings.SPEECH_PITCH = 30
    lower = speech_for(text=builders.DESCRIPTION_LONG_TEXT, language="en")
    french = speech_for(text=builders.DESCRIPTION_LONG_TEXT, language="fr")
    assert len({base.key, faster.key, lower.key, french.key}) == 4
    assert faster.duration_seconds < base.duration_seconds
    assert (french.voice, french.language) == ("fr-fr", "fr")


def test_an_unknown_language_is_spoken_by_the_default_voice() -> None:
    audio = speech_for(text="Bonjour.", language="xx")
    assert (audio.language, audio.voice) == ("en", "en-gb")


def test_empty_text_is_refused() -> None:
    with pytest.raises(ValueError):
        speech_for(text="  \n ", language="en")


def test_a_draft_is_spoken_after_the_notice_and_an_approved_one_without() -> None:
    obj = builders.make_object()
    builders.add_description(obj)
    draft = spoken_description(collection_object=obj, language="en")
    assert draft is not None and draft.is_draft
    audio = speech_for(text=draft.text, language=draft.language)
    assert audio.cues[0]["text"] == "Machine-drafted description, awaiting review."
    builders.add_description(
        obj,
        long_text="An approved text.",
        status=ReviewStatus.APPROVED,
        reviewer=builders.make_curator(),
    )
    approved = spoken_description(collection_object=obj, language="en")
    assert approved is not None and not approved.is_draft
    assert approved.text == "An approved text."


def test_a_rejected_description_is_never_spoken() -> None:
    obj = builders.make_object()
    builders.add_description(obj, status=ReviewStatus.REJECTED, reviewer=builders.make_curator())
    assert spoken_description(collection_object=obj, language="en") is None


def test_the_background_task_speaks_a_public_object_and_skips_a_restricted_one() -> None:
    shown = builders.make_object()
    hidden = builders.make_object(visibility="restricted")
    builders.add_description(shown)
    builders.add_description(hidden)
    assert generate_object_speech(shown.pk) == 1  # one description, in English
    assert generate_object_speech(hidden.pk) == 0
    assert SpeechAudio.objects.count() == 1

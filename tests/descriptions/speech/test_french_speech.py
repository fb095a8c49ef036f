"""French speech: the French voice and its own rate, French captions, the /fr/ address
speaking French, and an unknown language read by the default voice."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from descriptions.speech.services import speech_for
from descriptions.speech.spoken import spoken_description
from descriptions.speech.voices import voice_for
from tests import builders

pytestmark = pytest.mark.django_db

FRENCH_TEXT = (
    "Une peinture au format paysage. "
    "De gauche à droite : surtout du bleu clair à gauche, de l’ocre au centre et du gris à droite."
)


def test_french_is_spoken_by_the_french_voice_with_french_captions() -> None:
    audio = speech_for(text=FRENCH_TEXT, language="fr")
    english = speech_for(text=FRENCH_TEXT, language="en")
    assert (audio.language, audio.voice) == ("fr", "fr-fr")
    assert english.voice == "en-gb" and english.key != audio.key
    assert [cue["text"] for cue in audio.cues] == [
        "Une peinture au format paysage.",
        "De gauche à droite : surtout du bleu clair à gauche, de l’ocre au centre et du gris "
        "à droite.",
    ]
    assert 3 < audio.duration_seconds < 15


def test_a_language_has_its_own_rate_and_pitch_when_set() -> None:
    with override_settings(SPEECH_LANGUAGE_SETTINGS={"fr": {"rate": 175, "pitch": 40}}):
        french, english = voice_for("fr-CA"), voice_for("en")
        audio = speech_for(text=FRENCH_TEXT, language="fr")
    assert (french.voice, french.rate, french.pitch) == ("fr-fr", 175, 40)
    assert (english.rate, english.pitch) == (160, 50)
    assert (audio.rate, audio.pitch) == (175, 40)


def test_an_unknown_language_falls_back_to_the_default_voice() -> None:
    choice = voice_for("de")
    assert (choice.language, choice.voice, choice.is_fallback) == ("en", "en-gb", True)


def test_a_french_draft_is_announced_in_french() -> None:
    obj = builders.make_object()
    builders.add_description(obj, long_text=FRENCH_TEXT, language="fr")
    builders.add_description(obj)
    spoken = spoken_description(collection_object=obj, language="fr")
    assert spoken is not None and spoken.voice.voice == "fr-fr"
    assert spoken.text.startswith("Brouillon automatique de description, en attente de relecture.")


def test_the_french_address_speaks_french_without_a_lang_parameter(client: Client) -> None:
    obj = builders.make_object()
    builders.add_description(obj, long_text=FRENCH_TEXT, language="fr")
    builders.add_description(obj)
    with translation.override("fr"):
        url = reverse("descriptions:speech-captions", kwargs={"slug": obj.slug})
    assert url.startswith("/fr/")
    captions = client.get(url).content.decode()
    assert "Brouillon automatique de description" in captions
    assert "De gauche à droite" in captions
    english = client.get(url.removeprefix("/fr")).content.decode()
    assert "Machine-drafted description" in english and "De gauche" not in english

"""Which eSpeak voice speaks a language, how fast and how high, and whether it had to fall
back to the default.

``DESCRIPTIONS_VOICES`` names a voice per language; ``SPEECH_RATE_WPM`` and
``SPEECH_PITCH`` set the rate and pitch of every voice, and ``SPEECH_LANGUAGE_SETTINGS``
(optional, e.g. ``{"fr": {"rate": 170, "pitch": 45}}``) changes them for one language:
voices do not all sound natural at the same speed.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings


@dataclass(frozen=True)
class VoiceChoice:
    language: str  # the language actually spoken
    voice: str
    is_fallback: bool  # True when the language asked for has no voice of its own
    rate: int = 160  # words per minute
    pitch: int = 50  # 0-99, 50 is the voice's own


def _tuned(language: str, voice: str, is_fallback: bool) -> VoiceChoice:
    overrides: dict[str, Any] = getattr(settings, "SPEECH_LANGUAGE_SETTINGS", {}).get(language, {})
    return VoiceChoice(
        language=language,
        voice=voice,
        is_fallback=is_fallback,
        rate=int(overrides.get("rate", settings.SPEECH_RATE_WPM)),
        pitch=int(overrides.get("pitch", settings.SPEECH_PITCH)),
    )


def voice_for(language: str) -> VoiceChoice:
    voices: dict[str, str] = settings.DESCRIPTIONS_VOICES
    default_language: str = settings.DESCRIPTIONS_DEFAULT_LANGUAGE
    tag = language.strip().lower()
    if tag in voices:
        return _tuned(tag, voices[tag], is_fallback=False)
    base = tag.split("-")[0]  # "fr-ca" is spoken by the "fr" voice
    if base in voices:
        return _tuned(base, voices[base], is_fallback=False)
    return _tuned(default_language, voices[default_language], is_fallback=True)

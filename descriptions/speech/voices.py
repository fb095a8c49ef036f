"""Which eSpeak voice speaks a language, and whether it had to fall back to the default."""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class VoiceChoice:
    language: str  # the language actually spoken
    voice: str
    is_fallback: bool  # True when the language asked for has no voice of its own


def voice_for(language: str) -> VoiceChoice:
    voices: dict[str, str] = settings.DESCRIPTIONS_VOICES
    default_language: str = settings.DESCRIPTIONS_DEFAULT_LANGUAGE
    tag = language.strip().lower()
    if tag in voices:
        return VoiceChoice(language=tag, voice=voices[tag], is_fallback=False)
    base = tag.split("-")[0]  # "fr-ca" is spoken by the "fr" voice
    if base in voices:
        return VoiceChoice(language=base, voice=voices[base], is_fallback=False)
    return VoiceChoice(language=default_language, voice=voices[default_language], is_fallback=True)

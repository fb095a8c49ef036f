"""Speech for a text: synthesised once, encoded, stored under MEDIA_ROOT/speech/, cached.

The cache key is a SHA-256 of everything that shapes the audio (text, voice, rate, pitch,
engine and encoder version), so the same words are spoken once however many pages or
languages ask, and a change of settings makes new files rather than serving stale ones.
"""

import hashlib
import json
import time
from dataclasses import dataclass

import numpy as np
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from descriptions.models import SpeechAudio
from descriptions.speech import encoding, engine
from descriptions.speech.cues import cues_from_lengths
from descriptions.speech.sentences import bounded_sentences
from descriptions.speech.voices import voice_for


@dataclass(frozen=True)
class SpeechTimings:
    """How long making one file took, for bench_speech."""

    synthesis_seconds: float
    encoding_seconds: float
    audio_seconds: float


def speech_key(*, text: str, voice: str, rate: int, pitch: int) -> str:
    shape = [text, voice, rate, pitch, engine.ENGINE_NAME, encoding.ENCODER_VERSION]
    return hashlib.sha256(json.dumps(shape, ensure_ascii=False).encode()).hexdigest()


def _settings_voice(language: str) -> tuple[str, str, int, int]:
    choice = voice_for(language)
    return choice.language, choice.voice, choice.rate, choice.pitch


def cached_speech(*, text: str, language: str) -> SpeechAudio | None:
    """The stored speech for this text in this language's voice, if made already."""
    sentences, _ = bounded_sentences(text)
    _, voice, rate, pitch = _settings_voice(language)
    key = speech_key(text=" ".join(sentences), voice=voice, rate=rate, pitch=pitch)
    return SpeechAudio.objects.filter(key=key).first()


def speech_for(*, text: str, language: str) -> SpeechAudio:
    """The speech for ``text``, synthesised and stored now unless already cached.

    An unknown language is spoken by the default language's voice (the returned row's
    ``language`` then differs from the one asked: see ``voice_for``). Text longer than the
    bound is spoken up to the last sentence that fits. Raises ValueError for empty text.
    """
    audio, _ = speech_with_timings(text=text, language=language)
    return audio


def speech_with_timings(*, text: str, language: str) -> tuple[SpeechAudio, SpeechTimings | None]:
    """``speech_for``, also saying how long synthesis and encoding took (None if cached)."""
    sentences, _ = bounded_sentences(text)
    if not sentences:
        raise ValueError("There is no text to speak.")
    spoken_language, voice, rate, pitch = _settings_voice(language)
    spoken = " ".join(sentences)
    key = speech_key(text=spoken, voice=voice, rate=rate, pitch=pitch)
    existing = SpeechAudio.objects.filter(key=key).first()
    if existing is not None:
        return existing, None
    started = time.perf_counter()
    pcm_parts = engine.synthesise_sentences(sentences, engine.Voice(voice, rate, pitch))
    rate_hz = engine.sample_rate()
    synthesised = time.perf_counter()
    pcm = np.concatenate(pcm_parts) if pcm_parts else np.zeros(0, dtype=np.int16)
    ogg = encoding.encode_ogg_opus(pcm, rate_hz)
    mp3 = encoding.encode_mp3(pcm, rate_hz) if encoding.mp3_supported() else b""
    encoded = time.perf_counter()
    audio = SpeechAudio(
        key=key,
        language=spoken_language,
        voice=voice,
        rate=rate,
        pitch=pitch,
        text=spoken,
        duration_seconds=pcm.size / rate_hz,
        cues=cues_from_lengths(sentences, [part.size for part in pcm_parts], rate_hz),
    )
    timings = SpeechTimings(synthesised - started, encoded - synthesised, pcm.size / rate_hz)
    return _stored(audio, ogg=ogg, mp3=mp3), timings


def _stored(audio: SpeechAudio, *, ogg: bytes, mp3: bytes) -> SpeechAudio:
    """Save the files and the row; if another process stored the same key first, use its."""
    folder = f"{audio.key[:2]}/{audio.key}"
    audio.ogg.save(f"{folder}.ogg", ContentFile(ogg), save=False)
    if mp3:
        audio.mp3.save(f"{folder}.mp3", ContentFile(mp3), save=False)
    try:
        with transaction.atomic():
            audio.save()
    except IntegrityError:
        audio.ogg.delete(save=False)
        if mp3:
            audio.mp3.delete(save=False)
        return SpeechAudio.objects.get(key=audio.key)
    return audio

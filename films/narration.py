"""The film's narration: the descriptions app's own speech for a text, as PCM and cues.

Speech is made (or found in its cache) by ``descriptions.speech.services.speech_for``, the
same files the "Listen" panel plays, then decoded by ffmpeg to the film's sample rate.
Narration longer than ``MAX_NARRATION_SECONDS`` is cut at the end of the last sentence that
fits, and its captions with it.
"""

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from descriptions.models import SpeechAudio
from descriptions.speech.cues import Cue
from descriptions.speech.services import speech_for
from films.ffmpeg import FilmBuildError, run_ffmpeg
from films.formats import AUDIO_RATE, MAX_NARRATION_SECONDS

BYTES_PER_SAMPLE = 2


@dataclass(frozen=True)
class Narration:
    pcm: npt.NDArray[np.int16]  # mono, AUDIO_RATE
    cues: list[Cue]  # seconds from the narration's start

    @property
    def seconds(self) -> float:
        return self.pcm.size / AUDIO_RATE


def _decoded(audio: SpeechAudio, seconds: float) -> npt.NDArray[np.int16]:
    path = Path(audio.ogg.path)
    if not path.is_file():
        raise FilmBuildError(f"The speech file {audio.ogg.name} is missing.")
    samples = round(seconds * AUDIO_RATE)
    pcm = run_ffmpeg(
        [
            *["-i", str(path), "-t", f"{seconds:.3f}", "-ac", "1", "-ar", str(AUDIO_RATE)],
            *["-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"],
        ],
        timeout=60,
        stdout_limit=(samples + AUDIO_RATE) * BYTES_PER_SAMPLE,
    )
    return np.frombuffer(pcm, dtype="<i2").astype(np.int16)


def _kept_cues(cues: list[Cue]) -> list[Cue]:
    """The sentences that end within MAX_NARRATION_SECONDS (at least the first)."""
    kept = [cue for cue in cues if cue["end"] <= MAX_NARRATION_SECONDS]
    return kept or cues[:1]


def narration_for(*, text: str, language: str) -> Narration:
    """The speech of ``text`` in ``language``'s voice, made now if not cached."""
    try:
        audio = speech_for(text=text, language=language)
    except ValueError as error:
        raise FilmBuildError(f"No speech could be made: {error}") from None
    cues = _kept_cues(list(audio.cues))
    seconds = min(audio.duration_seconds, cues[-1]["end"] if cues else audio.duration_seconds)
    return Narration(pcm=_decoded(audio, seconds), cues=cues)

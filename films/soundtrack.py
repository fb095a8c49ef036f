"""The film's audio track: each segment's narration after its lead-in, silence elsewhere.

Laid out sample by sample from the segments' frame counts, so the sound, the pictures and
the captions share one clock: a segment of N frames is exactly N / fps seconds of audio.
"""

import wave
from pathlib import Path

import numpy as np

from films.formats import AUDIO_RATE
from films.timeline import Timeline


def write_soundtrack(timeline: Timeline, path: Path) -> None:
    """A mono 16-bit WAV file as long as the film, at AUDIO_RATE."""
    film = timeline.film
    track = np.zeros(film.samples(timeline.frames), dtype=np.int16)
    for segment, start in zip(timeline.segments, timeline.start_frames(), strict=True):
        if segment.narration is None:
            continue
        first = film.samples(start) + round(segment.narration_at * AUDIO_RATE)
        room = film.samples(start + segment.frames) - first
        pcm = segment.narration.pcm[: max(0, room)]
        track[first : first + pcm.size] = pcm
    with wave.open(str(path), "wb") as output:
        output.setnchannels(1)
        output.setsampwidth(2)
        output.setframerate(AUDIO_RATE)
        output.writeframes(track.astype("<i2").tobytes())

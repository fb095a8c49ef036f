"""A tiny exhibition to film, and ffprobe's view of the result."""

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from descriptions.models import Description
from exhibition.models import CollectionObject, Exhibition, ReviewStatus
from tests import builders

HARBOUR = "A calm harbour at dusk, seen from the quay. Two fishing boats rest on the water."
VASE = "A blue and white vase with a dragon. The dragon coils around the neck."
SOUND_RATE = 8_000
DRAFT = "Unreviewed words about a lighthouse that must never be heard."


@dataclass
class TinyExhibition:
    exhibition: Exhibition
    harbour: CollectionObject
    vase: CollectionObject
    harbour_text: Description
    vase_draft: Description


def tiny_exhibition(*, approve_vase: bool = True) -> TinyExhibition:
    """Two objects with small images; the harbour's description approved, the vase's
    approved (or only a draft whose text no film may contain)."""
    curator = builders.make_curator("reviewer")
    harbour = builders.make_object(title="Harbour at Dusk")
    vase = builders.make_object(title="Dragon Vase", object_type="vase")
    builders.add_image(harbour, width=96, height=64)
    builders.add_image(vase, width=48, height=80)
    approved = {"status": ReviewStatus.APPROVED, "reviewer": curator}
    harbour_text = builders.add_description(harbour, long_text=HARBOUR, **approved)
    draft = builders.add_description(vase, long_text=DRAFT)
    if approve_vase:
        builders.add_description(vase, long_text=VASE, **approved)
    exhibition = builders.make_exhibition(harbour, vase, title="Sea and Porcelain")
    return TinyExhibition(exhibition, harbour, vase, harbour_text, draft)


def ffprobe(path: Path) -> dict[str, Any]:
    done = subprocess.run(
        [
            *["/usr/bin/ffprobe", "-v", "error", "-print_format", "json"],
            *["-show_format", "-show_streams", str(path)],
        ],
        capture_output=True,
        check=True,
        timeout=30,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def subtitle_text(path: Path) -> str:
    """The MP4's subtitle track as SubRip text."""
    done = subprocess.run(
        ["/usr/bin/ffmpeg", "-v", "error", "-i", str(path), "-map", "0:s:0", "-f", "srt", "-"],
        capture_output=True,
        check=True,
        timeout=30,
    )
    return done.stdout.decode()


def film_sound(path: Path) -> "npt.NDArray[np.int16]":
    """The MP4's sound, decoded to 16-bit mono at 8 kHz."""
    done = subprocess.run(
        [
            *["/usr/bin/ffmpeg", "-v", "error", "-i", str(path), "-map", "0:a:0"],
            *["-ac", "1", "-ar", str(SOUND_RATE), "-f", "s16le", "-"],
        ],
        capture_output=True,
        check=True,
        timeout=30,
    )
    return np.frombuffer(done.stdout, dtype="<i2")


def loudness(sound: "npt.NDArray[np.int16]", start: float, end: float) -> float:
    """Root mean square of the samples between two times (in seconds)."""
    part = sound[int(start * SOUND_RATE) : int(end * SOUND_RATE)].astype(np.float64)
    return float(np.sqrt(np.mean(part**2))) if part.size else 0.0


def vtt_cues(text: str) -> list[tuple[float, float, str]]:
    """(start, end, text) of each cue of a WebVTT file, checking its shape on the way."""
    blocks = text.strip().split("\n\n")
    assert blocks[0] == "WEBVTT"
    cues = []
    for block in blocks[1:]:
        _number, timing, *lines = block.split("\n")
        start, arrow, end = timing.split(" ")
        assert arrow == "-->"
        cues.append((_seconds(start), _seconds(end), " ".join(lines)))
    return cues


def _seconds(stamp: str) -> float:
    hours, minutes, seconds = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)

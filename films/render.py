"""The film encoded by ffmpeg: each segment on its own, then joined with sound and captions.

A segment is one still (a card, or a picture's canvas slowly zoomed and panned with
ffmpeg's ``zoompan``, the object's title laid over it), faded in and out, encoded to
H.264 by itself: one picture in memory at a time, and a timeout per step. The segments,
all encoded alike, are then joined without re-encoding, with the soundtrack (AAC) and the
captions as a ``mov_text`` subtitle track tagged with the film's language; the MP4's index
goes first (``faststart``) so a browser can play it while it loads. ``-fs`` stops a file
from growing past ``FILMS_MAX_BYTES``; a file that reached it is refused.
"""

import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from films.ffmpeg import FilmBuildError, run_ffmpeg
from films.formats import FADE_SECONDS, FilmFormat
from films.timeline import Segment, Timeline

# How far a picture is zoomed by the end of its segment, and how far it drifts sideways
# (a share of the room the zoom leaves), alternating direction from object to object.
ZOOM = 0.06
DRIFT = 0.3
# ISO 639-2 codes, which MP4 stores for a track's language.
LANGUAGE_TAGS = {"en": "eng", "fr": "fra", "de": "deu", "es": "spa", "it": "ita", "nl": "nld"}
VIDEO_OPTIONS = [
    "-c:v", "libx264", "-preset", "veryfast", "-tune", "stillimage", "-crf", "23",
    "-maxrate", "2500k", "-bufsize", "5000k", "-pix_fmt", "yuv420p", "-profile:v", "high",
]  # fmt: skip


@dataclass
class Deadline:
    """The time left of one build (``FILMS_BUILD_TIMEOUT_SECONDS``) for each ffmpeg step."""

    ends_at: float

    @classmethod
    def starting_now(cls) -> "Deadline":
        return cls(time.monotonic() + float(settings.FILMS_BUILD_TIMEOUT_SECONDS))

    def allow(self, seconds: float) -> float:
        left = self.ends_at - time.monotonic()
        if left <= 1:
            raise FilmBuildError(
                "The build ran past FILMS_BUILD_TIMEOUT_SECONDS "
                f"({settings.FILMS_BUILD_TIMEOUT_SECONDS} s) and was stopped."
            )
        return min(seconds, left)


def language_tag(language: str) -> str:
    return LANGUAGE_TAGS.get(language.split("-")[0], "und")


def _motion(segment: Segment, number: int, film: FilmFormat) -> str:
    frames = segment.frames
    size = f"s={film.width}x{film.height}:fps={film.fps}:d={frames}"
    if not segment.moving:
        return f"zoompan=z=1:{size}"
    last = max(1, frames - 1)
    start, step = (0.5 - DRIFT / 2, DRIFT) if number % 2 else (0.5 + DRIFT / 2, -DRIFT)
    return (
        f"zoompan=z='1+{ZOOM}*on/{last}'"
        f":x='(iw-iw/zoom)*({start}+{step}*on/{last})':y='(ih-ih/zoom)/2':{size}"
    )


def _segment_graph(segment: Segment, number: int, film: FilmFormat) -> str:
    seconds = film.seconds(segment.frames)
    fade = min(FADE_SECONDS, seconds / 4)
    graph = f"[0:v]{_motion(segment, number, film)},setsar=1"
    if segment.overlay is not None:
        graph += "[moving];[moving][1:v]overlay=0:0"
    graph += f",fade=t=in:st=0:d={fade:.3f},fade=t=out:st={seconds - fade:.3f}:d={fade:.3f}"
    return graph + ",format=yuv420p[v]"


def _encode_segment(
    segment: Segment, number: int, film: FilmFormat, output: Path, deadline: Deadline
) -> None:
    inputs = ["-i", str(segment.still)]
    if segment.overlay is not None:
        inputs += ["-i", str(segment.overlay)]
    seconds = film.seconds(segment.frames)
    try:
        run_ffmpeg(
            [
                "-y",
                *inputs,
                *["-filter_complex", _segment_graph(segment, number, film), "-map", "[v]"],
                *["-frames:v", str(segment.frames), *VIDEO_OPTIONS],
                *["-r", str(film.fps), "-g", str(film.fps * 2), "-an", str(output)],
            ],
            timeout=deadline.allow(60 + 4 * seconds),
        )
    except FilmBuildError as error:
        raise FilmBuildError(f"{segment.name}: {error}") from None


def render_film(
    timeline: Timeline,
    *,
    work: Path,
    soundtrack: Path,
    captions: Path,
    output: Path,
    language: str,
    title: str,
    deadline: Deadline,
) -> None:
    """Encode the timeline's segments and join them with the sound and captions."""
    film = timeline.film
    listing = []
    for number, segment in enumerate(timeline.segments):
        part = work / f"segment-{number:03d}.mp4"
        _encode_segment(segment, number, film, part, deadline)
        listing.append(f"file '{part.name}'")
    (work / "segments.txt").write_text("\n".join(listing) + "\n", encoding="utf-8")
    tag = language_tag(language)
    max_bytes = int(settings.FILMS_MAX_BYTES)
    run_ffmpeg(
        [
            *["-y", "-f", "concat", "-safe", "0", "-i", str(work / "segments.txt")],
            *["-i", str(soundtrack), "-i", str(captions)],
            *["-map", "0:v", "-map", "1:a", "-map", "2:s", "-c:v", "copy"],
            *["-c:a", "aac", "-b:a", "96k", "-ac", "1", "-c:s", "mov_text"],
            *["-metadata:s:a:0", f"language={tag}", "-metadata:s:s:0", f"language={tag}"],
            *["-metadata", f"title={title}", "-metadata", f"language={tag}"],
            *["-movflags", "+faststart", "-fs", str(max_bytes), str(output)],
        ],
        timeout=deadline.allow(120 + timeline.seconds),
    )
    if output.stat().st_size >= max_bytes:
        raise FilmBuildError(
            f"The film reached FILMS_MAX_BYTES ({max_bytes:,} bytes) and was refused."
        )

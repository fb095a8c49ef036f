"""The film's format, read once from the settings and kept within sane bounds.

Every number that shapes the frames or the timing is part of the film's version key
(``films.storyboard``), so changing a setting makes every film stale rather than leaving
films of two formats side by side.
"""

from dataclasses import dataclass

from django.conf import settings

# Part of the version key: a change to how films are drawn or encoded rebuilds them all.
RENDERER_VERSION = "3"  # 3: no drawn words under the captions (title band on top)

# Seconds of the timeline around each piece of narration, and of the shots without any.
LEAD_IN_SECONDS = 0.5
PAUSE_AFTER_SECONDS = 1.5
SILENT_HOLD_SECONDS = 4.0
TITLE_MIN_SECONDS = 5.0
CREDITS_PAGE_SECONDS = 4.0
CREDITS_LINE_SECONDS = 0.5
FADE_SECONDS = 0.4
# One object's narration is cut (at a sentence's end) past this: a description is at most
# 250 words, about 100 seconds at 160 words a minute.
MAX_NARRATION_SECONDS = 150.0
# The audio track's sample rate (AAC's usual rate; eSpeak's 22,050 Hz speech is resampled).
AUDIO_RATE = 48_000


@dataclass(frozen=True)
class FilmFormat:
    width: int
    height: int
    fps: int

    @property
    def size(self) -> tuple[int, int]:
        return self.width, self.height

    def frames(self, seconds: float) -> int:
        """Whole frames covering ``seconds`` (at least one)."""
        return max(1, -(-round(seconds * 1000) * self.fps // 1000))

    def seconds(self, frames: int) -> float:
        return frames / self.fps

    def samples(self, frames: int) -> int:
        """Audio samples lasting exactly ``frames`` frames."""
        return frames * AUDIO_RATE // self.fps

    def as_key(self) -> list[object]:
        return [RENDERER_VERSION, self.width, self.height, self.fps]


def _even(value: int, low: int, high: int) -> int:
    # H.264 in 4:2:0 needs even sides.
    return max(low, min(high, value)) // 2 * 2


def film_format() -> FilmFormat:
    # fps divides 48,000 for every value allowed here, so frames and samples line up.
    fps = int(settings.FILMS_FPS)
    return FilmFormat(
        width=_even(int(settings.FILMS_FRAME_WIDTH), 160, 1920),
        height=_even(int(settings.FILMS_FRAME_HEIGHT), 90, 1080),
        fps=fps if fps in {10, 12, 15, 16, 20, 24, 25, 30} else 25,
    )

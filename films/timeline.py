"""The film laid out in time: one segment per card or object, whole frames each.

Each segment's still (a card, or an object's picture on its canvas) is written as a PNG in
the build's working folder as it is laid out, so a long exhibition never holds more than
one large picture in memory. A segment lasts a whole number of frames; its narration
starts after a short lead-in and is followed by a pause. Objects past ``FILMS_MAX_SECONDS``
are left out (and counted), so the film's length is bounded whatever the descriptions say.
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, ngettext
from PIL import Image

from films import cards
from films.formats import (
    CREDITS_LINE_SECONDS,
    CREDITS_PAGE_SECONDS,
    LEAD_IN_SECONDS,
    PAUSE_AFTER_SECONDS,
    SILENT_HOLD_SECONDS,
    TITLE_MIN_SECONDS,
    FilmFormat,
)
from films.narration import Narration, narration_for
from films.pictures import picture_canvas
from films.storyboard import Shot, Storyboard


@dataclass(frozen=True)
class Segment:
    name: str  # says which part of the film an error is about
    still: Path
    overlay: Path | None
    moving: bool  # a picture zoomed slowly; cards stand still
    frames: int
    narration: Narration | None
    narration_at: float = LEAD_IN_SECONDS  # seconds from the segment's start


@dataclass(frozen=True)
class Timeline:
    film: FilmFormat
    segments: list[Segment]
    shown: list[Shot]  # the objects in the film, in order
    left_out: int  # public objects not in the film (over the object or time limits)

    @property
    def frames(self) -> int:
        return sum(segment.frames for segment in self.segments)

    @property
    def seconds(self) -> float:
        return self.film.seconds(self.frames)

    def start_frames(self) -> list[int]:
        starts, position = [], 0
        for segment in self.segments:
            starts.append(position)
            position += segment.frames
        return starts


def _save(image: Image.Image, path: Path) -> Path:
    image.save(path, format="PNG", compress_level=1)  # written once, read once: speed first
    return path


def _spoken_frames(film: FilmFormat, narration: Narration | None, least: float) -> int:
    if narration is None:
        return film.frames(least)
    return film.frames(max(least, LEAD_IN_SECONDS + narration.seconds + PAUSE_AFTER_SECONDS))


def _title_segment(storyboard: Storyboard, film: FilmFormat, work: Path) -> Segment:
    card = cards.title_card(film, lines=storyboard.title_lines, note=storyboard.provenance_note)
    narration = narration_for(text=storyboard.intro_text, language=storyboard.language)
    return Segment(
        name="title card",
        still=_save(card, work / "title.png"),
        overlay=None,
        moving=False,
        frames=_spoken_frames(film, narration, TITLE_MIN_SECONDS),
        narration=narration,
    )


def _no_picture_note(shot: Shot) -> str:
    if shot.collection_object.content_note:
        return gettext(
            "This object has a content note: its pictures are shown on its own page, "
            "after the note."
        )
    return gettext("There is no image of this object yet.")


def _object_segment(
    shot: Shot, number: int, film: FilmFormat, work: Path, language: str
) -> Segment:
    narration = (
        narration_for(text=shot.narration_text, language=language) if shot.narration_text else None
    )
    frames = _spoken_frames(film, narration, SILENT_HOLD_SECONDS)
    name = f"object {shot.collection_object.slug}"
    if shot.picture is None:
        card = cards.text_card(
            film, title=shot.title, byline=shot.byline, note=_no_picture_note(shot)
        )
        return Segment(
            name, _save(card, work / f"object-{number}.png"), None, False, frames, narration
        )
    canvas = picture_canvas(shot.picture, film)
    still = _save(canvas, work / f"object-{number}.png")
    overlay = cards.title_band(film, title=shot.title, byline=shot.byline)
    overlay_path = _save(overlay, work / f"object-{number}-title.png")
    return Segment(name, still, overlay_path, True, frames, narration)


def _credit_lines(shots: list[Shot], left_out: int) -> list[str]:
    lines = [f"{shot.title} — {shot.credit}" for shot in shots]
    if left_out:
        lines.append(
            ngettext(
                "%(count)d more object is in the exhibition online.",
                "%(count)d more objects are in the exhibition online.",
                left_out,
            )
            % {"count": left_out}
        )
    return lines


def _credits_segments(
    shots: list[Shot], left_out: int, film: FilmFormat, work: Path
) -> list[Segment]:
    heading = gettext("Pictures and licences")
    pages = cards.credits_pages(film, heading=heading, lines=_credit_lines(shots, left_out))
    return [
        Segment(
            name=f"credits {number}",
            still=_save(card, work / f"credits-{number}.png"),
            overlay=None,
            moving=False,
            frames=film.frames(CREDITS_PAGE_SECONDS + CREDITS_LINE_SECONDS * entries),
            narration=None,
        )
        for number, (card, entries) in enumerate(pages, start=1)
    ]


def film_timeline(storyboard: Storyboard, film: FilmFormat, work: Path) -> Timeline:
    """Lay the storyboard out in time, writing each segment's still under ``work``."""
    max_frames = film.frames(float(settings.FILMS_MAX_SECONDS))
    with translation.override(storyboard.language):
        segments = [_title_segment(storyboard, film, work)]
        used = segments[0].frames
        shown: list[Shot] = []
        for number, shot in enumerate(storyboard.shots, start=1):
            segment = _object_segment(shot, number, film, work, storyboard.language)
            if shown and used + segment.frames > max_frames:
                break  # the first object is always shown, however long
            segments.append(segment)
            shown.append(shot)
            used += segment.frames
        left_out = storyboard.left_out + len(storyboard.shots) - len(shown)
        segments += _credits_segments(shown, left_out, film, work)
    return Timeline(film=film, segments=segments, shown=shown, left_out=left_out)

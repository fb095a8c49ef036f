"""The film's drawn frames: the title card, the credits, an object's title above its
picture, and the card that stands in for an object with no picture to show.

Text is drawn with Pillow (DejaVu Sans where Debian installs it, else Pillow's own
font), wrapped to the frame and shrunk until it fits, so no title is cut off.

The bottom of the frames that are narrated is left empty: every player draws the captions
there, and its controls when the film is paused, so words drawn into the picture there
would lie under them and neither could be read.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from films.formats import FilmFormat

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
GROUND = (17, 17, 17)
INK = (245, 245, 240)
MUTED = (200, 200, 192)
ACCENT = (232, 196, 120)
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
# The share of a narrated frame's height, at its foot, kept for the captions and controls.
CAPTION_ZONE = 0.25
# How far a text card's words shrink at most to stay above the caption zone.
SMALLEST_SCALE = 0.3


def caption_zone_top(film: FilmFormat) -> int:
    """The first row of the frame that belongs to the captions."""
    return round(film.height * (1 - CAPTION_ZONE))


@cache
def _font(size: int, bold: bool) -> Font:
    path = FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    if path.is_file():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def _wrapped(text: str, font: Font, width: int) -> list[str]:
    """``text`` in lines no wider than ``width`` (a word wider than that is left whole)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        joined = f"{current} {word}" if current else word
        if current and font.getlength(joined) > width:
            lines.append(current)
            current = word
        else:
            current = joined
    if current:
        lines.append(current)
    return lines


def _fitted(text: str, size: int, bold: bool, width: int, max_lines: int) -> tuple[Font, list[str]]:
    """The largest font up to ``size`` that sets ``text`` in at most ``max_lines`` lines."""
    while True:
        font = _font(size, bold)
        lines = _wrapped(text, font, width)
        if len(lines) <= max_lines or size <= 10:
            return font, lines[:max_lines]
        size = size * 9 // 10


def _line_height(font: Font) -> int:
    top, bottom = font.getbbox("Ág")[1::2]
    return int((bottom - top) * 1.3)


def _draw_block(
    draw: ImageDraw.ImageDraw, lines: list[str], font: Font, x: int, y: int, fill: tuple[int, ...]
) -> int:
    """Draw ``lines`` from (x, y); the y below them."""
    for line in lines:
        draw.text((x, y), line, font=font, fill=fill)
        y += _line_height(font)
    return y


@dataclass(frozen=True)
class _Part:
    """One piece of a text card: set in at most ``max_lines`` lines of ``size`` pixels,
    ``space_before`` pixels below the piece above it (with an accent rule there if ``rule``)."""

    text: str
    size: int
    bold: bool
    max_lines: int
    fill: tuple[int, int, int]
    space_before: int = 0
    rule: bool = False


def _draw_stack(draw: ImageDraw.ImageDraw, film: FilmFormat, parts: list[_Part]) -> None:
    """Draw ``parts`` one under another, centred in the frame above the caption zone, all
    shrunk alike until they fit there (a long title must not push the rest under the
    captions)."""
    margin = film.width // 12
    width = film.width - 2 * margin
    top, bottom = margin // 2, caption_zone_top(film)
    scale = 1.0
    while True:
        spaces = [round(part.space_before * scale) for part in parts]
        sets = [
            _fitted(part.text, max(10, round(part.size * scale)), part.bold, width, part.max_lines)
            for part in parts
        ]
        total = sum(spaces) + sum(_line_height(font) * len(lines) for font, lines in sets)
        if total <= bottom - top or scale <= SMALLEST_SCALE:
            break
        scale *= 0.9
    y = top + max(0, (bottom - top - total) // 2)
    for part, space, (font, lines) in zip(parts, spaces, sets, strict=True):
        if part.rule:
            middle = y + space // 2
            draw.line([(margin, middle), (margin + width // 3, middle)], ACCENT, 2)
        y = _draw_block(draw, lines, font, margin, y + space, part.fill)


def title_card(film: FilmFormat, *, lines: list[str], note: str) -> Image.Image:
    """The exhibition's title, subtitle and museum, and what the narration is."""
    card = Image.new("RGB", film.size, GROUND)
    unit = film.height // 24
    parts = [_Part(lines[0], unit * 3, True, 3, INK)]
    parts += [_Part(line, unit * 3 // 2, False, 2, MUTED, unit // 2) for line in lines[1:] if line]
    parts.append(_Part(note, unit, False, 4, MUTED, unit * 2, rule=True))
    _draw_stack(ImageDraw.Draw(card), film, parts)
    return card


def title_band(film: FilmFormat, *, title: str, byline: str) -> Image.Image:
    """A transparent frame with the object's title (and maker, date) in a band along its
    top, clear of the captions at its foot."""
    overlay = Image.new("RGBA", film.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    margin = film.width // 16
    width = film.width - 2 * margin
    unit = film.height // 24
    title_font, title_lines = _fitted(title, unit * 3 // 2, True, width, 1)
    by_font, by_lines = _fitted(byline, unit, False, width, 1) if byline else (title_font, [])
    height = _line_height(title_font) + (_line_height(by_font) if by_lines else 0)
    draw.rectangle([(0, 0), (film.width, unit + height + unit // 2)], fill=(0, 0, 0, 150))
    y = _draw_block(draw, title_lines, title_font, margin, unit, INK)
    _draw_block(draw, by_lines, by_font, margin, y, MUTED)
    return overlay


def text_card(film: FilmFormat, *, title: str, byline: str, note: str) -> Image.Image:
    """An object shown by words alone: no picture, or one behind a content note."""
    card = Image.new("RGB", film.size, GROUND)
    unit = film.height // 24
    parts = [_Part(title, unit * 2, True, 3, INK)]
    if byline:
        parts.append(_Part(byline, unit * 5 // 4, False, 2, MUTED, unit // 2))
    parts.append(_Part(note, unit, False, 3, MUTED, unit * 2))
    _draw_stack(ImageDraw.Draw(card), film, parts)
    return card


def credits_pages(
    film: FilmFormat, *, heading: str, lines: list[str]
) -> list[tuple[Image.Image, int]]:
    """The credits: ``heading``, then one entry per object, over as many cards as it takes;
    each card with how many entries it holds (its time on screen depends on it)."""
    margin = film.width // 12
    width = film.width - 2 * margin
    unit = film.height // 24
    heading_font = _font(unit * 3 // 2, True)
    font = _font(max(10, unit * 4 // 5), False)
    step = _line_height(font)
    top = margin // 2 + _line_height(heading_font) + unit
    room = max(1, (film.height - top - margin // 2) // step)
    wrapped: list[list[str]] = [_wrapped(line, font, width)[:3] for line in lines]
    pages: list[list[list[str]]] = [[]]
    used = 0
    for entry in wrapped:
        if used + len(entry) > room and pages[-1]:
            pages.append([])
            used = 0
        pages[-1].append(entry)
        used += len(entry)
    cards = []
    for page in pages:
        card = Image.new("RGB", film.size, GROUND)
        draw = ImageDraw.Draw(card)
        _draw_block(draw, [heading], heading_font, margin, margin // 2, INK)
        y = top
        for entry in page:
            y = _draw_block(draw, entry, font, margin, y, MUTED)
        cards.append((card, len(page)))
    return cards

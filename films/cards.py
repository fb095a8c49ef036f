"""The film's drawn frames: the title card, the credits, an object's title under its
picture, and the card that stands in for an object with no picture to show.

Text is drawn with Pillow (DejaVu Sans where Debian installs it, else Pillow's own
font), wrapped to the frame and shrunk until it fits, so no title is cut off.
"""

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


def title_card(film: FilmFormat, *, lines: list[str], note: str) -> Image.Image:
    """The exhibition's title, subtitle and museum, and what the narration is."""
    card = Image.new("RGB", film.size, GROUND)
    draw = ImageDraw.Draw(card)
    margin = film.width // 12
    width = film.width - 2 * margin
    unit = film.height // 24
    title_font, title_lines = _fitted(lines[0], unit * 3, True, width, 3)
    y = film.height // 4
    y = _draw_block(draw, title_lines, title_font, margin, y, INK)
    for line in lines[1:]:
        font, wrapped = _fitted(line, unit * 3 // 2, False, width, 2)
        y = _draw_block(draw, wrapped, font, margin, y + unit // 2, MUTED)
    note_font, note_lines = _fitted(note, unit, False, width, 4)
    note_top = film.height - margin // 2 - _line_height(note_font) * len(note_lines)
    draw.line([(margin, note_top - unit), (margin + width // 3, note_top - unit)], ACCENT, 2)
    _draw_block(draw, note_lines, note_font, margin, note_top, MUTED)
    return card


def lower_third(film: FilmFormat, *, title: str, byline: str) -> Image.Image:
    """A transparent frame with the object's title (and maker, date) along its foot."""
    overlay = Image.new("RGBA", film.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    margin = film.width // 16
    width = film.width - 2 * margin
    unit = film.height // 24
    title_font, title_lines = _fitted(title, unit * 3 // 2, True, width, 1)
    by_font, by_lines = _fitted(byline, unit, False, width, 1) if byline else (title_font, [])
    height = _line_height(title_font) + (_line_height(by_font) if by_lines else 0)
    top = film.height - unit - height
    draw.rectangle([(0, top - unit // 2), (film.width, film.height)], fill=(0, 0, 0, 150))
    y = _draw_block(draw, title_lines, title_font, margin, top, INK)
    _draw_block(draw, by_lines, by_font, margin, y, MUTED)
    return overlay


def text_card(film: FilmFormat, *, title: str, byline: str, note: str) -> Image.Image:
    """An object shown by words alone: no picture, or one behind a content note."""
    card = Image.new("RGB", film.size, GROUND)
    draw = ImageDraw.Draw(card)
    margin = film.width // 12
    width = film.width - 2 * margin
    unit = film.height // 24
    font, lines = _fitted(title, unit * 2, True, width, 3)
    y = _draw_block(draw, lines, font, margin, film.height // 3, INK)
    if byline:
        font, lines = _fitted(byline, unit * 5 // 4, False, width, 2)
        y = _draw_block(draw, lines, font, margin, y + unit // 2, MUTED)
    font, lines = _fitted(note, unit, False, width, 3)
    _draw_block(draw, lines, font, margin, y + unit * 2, MUTED)
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

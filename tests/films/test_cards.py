"""The film's drawn words stay out of the foot of the frame, where players draw the captions."""

import numpy as np
import pytest
from PIL import Image

from films.cards import GROUND, caption_zone_top, text_card, title_band, title_card
from films.formats import FilmFormat
from films.pictures import CANVAS_SCALE, picture_canvas
from tests import builders

FILM = FilmFormat(width=1280, height=720, fps=25)
LONG_TITLE = "Harbours, Vases and Other Things Seen Along a Very Long Exhibition Title"
NOTE = (
    "The descriptions were drafted by machine and approved by the museum's curators; "
    "the narration is synthetic speech (eSpeak NG)."
)


def _drawn_rows(card: Image.Image) -> np.ndarray:
    """The rows of an RGB card where anything but the dark ground is drawn."""
    pixels = np.asarray(card.convert("RGB"))
    return np.flatnonzero((pixels != GROUND).any(axis=(1, 2)))


def test_a_long_title_card_keeps_its_note_above_the_captions() -> None:
    card = title_card(
        FILM, lines=[LONG_TITLE, "A Subtitle That Also Runs On", "Vitrine"], note=NOTE
    )
    rows = _drawn_rows(card)
    assert rows.size, "the card draws its words"
    assert rows.max() < caption_zone_top(FILM)


def test_a_card_without_a_picture_keeps_its_words_above_the_captions() -> None:
    card = text_card(
        FILM,
        title=LONG_TITLE,
        byline="Workshop of a painter with a long name, c. 1847–1897",
        note="This object has a content note: its pictures are shown on its own page, after "
        "the note.",
    )
    rows = _drawn_rows(card)
    assert rows.size
    assert rows.max() < caption_zone_top(FILM)


def test_an_objects_title_is_in_a_band_along_the_top() -> None:
    band = np.asarray(title_band(FILM, title="Dragon Vase", byline="c. 1850"))
    opaque_rows = np.flatnonzero(band[:, :, 3].any(axis=1))
    assert opaque_rows.min() == 0
    assert opaque_rows.max() < FILM.height // 4


@pytest.mark.django_db
def test_the_picture_lies_below_the_title_band() -> None:
    obj = builders.make_object(title="Tall Vase")
    image = builders.add_image(obj, width=40, height=200)
    band = np.asarray(title_band(FILM, title=obj.title, byline=""))
    band_bottom = int(np.flatnonzero(band[:, :, 3].any(axis=1)).max())
    picture_rows = _drawn_rows(picture_canvas(image.original, FILM))
    assert picture_rows.min() > band_bottom * CANVAS_SCALE
    assert picture_rows.max() < FILM.height * CANVAS_SCALE

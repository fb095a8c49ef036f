"""Measuring a picture: orientation, named colours, thirds, and which concepts are said."""

import numpy as np
import pytest
from PIL import Image

from descriptions import image_analysis
from descriptions.image_analysis import colour_names, measure_picture, orientation_of, said_concepts
from search.encoders.base import Concept


def test_orientation_from_pixel_size() -> None:
    assert orientation_of(1600, 1000) == "landscape"
    assert orientation_of(1000, 1600) == "portrait"
    assert orientation_of(1000, 1040) == "square"


def test_colours_are_named_in_everyday_words() -> None:
    names = colour_names(np.array([[200, 30, 30], [20, 20, 20], [40, 80, 170]]))
    assert names == ["red", "black", "blue"]


def test_thirds_are_measured_left_to_right(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(image_analysis, "read_concepts", lambda picture: [])
    monkeypatch.setattr(image_analysis, "blocked_words", lambda: frozenset())
    picture = Image.new("RGB", (300, 100), (190, 30, 30))
    picture.paste((40, 80, 170), (200, 0, 300, 100))
    measured = measure_picture(picture, source="image")
    assert measured.thirds == ["red", "red", "blue"]
    assert measured.colours[0].name == "red"
    assert measured.orientation == "landscape"


def test_unsure_and_blocked_concepts_are_not_said() -> None:
    concepts = [Concept("bikini", 0.9), Concept("volcano", 0.6), Concept("lakeside", 0.1)]
    assert said_concepts(concepts, frozenset({"bikini"})) == [Concept("volcano", 0.6)]


def test_a_transparent_poster_background_is_not_counted_as_a_colour() -> None:
    # A model's poster is transparent around the model: converted carelessly those
    # pixels read as black ("the main colour is black, about 80%").
    picture = Image.new("RGBA", (90, 90), (0, 0, 0, 0))
    picture.paste((200, 30, 40, 255), (30, 30, 60, 60))
    pixels, see_through = image_analysis._pixels(picture)
    names = image_analysis._named_pixels(pixels, see_through, drop_backdrop=True)
    colours = image_analysis._dominant(names)
    assert [colour.name for colour in colours] == [colours[0].name]
    assert colours[0].name != "black" and colours[0].share == 1.0
    flattened = image_analysis.on_backdrop(picture)
    assert flattened.mode == "RGB"
    assert flattened.getpixel((2, 2)) == image_analysis.POSTER_BACKDROP

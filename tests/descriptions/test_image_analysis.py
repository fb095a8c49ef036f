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

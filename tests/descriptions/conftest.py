"""Descriptions' tests measure pictures without loading the image model."""

import pytest

from descriptions import image_analysis
from search.encoders.base import Concept


@pytest.fixture(autouse=True)
def _fake_classifier(monkeypatch: pytest.MonkeyPatch) -> None:
    # The classifier's real output is search's to test; here every picture "shows" a boathouse.
    monkeypatch.setattr(
        image_analysis, "read_concepts", lambda picture: [Concept("boathouse", 0.6)]
    )

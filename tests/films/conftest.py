"""Films in tests: small frames at a low rate, so a film of two objects builds in seconds."""

import pytest


@pytest.fixture(autouse=True)
def _small_films(settings: object) -> None:
    settings.FILMS_FRAME_WIDTH = 320  # type: ignore[attr-defined]
    settings.FILMS_FRAME_HEIGHT = 180  # type: ignore[attr-defined]
    settings.FILMS_FPS = 10  # type: ignore[attr-defined]

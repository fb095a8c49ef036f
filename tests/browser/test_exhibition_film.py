"""The exhibition's narrated film in Debian Chromium: it plays (H.264 and AAC), its length is
the film's, its caption track loads the approved sentences, it is reached by keyboard, and
axe finds nothing to fix on the page."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from films.services import film_build
from tests.browser.axe import axe_violations, describe
from tests.browser.keyboard import focus_is_visible
from tests.films.filming import tiny_exhibition

pytestmark = pytest.mark.browser

TRACK_LOADED = 2  # HTMLTrackElement.LOADED


@pytest.fixture(autouse=True)
def _small_films(settings: object) -> None:
    settings.FILMS_FRAME_WIDTH = 320  # type: ignore[attr-defined]
    settings.FILMS_FRAME_HEIGHT = 180  # type: ignore[attr-defined]
    settings.FILMS_FPS = 10  # type: ignore[attr-defined]


def test_the_film_plays_with_its_captions_and_passes_axe(page: Page, vendor_dir: Path) -> None:
    tiny = tiny_exhibition()
    film = film_build(exhibition=tiny.exhibition, language="en").film
    assert film is not None and film.is_ready
    page.goto(tiny.exhibition.get_absolute_url())
    video = page.locator("video.story-film__video")
    expect(video).to_have_attribute("preload", "none")
    playable = page.evaluate(
        "() => document.querySelector('video').canPlayType('video/mp4; codecs=\"avc1.64000d, "
        "mp4a.40.2\"')"
    )
    assert playable in {"probably", "maybe"}
    # Metadata loads on demand (preload="none" keeps the page light until then).
    page.evaluate("() => { const v = document.querySelector('video'); v.preload = 'metadata'; }")
    page.wait_for_function("() => document.querySelector('video').readyState >= 1", timeout=20_000)
    duration = float(page.evaluate("() => document.querySelector('video').duration"))
    assert duration == pytest.approx(film.duration_seconds, abs=0.2)
    assert page.evaluate("() => document.querySelector('video').videoWidth") == 320
    page.wait_for_function(
        f"() => document.querySelector('video track').readyState === {TRACK_LOADED}",
        timeout=20_000,
    )
    cues = page.evaluate(
        "() => Array.from(document.querySelector('video').textTracks[0].cues, (c) => c.text)"
    )
    assert "A calm harbour at dusk, seen from the quay." in cues
    assert not any("lighthouse" in cue for cue in cues)

    video.focus()
    assert focus_is_visible(page), "the focused player shows no focus indicator"
    violations = axe_violations(page, vendor_dir)
    assert not violations, describe(violations)
    # Let go of the file, so no request is still streaming when the database is emptied.
    page.evaluate(
        "() => { const v = document.querySelector('video'); v.pause();"
        " v.querySelectorAll('source').forEach((s) => s.remove()); v.load(); }"
    )

"""The "Listen" panel in Debian Chromium: captions load, it plays, its speed and keyboard
shortcuts work, a draft is announced as such, and axe finds nothing to fix."""

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Locator, Page, expect

from exhibition.models import CollectionObject, ReviewStatus
from tests import builders
from tests.browser import exhibits
from tests.browser.axe import axe_violations, describe
from tests.browser.contexts import close_quietly
from tests.browser.keyboard import focus_is_visible

pytestmark = pytest.mark.browser

NOTICE = "Machine-drafted description, awaiting review."
SENTENCES = [
    "Oil painting by Test Painter, dated 1850, on canvas.",
    "A calm harbour at dusk, seen from the quay.",
    "In the foreground two fishing boats rest on the water.",
    "Behind them the town climbs a hill under an orange sky.",
]
SHOTS = Path("/tmp/shots")
TRACK_LOADED = 2  # HTMLTrackElement.LOADED


def described_object(**fields: object) -> CollectionObject:
    obj = exhibits.image_object(**fields)
    builders.add_description(obj)
    return obj


def open_player(page: Page, obj: CollectionObject) -> Locator:
    page.goto(obj.get_absolute_url())
    player = page.locator("[data-audio-player]")
    expect(player).to_have_attribute("data-ready", "")  # audio-player.js has set it up
    return player


def wait_for_metadata(page: Page) -> float:
    page.wait_for_function(
        "() => document.querySelector('[data-audio]').readyState >= 1", timeout=20_000
    )
    return float(page.evaluate("() => document.querySelector('[data-audio]').duration"))


def audio_state(page: Page, name: str) -> float:
    return float(page.evaluate(f"() => Number(document.querySelector('[data-audio]').{name})"))


def stop_playing(page: Page) -> None:
    """Pause and let go of the audio, so no request is still streaming when the test's
    database is emptied (SQLite refuses to flush under an open read)."""
    page.evaluate(
        "() => { const a = document.querySelector('[data-audio]'); a.pause();"
        " a.removeAttribute('src'); a.querySelectorAll('source').forEach((s) => s.remove());"
        " a.load(); }"
    )


def test_the_captions_track_loads_one_cue_per_sentence_after_the_notice(page: Page) -> None:
    assert " ".join(SENTENCES) == builders.DESCRIPTION_LONG_TEXT
    player = open_player(page, described_object())
    track = player.locator("audio track[kind='captions']")
    expect(track).to_have_count(1)
    page.wait_for_function(
        f"() => document.querySelector('[data-audio] track').readyState === {TRACK_LOADED}",
        timeout=20_000,
    )
    cues = page.evaluate(
        "() => Array.from(document.querySelector('[data-audio]').textTracks[0].cues,"
        " (cue) => [cue.startTime, cue.endTime, cue.text])"
    )
    assert [text for _, _, text in cues] == [NOTICE, *SENTENCES]
    assert all(start < end for start, end, _ in cues)
    assert all(cues[i][1] <= cues[i + 1][0] + 0.001 for i in range(len(cues) - 1))
    duration = wait_for_metadata(page)
    assert abs(cues[-1][1] - duration) < 0.5, "the last caption ends with the audio"


def test_it_plays_from_the_keyboard_and_shows_the_current_caption(page: Page) -> None:
    player = open_player(page, described_object())
    wait_for_metadata(page)
    audio = player.locator("[data-audio]")
    audio.focus()
    assert focus_is_visible(page), "the focused player shows no focus indicator"
    page.keyboard.press("k")  # a real key press: the user gesture autoplay rules ask for
    page.wait_for_function(
        "() => { const a = document.querySelector('[data-audio]');"
        " return !a.paused && a.currentTime > 0.5; }",
        timeout=15_000,
    )
    caption = player.locator("[data-caption]")
    expect(caption).to_be_visible()
    expect(caption).to_have_text(NOTICE)  # the first second is the draft notice
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('[data-audio]').paused")
    paused_at = audio_state(page, "currentTime")
    page.wait_for_timeout(400)
    assert audio_state(page, "currentTime") == paused_at, "Space did not pause"

    page.keyboard.press("ArrowRight")
    assert audio_state(page, "currentTime") == pytest.approx(paused_at + 5, abs=0.05)
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert audio_state(page, "currentTime") == pytest.approx(max(0, paused_at - 5), abs=0.05)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Home")
    assert audio_state(page, "currentTime") == 0
    stop_playing(page)


def test_the_speed_control_and_its_keys_change_the_playback_rate(page: Page) -> None:
    player = open_player(page, described_object())
    speed = player.get_by_label("Speed")
    expect(speed).to_be_visible()
    speed.select_option("1.5")
    assert audio_state(page, "playbackRate") == 1.5
    player.locator("[data-audio]").focus()
    page.keyboard.press(">")
    assert audio_state(page, "playbackRate") == 1.75
    expect(speed).to_have_value("1.75")
    for _ in range(6):
        page.keyboard.press("<")
    assert audio_state(page, "playbackRate") == 0.75, "the slowest speed is the floor"
    # Playing keeps the chosen speed.
    page.keyboard.press("k")
    page.wait_for_function("() => !document.querySelector('[data-audio]').paused")
    assert audio_state(page, "playbackRate") == 0.75
    stop_playing(page)


def test_a_draft_is_announced_and_an_approved_description_is_not(page: Page, curator: User) -> None:
    player = open_player(page, described_object())
    expect(player.get_by_text(NOTICE).first).to_be_visible()
    expect(player.locator(".audio-player__said-first")).to_have_text(NOTICE)

    approved = exhibits.image_object()
    builders.add_description(approved, status=ReviewStatus.APPROVED, reviewer=curator)
    player = open_player(page, approved)
    expect(player.get_by_role("heading", name="Listen to a description")).to_be_visible()
    expect(player.get_by_text("awaiting review")).to_have_count(0)


def test_axe_finds_no_wcag_violation_on_a_page_with_the_player(
    page: Page, vendor_dir: Path
) -> None:
    open_player(page, described_object())
    wait_for_metadata(page)
    violations = axe_violations(page, vendor_dir)
    assert violations == [], describe(violations)


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1366, 900)])
def test_the_panel_fits_the_screen(
    browser: Browser, live_server: object, transactional_db: None, width: int, height: int
) -> None:
    obj = described_object()
    context = browser.new_context(
        base_url=str(live_server), viewport={"width": width, "height": height}
    )
    try:
        page = context.new_page()
        player = open_player(page, obj)
        wait_for_metadata(page)
        player.scroll_into_view_if_needed()
        SHOTS.mkdir(parents=True, exist_ok=True)
        player.screenshot(path=str(SHOTS / f"listen-{width}.png"))
        page.screenshot(path=str(SHOTS / f"listen-{width}-page.png"), full_page=True)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"
        box = player.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        for target in (player.locator("[data-audio]"), player.get_by_label("Speed")):
            target_box = target.bounding_box()
            assert target_box is not None and target_box["height"] >= 44
    finally:
        close_quietly(context)


FRENCH_SENTENCES = [
    "Une peinture au format paysage.",
    "De gauche à droite : surtout du bleu clair à gauche et du gris à droite.",
]


def test_the_french_page_plays_the_french_description_with_french_captions_and_labels(
    page: Page, vendor_dir: Path
) -> None:
    obj = exhibits.image_object()
    builders.add_description(obj)
    builders.add_description(obj, long_text=" ".join(FRENCH_SENTENCES), language="fr")
    page.goto(f"/fr{obj.get_absolute_url()}")
    player = page.locator("[data-audio-player]")
    expect(player).to_have_attribute("data-ready", "")
    expect(player.get_by_role("heading", name="Écouter une description")).to_be_visible()
    expect(player.get_by_label("Vitesse")).to_be_visible()
    expect(player.locator("[data-keys]")).to_contain_text("Espace ou K")
    expect(player.locator(".audio-player__transcript p[lang='fr']").last).to_have_text(
        " ".join(FRENCH_SENTENCES)
    )
    page.wait_for_function(
        f"() => document.querySelector('[data-audio] track').readyState === {TRACK_LOADED}",
        timeout=20_000,
    )
    cues = page.evaluate(
        "() => Array.from(document.querySelector('[data-audio]').textTracks[0].cues,"
        " (cue) => cue.text)"
    )
    assert cues == [
        "Brouillon automatique de description, en attente de relecture.",
        *FRENCH_SENTENCES,
    ]
    player.get_by_label("Vitesse").select_option("1.25")
    assert audio_state(page, "playbackRate") == 1.25
    wait_for_metadata(page)
    violations = axe_violations(page, vendor_dir)
    assert violations == [], describe(violations)
    stop_playing(page)

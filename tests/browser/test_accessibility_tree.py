"""What assistive technology is told about the deep zoom, the 3D viewer and the audio player.

The expected snapshots are partial: they name only the roles, names and states a screen
reader user needs (a control with no name, or the wrong role, fails), so wording around them
and cosmetic changes do not. The native audio controls live in Chromium's own shadow tree,
which no page script can read; they are checked in Chromium's accessibility tree itself.
Names are checked in English and in French, as the site's catalogue words them.
"""

import json
import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext
from playwright.sync_api import Locator, Page, expect

from tests import builders
from tests.browser import exhibits
from tests.browser.test_kiosk import _collection as kiosk_collection

pytestmark = pytest.mark.browser

NOTICE = "Machine-drafted description, awaiting review."
MODEL_LOAD_TIMEOUT_MS = 60_000
FAILS_FAST_MS = 2_000
POLLS, POLL_MS = 20, 250

MODEL_FACADE = """
- 'figure /^3D model: 3D model of Bronze triangle/':
  - button "Load 3D model"
"""
MODEL_VIEWER = """
- 'figure /^3D model: 3D model of Bronze triangle/':
  - img /^3D model of Bronze triangle/
  - region:
    - status
"""
LANGUAGES = {"": "en", "/fr": "fr"}


def _quoted(name: str) -> str:
    # A JSON string is a YAML double-quoted scalar, and the template's quoted-name syntax.
    return json.dumps(name, ensure_ascii=False)


def _starts_with(text: str) -> str:
    """An aria-template regex (a JavaScript one) matching names that start with ``text``."""
    escaped = re.sub(r"([\\^$.*+?()\[\]{}|/-])", r"\\\1", text)
    # French typography puts a no-break space before ":"; either space will do.
    return "/^" + re.sub(r"\s+", r"\\s+", escaped) + "/"


def deep_zoom_snapshot(language: str) -> str:
    """The deep zoom's figure: its named viewer, then its named controls, in ``language``."""
    with translation.override(language):
        viewer = gettext("Deep zoom viewer: %(title)s") % {"title": ""}
        group = gettext("Viewer controls")
        actions = ["Zoom in", "Zoom out", "Rotate left", "Rotate right", "Reset view"]
        buttons = [f"    - button {_quoted(gettext(action))}" for action in actions]
        overview = pgettext("deep zoom", "Overview")
        full_screen = gettext("Full screen")
    application = "application " + _starts_with(viewer)
    return "\n".join(
        [
            "- figure:",
            f"  - {_quoted(application)}",
            f"  - group {_quoted(group)}:",
            *buttons,
            # Wide enough at 1280 px: the overview starts shown.
            f"    - button {_quoted(overview)} [pressed]",
            f"    - button {_quoted(full_screen)}",
        ]
    )


def audio_player_snapshot(language: str) -> str:
    """The player's region, its speed control and its transcript, in ``language``."""
    with translation.override(language):
        listen, speed = gettext("Listen to a description"), gettext("Speed")
        transcript = gettext("Transcript")
    return "\n".join(
        [
            f"- region {_quoted(listen)}:",
            f"  - heading {_quoted(listen)} [level=2]",
            f"  - combobox {_quoted(speed)}:",
            '    - option "1×" [selected]',
            f"  - heading {_quoted(transcript)} [level=3]",
            f"  - paragraph: {_quoted(builders.DESCRIPTION_LONG_TEXT)}",
        ]
    )


@dataclass(frozen=True)
class AxNode:
    """One node of Chromium's accessibility tree, as a screen reader receives it."""

    role: str
    name: str
    valuetext: str | None


def _ax_value(node: dict[str, Any], key: str) -> Any:
    return (node.get(key) or {}).get("value")


def chromium_tree_under(page: Page, name: str) -> list[AxNode]:
    """The exposed nodes under (and including) the first node called ``name``."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes: list[dict[str, Any]] = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    by_id = {node["nodeId"]: node for node in nodes}
    # French names hold no-break spaces ("« … »"), which Chromium may pass on as they are.
    wanted = " ".join(name.split())
    root = next(
        (node for node in nodes if " ".join(str(_ax_value(node, "name")).split()) == wanted),
        None,
    )
    if root is None:
        return []
    found: list[AxNode] = []
    pending = [root]
    while pending:
        node = pending.pop(0)
        if not node.get("ignored"):
            properties = {p["name"]: _ax_value(p, "value") for p in node.get("properties", [])}
            valuetext = properties.get("valuetext")
            found.append(
                AxNode(
                    role=str(_ax_value(node, "role")),
                    name=str(_ax_value(node, "name") or ""),
                    valuetext=None if valuetext is None else str(valuetext),
                )
            )
        pending.extend(by_id[child] for child in node.get("childIds", []) if child in by_id)
    return found


def assert_native_audio_controls(page: Page, name: str) -> None:
    """The audio element is named, and its play button and seek slider are exposed."""
    tree = chromium_tree_under(page, name)
    assert tree and tree[0].role == "Audio", f"no audio element named {name!r}: {tree}"
    assert ("button", "play") in {(node.role, node.name) for node in tree}, tree
    sliders = [node for node in tree if node.role == "slider"]
    seek = next((node for node in sliders if "time" in node.name), None)
    assert seek is not None and seek.valuetext, f"no seek slider with a value text: {sliders}"


def _ready_deep_zoom(page: Page) -> Locator:
    viewer = page.locator(".deep-zoom").first
    expect(viewer).to_have_attribute("data-ready", "true", timeout=20_000)
    return page.locator(".deep-zoom-figure").first


def _open_player(page: Page, prefix: str = "") -> tuple[Locator, str]:
    """Opens a described object's page; returns the player and its audio element's name."""
    described = exhibits.image_object()
    builders.add_description(described)
    page.goto(prefix + described.get_absolute_url())
    player = page.locator("[data-audio-player]")
    expect(player).to_have_attribute("data-ready", "")
    page.wait_for_function(
        "() => document.querySelector('[data-audio]').readyState >= 1", timeout=20_000
    )
    with translation.override(LANGUAGES[prefix]):
        name = gettext("Spoken description of %(title)s") % {"title": described.title}
    return player, name


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_the_deep_zoom_names_its_viewer_and_every_control(page: Page, prefix: str) -> None:
    page.goto(prefix + exhibits.image_object().get_absolute_url())

    expect(_ready_deep_zoom(page)).to_match_aria_snapshot(deep_zoom_snapshot(LANGUAGES[prefix]))


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_the_kiosk_deep_zoom_names_its_viewer_and_every_control(page: Page, prefix: str) -> None:
    star = kiosk_collection()
    page.goto(prefix + reverse("kiosk:object", kwargs={"slug": star.slug}))

    expect(_ready_deep_zoom(page)).to_match_aria_snapshot(deep_zoom_snapshot(LANGUAGES[prefix]))


def test_the_full_screen_and_overview_buttons_expose_their_state(page: Page) -> None:
    page.goto(exhibits.image_object().get_absolute_url())
    figure = _ready_deep_zoom(page)

    figure.get_by_role("button", name="Overview").click()

    expect(figure.get_by_role("button", name="Overview", pressed=False)).to_be_visible()
    expect(figure.get_by_role("button", name="Full screen", pressed=False)).to_be_visible()


def test_the_3d_viewer_is_named_before_and_after_it_loads(page: Page) -> None:
    page.goto(exhibits.model_object().get_absolute_url())
    figure = page.locator(".model-figure").first
    expect(figure).to_match_aria_snapshot(MODEL_FACADE)

    figure.get_by_role("button", name="Load 3D model").click()
    expect(page.locator("model-viewer")).to_have_attribute(
        "data-loaded", "true", timeout=MODEL_LOAD_TIMEOUT_MS
    )

    expect(figure).to_match_aria_snapshot(MODEL_VIEWER)
    # Let the model's textures and the page's own requests finish while the test still owns
    # the database: one still running when it is emptied leaves the table locked.
    page.wait_for_load_state("networkidle", timeout=MODEL_LOAD_TIMEOUT_MS)


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_the_audio_player_names_its_region_speed_and_transcript(page: Page, prefix: str) -> None:
    player, _ = _open_player(page, prefix)

    expect(player).to_match_aria_snapshot(audio_player_snapshot(LANGUAGES[prefix]))


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_the_native_audio_controls_are_named_with_a_seek_value(page: Page, prefix: str) -> None:
    player, name = _open_player(page, prefix)

    assert_native_audio_controls(page, name)

    player.locator("[data-audio]").focus()
    page.keyboard.press("k")
    page.wait_for_function("() => !document.querySelector('[data-audio]').paused")

    # Chromium renames the button a moment after playback starts.
    playing: set[tuple[str, str]] = set()
    for _ in range(POLLS):
        playing = {(node.role, node.name) for node in chromium_tree_under(page, name)}
        if ("button", "pause") in playing:
            break
        page.wait_for_timeout(POLL_MS)
    _stop(page)
    assert ("button", "pause") in playing, playing


def test_the_captions_are_a_named_track_and_the_current_one_is_shown_as_text(
    page: Page,
) -> None:
    player, _ = _open_player(page)
    track = page.evaluate(
        "() => { const t = document.querySelector('[data-audio]').textTracks[0];"
        " return t && [t.kind, t.label]; }"
    )
    assert track == ["captions", "Captions"]

    player.locator("[data-audio]").focus()
    page.keyboard.press("k")

    expect(player.locator("[data-caption]")).to_match_aria_snapshot(
        f'- paragraph: "{NOTICE}"', timeout=15_000
    )
    _stop(page)


def test_a_missing_name_fails_the_snapshot(page: Page) -> None:
    """Guards the check itself: a viewer that loses its aria-label must be caught."""
    page.goto(exhibits.image_object().get_absolute_url())
    figure = _ready_deep_zoom(page)
    expected = deep_zoom_snapshot("en")
    expect(figure).to_match_aria_snapshot(expected)

    page.evaluate("() => document.querySelector('.deep-zoom').removeAttribute('aria-label')")

    with pytest.raises(AssertionError, match="expected to match Aria snapshot"):
        expect(figure).to_match_aria_snapshot(expected, timeout=FAILS_FAST_MS)


def test_a_nameless_audio_element_fails_the_native_check(page: Page) -> None:
    """Guards the Chromium-tree check: without its aria-label the player is not found."""
    _, name = _open_player(page)
    assert_native_audio_controls(page, name)

    page.evaluate("() => document.querySelector('[data-audio]').removeAttribute('aria-label')")

    with pytest.raises(AssertionError, match="no audio element named"):
        assert_native_audio_controls(page, name)
    _stop(page)


def _stop(page: Page) -> None:
    """Pause and let go of the audio, so no request still streams when the test's
    database is emptied (SQLite refuses to flush under an open read)."""
    page.evaluate(
        "() => { const a = document.querySelector('[data-audio]'); a.pause();"
        " a.removeAttribute('src'); a.querySelectorAll('source').forEach((s) => s.remove());"
        " a.load(); }"
    )

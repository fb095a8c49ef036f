"""An exhibition reads as a story at desktop and phone sizes, with keyboard deep zoom.

The page leads with a large cover picture and the introduction, shows each object large
beside its caption (never repeating the byline), and opens any picture in a deep-zoom
dialog that a keyboard user can open, zoom, and close again.
"""

import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from exhibition.models import Agent, Exhibition, ObjectCreator, SectionObject
from tests.browser import exhibits
from tests.browser.axe import axe_violations, describe

pytestmark = pytest.mark.browser

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}


def _story() -> Exhibition:
    turner = Agent.objects.create(slug="turner", name="J. M. W. Turner")
    harbour = exhibits.image_object(title="Harbour at dusk", date_display="1839")
    ObjectCreator.objects.create(collection_object=harbour, agent=turner, role="painter")
    quay = exhibits.image_object(title="Quay in fog", date_display="1844")
    exhibition = exhibits.exhibition_with(harbour, quay)
    exhibition.cover_object = harbour
    exhibition.subtitle = "Weather and water"
    exhibition.save()
    SectionObject.objects.filter(collection_object=harbour).update(
        caption="J. M. W. Turner, 1839. Boats come home under a low sun."
    )
    return exhibition


def _eventually(page: Page, script: str, arg: object = None, *, seconds: float = 15) -> None:
    """Poll a predicate with ``evaluate``: ``wait_for_function`` compiles its predicate with
    eval, which the site's Content-Security-Policy (rightly) refuses."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(script, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {seconds}s: {script}")
        page.wait_for_timeout(100)


def _load_all_pictures(page: Page) -> None:
    """Scroll through the page so every lazy picture loads."""
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height + 1, 400):
        page.evaluate("y => window.scrollTo(0, y)", y)
    page.evaluate("window.scrollTo(0, 0)")
    _eventually(
        page,
        "() => [...document.querySelectorAll('.story img')]"
        ".every(img => img.complete && img.naturalWidth > 0)",
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_story_leads_with_a_large_picture_and_shows_objects_large(
    page: Page, viewport: ViewportSize
) -> None:
    exhibition = _story()
    page.set_viewport_size(viewport)

    page.goto(exhibition.get_absolute_url())
    _load_all_pictures(page)

    width = viewport["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    hero = page.locator(".story-hero__media img")
    expect(hero).to_be_visible()
    hero_box = hero.bounding_box()
    assert hero_box is not None and hero_box["width"] >= width * 0.85
    # The title reads in the first screen, whatever the size.
    title = page.get_by_role("heading", level=1, name=exhibition.title)
    title_box = title.bounding_box()
    assert title_box is not None and title_box["y"] + title_box["height"] <= viewport["height"]
    pictures = page.locator(".story-object__media img")
    expect(pictures).to_have_count(2)
    for index in range(2):
        box = pictures.nth(index).bounding_box()
        assert box is not None
        # Large: over half the page on a desktop, the full column on a phone.
        assert box["width"] >= (width * 0.45 if width > 800 else width - 60), box
    caption = page.locator(".story-object__caption").first
    expect(caption).to_have_text("Boats come home under a low sun.")
    expect(page.locator(".story-object__byline").first).to_have_text("J. M. W. Turner, 1839")


def test_keyboard_opens_zooms_and_closes_a_picture_in_place(page: Page) -> None:
    exhibition = _story()

    page.goto(exhibition.get_absolute_url())
    control = page.get_by_role("button", name="Zoom into detail of Harbour at dusk")
    control.focus()
    page.keyboard.press("Enter")

    dialog = page.get_by_role("dialog", name="Harbour at dusk")
    expect(dialog).to_be_visible()
    viewer = dialog.locator(".deep-zoom")
    expect(viewer).to_be_focused()
    expect(viewer).to_have_attribute("data-ready", "true", timeout=20_000)
    before = float(viewer.get_attribute("data-zoom") or 0)
    page.keyboard.press("+")
    _eventually(
        page,
        "z => parseFloat(document.querySelector('dialog[open] .deep-zoom').dataset.zoom) > z",
        before,
    )
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(control).to_be_focused()

    # Space opens it as well; the Close button shuts it.
    page.keyboard.press(" ")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Close the viewer").click()
    expect(dialog).to_be_hidden()


def test_closed_viewers_load_no_tiles(page: Page) -> None:
    exhibition = _story()
    tiles: list[str] = []
    page.on("request", lambda r: tiles.append(r.url) if "/info.json" in r.url else None)

    page.goto(exhibition.get_absolute_url())
    page.wait_for_load_state("networkidle")

    assert tiles == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_story_list_and_home_pass_axe(page: Page, vendor_dir: Path, viewport: ViewportSize) -> None:
    exhibition = _story()
    page.set_viewport_size(viewport)

    for url in (exhibition.get_absolute_url(), "/exhibitions/", "/"):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], url
        violations = axe_violations(page, vendor_dir)
        assert not violations, f"{url}:\n{describe(violations)}"

"""A visitor using only the keyboard reaches an object, zooms into it and compares it."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from tests.browser import exhibits
from tests.browser.keyboard import focus_is_visible, tab_until

pytestmark = pytest.mark.browser

ZOOM_OF = "(id) => Number(document.getElementById(id).dataset.zoom || 0)"
ZOOM_ABOVE = "([id, zoom]) => Number(document.getElementById(id).dataset.zoom || 0) > zoom * 1.2"


def wait_for_zoom_above(page: Page, viewer_id: str, zoom: float) -> float:
    page.wait_for_function(ZOOM_ABOVE, arg=[viewer_id, zoom], timeout=10_000)
    return float(page.evaluate(ZOOM_OF, viewer_id))


def test_keyboard_only_visit_from_home_to_zoom_and_compare(page: Page, curator: User) -> None:
    collection_object, _ = exhibits.restoration_object(curator, featured=True)
    object_url = collection_object.get_absolute_url()

    page.goto("/")
    tab_until(page, f'a[href="{object_url}"]')
    assert focus_is_visible(page), "the focused object link shows no focus indicator"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{object_url}")

    viewer = page.locator("#deep-zoom-1")
    expect(viewer).to_have_attribute("data-ready", "true", timeout=20_000)
    tab_until(page, "#deep-zoom-1")
    assert focus_is_visible(page), "the focused deep zoom viewer shows no focus indicator"
    start_zoom = float(page.evaluate(ZOOM_OF, "deep-zoom-1"))
    assert start_zoom > 0, "the viewer exposes no data-zoom"
    page.keyboard.press("+")
    key_zoom = wait_for_zoom_above(page, "deep-zoom-1", start_zoom)

    tab_until(page, 'button[data-viewer="deep-zoom-1"][data-action="zoom-in"]')
    assert focus_is_visible(page), "the focused Zoom in button shows no focus indicator"
    page.keyboard.press("Enter")
    wait_for_zoom_above(page, "deep-zoom-1", key_zoom)

    slider = page.locator("input.compare-slider").first
    tab_until(page, "input.compare-slider")
    assert focus_is_visible(page), "the focused comparison slider shows no focus indicator"
    start = float(slider.input_value())
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert float(slider.input_value()) == start + 2
    page.keyboard.press("ArrowLeft")
    assert float(slider.input_value()) == start + 1


def test_focus_check_notices_a_missing_indicator(page: Page) -> None:
    """Guards the check itself: a link whose outline is removed must not pass."""
    page.set_content(
        '<a href="#a" style="outline: none">hidden focus</a> <a href="#b">default focus</a>'
    )

    tab_until(page, 'a[href="#a"]')
    hidden = focus_is_visible(page)
    tab_until(page, 'a[href="#b"]')

    assert not hidden
    assert focus_is_visible(page)

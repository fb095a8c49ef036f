"""Deep zoom tools: rotation, overview, full screen and the zoomable before/after, by keyboard."""

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser import exhibits
from tests.browser.contexts import close_quietly
from tests.browser.keyboard import focus_is_visible, tab_until

pytestmark = pytest.mark.browser

AI_LABEL = "AI reconstruction — not the original"
ZOOM = "(id) => window.vitrineViewers[id].viewport.getZoom(true)"


def ready_viewer(page: Page, selector: str = ".deep-zoom") -> Locator:
    viewer = page.locator(selector).first
    expect(viewer).to_have_attribute("data-ready", "true", timeout=20_000)
    return viewer


def in_viewport(page: Page, element: Locator) -> bool:
    box = element.bounding_box()
    size = page.viewport_size
    assert box is not None and size is not None
    return (
        box["width"] > 0
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= size["width"]
        and box["y"] + box["height"] <= size["height"]
    )


def test_keyboard_reaches_the_viewer_and_rotates_it(page: Page) -> None:
    page.goto(exhibits.image_object().get_absolute_url())
    viewer = ready_viewer(page)

    tab_until(page, ".deep-zoom")
    assert focus_is_visible(page)
    page.keyboard.press("r")
    expect(viewer).to_have_attribute("data-rotation", "90")
    page.keyboard.press("Shift+R")
    page.keyboard.press("Shift+R")
    expect(viewer).to_have_attribute("data-rotation", "270")
    page.keyboard.press("0")
    expect(viewer).to_have_attribute("data-rotation", "0")


def test_rotate_buttons_are_labelled_and_turn_the_picture(page: Page) -> None:
    page.goto(exhibits.image_object().get_absolute_url())
    viewer = ready_viewer(page)
    before = viewer.screenshot()

    page.get_by_role("button", name="Rotate right").click()
    expect(viewer).to_have_attribute("data-rotation", "90")
    page.wait_for_timeout(1200)  # the turn animates (no reduced motion here)

    assert viewer.screenshot() != before
    page.get_by_role("button", name="Rotate left").click()
    expect(viewer).to_have_attribute("data-rotation", "0")


def test_overview_can_be_shown_and_hidden(page: Page) -> None:
    page.goto(exhibits.image_object().get_absolute_url())
    viewer = ready_viewer(page)
    toggle = page.get_by_role("button", name="Overview")
    navigator = viewer.locator(".navigator")

    # Wide enough at 1280 px: the overview starts shown, and hides on request.
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(navigator).to_be_visible()
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(navigator).to_be_hidden()
    viewer.focus()
    page.keyboard.press("o")
    expect(navigator).to_be_visible()


def test_full_screen_from_button_and_key(page: Page) -> None:
    page.goto(exhibits.image_object().get_absolute_url())
    viewer = ready_viewer(page)
    toggle = page.get_by_role("button", name="Full screen")

    toggle.click()
    page.wait_for_function("() => document.fullscreenElement?.matches('.deep-zoom-figure')")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    # The viewer fills the screen and keeps the keyboard.
    box = viewer.bounding_box()
    assert box is not None and box["width"] > 1200
    expect(viewer).to_be_focused()
    # The overview draws at its new size, not one measured halfway through the change.
    page.wait_for_function(
        """() => { const n = window.vitrineViewers["deep-zoom-1"].navigator;
        const size = n.viewport.getContainerSize();
        return size.x === n.container.clientWidth && size.y === n.container.clientHeight; }"""
    )

    page.keyboard.press("f")
    page.wait_for_function("() => document.fullscreenElement === null")
    expect(toggle).to_have_attribute("aria-pressed", "false")


def test_expanded_view_where_full_screen_is_missing(page: Page) -> None:
    """iPhone Safari has no element full screen: the figure fills the window instead."""
    page.add_init_script("Object.defineProperty(document, 'fullscreenEnabled', {value: false})")
    page.goto(exhibits.image_object().get_absolute_url())
    viewer = ready_viewer(page)

    page.get_by_role("button", name="Full screen").click()
    figure = page.locator(".deep-zoom-figure.is-expanded")
    expect(figure).to_be_visible()
    assert in_viewport(page, page.get_by_role("button", name="Zoom in"))
    page.keyboard.press("Escape")
    expect(figure).to_have_count(0)
    expect(viewer).to_be_visible()


@pytest.fixture
def calm_page(browser: Browser, live_server: object, transactional_db: None) -> Iterator[Page]:
    context = browser.new_context(
        base_url=str(live_server), viewport={"width": 1280, "height": 900}, reduced_motion="reduce"
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    close_quietly(context)


def test_reduced_motion_zooms_without_animation(calm_page: Page) -> None:
    calm_page.goto(exhibits.image_object().get_absolute_url())
    viewer = ready_viewer(calm_page)
    start = calm_page.evaluate(ZOOM, "deep-zoom-1")

    viewer.focus()
    calm_page.keyboard.press("+")

    # No spring: the current zoom is the target at once, not some frames later.
    assert calm_page.evaluate(ZOOM, "deep-zoom-1") == pytest.approx(start * 1.5, rel=0.01)


def test_comparison_zooms_both_pictures_and_keeps_the_label(page: Page, curator: User) -> None:
    collection_object, _ = exhibits.restoration_object(curator)
    page.goto(collection_object.get_absolute_url())
    stage = ready_viewer(page, ".compare-stage")
    figure = page.locator("figure.restoration-compare")
    label = figure.locator(".ai-label")
    start = page.evaluate(ZOOM, "compare-stage-1")

    stage.focus()
    page.keyboard.press("+")
    page.keyboard.press("+")
    page.wait_for_timeout(1200)
    assert page.evaluate(ZOOM, "compare-stage-1") > start * 2
    # The reconstruction is still clipped at the dividing line while zoomed in.
    clip = page.evaluate(
        "() => window.vitrineViewers['compare-stage-1'].world.getItemAt(1).getClip()"
    )
    assert clip is not None and clip["width"] > 0

    figure.get_by_role("button", name="Full screen").click()
    page.wait_for_function("() => document.fullscreenElement?.matches('.restoration-compare')")
    expect(label).to_have_text(AI_LABEL)
    assert in_viewport(page, label), "the AI label must stay on screen in full screen"
    assert in_viewport(page, figure.locator(".compare-slider"))


def test_divider_follows_slider_and_bracket_keys(page: Page, curator: User) -> None:
    collection_object, _ = exhibits.restoration_object(curator)
    page.goto(collection_object.get_absolute_url())
    stage = ready_viewer(page, ".compare-stage")
    slider = page.locator(".compare-slider")
    divider = page.locator(".compare-divider")
    stage_box = stage.bounding_box()
    assert stage_box is not None

    stage.focus()
    for _ in range(4):
        page.keyboard.press("]")
    expect(stage).to_have_attribute("data-reveal", "70")
    expect(slider).to_have_value("70")
    box = divider.bounding_box()
    assert box is not None
    centre = box["x"] + box["width"] / 2
    assert centre == pytest.approx(stage_box["x"] + stage_box["width"] * 0.7, abs=2)

    slider.fill("10")
    expect(stage).to_have_attribute("data-reveal", "10")
    expect(slider).to_have_attribute("aria-valuetext", "10% reconstruction, 90% original")


def test_mask_overlay_follows_the_zoom(page: Page, curator: User) -> None:
    collection_object, _ = exhibits.restoration_object(curator)
    page.goto(collection_object.get_absolute_url())
    stage = ready_viewer(page, ".compare-stage")
    mask = page.locator(".compare-mask")
    expect(mask).to_be_hidden()
    page.get_by_role("button", name="Outline reconstructed regions").click()
    expect(mask).to_be_visible()
    before = mask.bounding_box()

    stage.focus()
    page.keyboard.press("+")
    page.wait_for_timeout(1200)

    after = mask.bounding_box()
    assert before is not None and after is not None
    assert after["width"] > before["width"] * 1.3, "the mask overlay should scale with the picture"


def test_side_tags_only_name_the_picture_they_lie_on(page: Page, curator: User) -> None:
    collection_object, _ = exhibits.restoration_object(curator)
    page.goto(collection_object.get_absolute_url())
    ready_viewer(page, ".compare-stage")
    slider = page.locator(".compare-slider")
    reconstruction_side = page.locator(".compare-side--reconstruction")
    original_side = page.locator(".compare-side--original")

    slider.fill("30")
    side = reconstruction_side.bounding_box()
    divider = page.locator(".compare-divider").bounding_box()
    assert side is not None and divider is not None
    assert side["x"] + side["width"] == pytest.approx(divider["x"] + divider["width"] / 2, abs=2)

    # With the reconstruction slid away, nothing on screen is tagged as one.
    slider.fill("0")
    assert (reconstruction_side.bounding_box() or {"width": 0})["width"] < 1
    slider.fill("100")
    assert (original_side.bounding_box() or {"width": 0})["width"] < 1
    expect(page.locator(".ai-label")).to_be_visible()


def test_viewer_does_not_trap_page_scrolling(page: Page) -> None:
    page.goto(exhibits.image_object().get_absolute_url())
    viewer = ready_viewer(page)
    box = viewer.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    start = float(viewer.get_attribute("data-zoom") or 0)

    page.mouse.wheel(0, 200)
    page.wait_for_function("() => scrollY > 0")
    assert float(viewer.get_attribute("data-zoom") or 0) == start

    # Ctrl + wheel is the zoom gesture, as on a map. Chromium sends wheel events that
    # follow a scroll closely to the same scroller (wheel latching): wait that out.
    page.wait_for_timeout(1000)
    page.keyboard.down("Control")
    page.mouse.wheel(0, -200)
    page.keyboard.up("Control")
    page.wait_for_function(
        f"() => Number(document.querySelector('.deep-zoom').dataset.zoom) > {start}"
    )

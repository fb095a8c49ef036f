"""A virtual restoration is labelled as such, explains itself, and works from the keyboard."""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from tests.browser import exhibits

pytestmark = pytest.mark.browser

AI_LABEL = "AI reconstruction — not the original"


def test_reconstruction_label_is_always_visible(page: Page, curator: User) -> None:
    collection_object, _ = exhibits.restoration_object(curator)

    page.goto(collection_object.get_absolute_url())

    label = page.locator("figure.restoration-compare .ai-label").first
    expect(label).to_have_text(AI_LABEL)
    assert label.is_visible()


def test_provenance_panel_opens_and_names_the_engine(page: Page, curator: User) -> None:
    collection_object, restoration = exhibits.restoration_object(curator)
    output = restoration.machine_output

    page.goto(collection_object.get_absolute_url())
    panel = page.locator("details.provenance").first
    expect(panel).not_to_have_attribute("open", "")
    panel.locator("summary").click()

    expect(panel).to_have_attribute("open", "")
    for fact in (output.engine, output.engine_version, output.method, curator.username):
        expect(panel).to_contain_text(fact)


def test_slider_moves_with_arrow_keys_and_changes_the_picture(page: Page, curator: User) -> None:
    collection_object, _ = exhibits.restoration_object(curator)
    page.goto(collection_object.get_absolute_url())
    figure = page.locator("figure.restoration-compare").first
    stage = figure.locator(".compare-stage")
    slider = figure.locator("input.compare-slider")
    # The comparison is a deep zoom viewer: both pictures must have drawn first.
    expect(stage).to_have_attribute("data-ready", "true", timeout=20_000)
    expect(slider).to_have_attribute("aria-label", re.compile(r"\S"))
    slider.focus()
    start = float(slider.input_value())
    picture_at_start = stage.screenshot(animations="disabled")

    for _ in range(10):
        page.keyboard.press("ArrowLeft")
    after_left = float(slider.input_value())
    picture_after_left = stage.screenshot(animations="disabled")
    for _ in range(20):
        page.keyboard.press("ArrowRight")
    after_right = float(slider.input_value())
    picture_after_right = stage.screenshot(animations="disabled")

    assert after_left < start < after_right
    assert picture_after_left != picture_at_start, "ArrowLeft did not change the picture"
    assert picture_after_right != picture_after_left, "ArrowRight did not change the picture"

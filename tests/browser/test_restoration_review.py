"""A reviewer judges a restoration at full size: before/after, zoom, outline, uncertainty."""

import io

import numpy as np
import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from PIL import Image
from playwright.sync_api import BrowserContext, Page, expect

from restoration.services import restoration_run
from tests import builders
from tests.browser.csp import PolicyRecorder
from tests.browser.test_restoration_tools import sign_in
from tests.restoration.synthetic import add_picture

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 640, 480


def _painting() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(5)
    yy, xx = np.mgrid[0:HEIGHT, 0:WIDTH]
    base = np.stack([60 + xx / 4, 90 + yy / 5, 140 + 40 * np.sin(xx / 30)], axis=-1)
    picture = np.clip(base + rng.normal(0, 8, base.shape), 0, 255).astype(np.uint8)
    mask = np.zeros((HEIGHT, WIDTH), dtype=bool)
    mask[180:300, 250:400] = True  # a large loss, which Telea fills with a smooth guess
    return picture, mask


def _shot(page: Page) -> np.ndarray:
    data = page.locator(".review-viewer__frame").screenshot()
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB")).astype(int)


def test_a_reviewer_compares_zooms_and_toggles_layers_from_the_keyboard(
    context: BrowserContext, page: Page, curator: User, live_server: object
) -> None:
    picture, mask = _painting()
    image = add_picture(builders.make_object(title="Lost fresco", is_damaged=True), picture)
    restoration = restoration_run(image=image, engine_name="telea", mask=mask)
    policy = PolicyRecorder(page)
    sign_in(context, curator, str(live_server))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(
        reverse("admin:exhibition_machineoutput_change", args=[restoration.machine_output_id])
    )

    stage = page.locator("#review-stage")
    expect(stage).to_have_attribute("data-ready", "true", timeout=20_000)
    # Full size, not a thumbnail: the viewer spans the form's width.
    box = page.locator(".review-viewer__frame").bounding_box()
    assert box is not None and box["width"] > 800 and box["height"] > 400

    stage.focus()
    page.keyboard.press("1")  # actual pixels
    expect(stage).to_have_attribute("data-zoom", "1", timeout=5_000)
    page.keyboard.press("0")
    expect(stage).not_to_have_attribute("data-zoom", "1", timeout=5_000)  # back to the fit

    # The line moves from the keyboard; all result vs all original differ inside the loss.
    page.keyboard.press("]")
    expect(stage).to_have_attribute("data-reveal", "55")
    outline = page.get_by_role("button", name="Mask outline")
    page.keyboard.press("o")
    expect(outline).to_have_attribute("aria-pressed", "false")
    slider = page.get_by_label("Result shown")
    slider.fill("100")
    page.wait_for_timeout(600)
    reconstruction = _shot(page)
    slider.fill("0")
    page.wait_for_timeout(600)
    original = _shot(page)
    changed = np.abs(reconstruction - original).sum(axis=2) > 30
    assert 0.01 < changed.mean() < 0.2  # the loss, and only the loss, differs

    # The outline marks the edge of the loss; the uncertainty map lights the loss up.
    stage.focus()
    page.keyboard.press("o")
    expect(outline).to_have_attribute("aria-pressed", "true")
    page.wait_for_timeout(600)
    outlined = _shot(page)
    magenta = (outlined[..., 0] > 180) & (outlined[..., 1] < 80) & (outlined[..., 2] > 80)
    assert magenta.mean() > 0.002
    page.keyboard.press("u")
    expect(page.get_by_role("button", name="Uncertainty map")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.locator(".review-viewer__legend")).to_be_visible()
    assert policy.violations() == []

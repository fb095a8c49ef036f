"""A curator paints a damage mask in the admin and runs an engine; visitors see uncertainty."""

import io
from pathlib import Path

import numpy as np
import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from playwright.sync_api import BrowserContext, Locator, Page, expect

from exhibition.models import MachineOutput, ReviewStatus
from tests import builders
from tests.browser import exhibits
from tests.browser.axe import axe_violations, describe

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 320, 240


def page_position(element: Locator) -> list[float]:
    """Where an element sits on the page (not the viewport), so scrolling does not count."""
    position: list[float] = element.evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return [r.left + scrollX, r.top + scrollY, r.width, r.height]; }"
    )
    return position


def sign_in(context: BrowserContext, user: User, base_url: str) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": base_url}])


def test_curator_paints_a_stroke_and_runs_an_engine_on_it(
    context: BrowserContext, page: Page, curator: User, live_server: object
) -> None:
    obj = builders.make_object(title="Scratched print", is_damaged=True)
    image = builders.add_image(obj, width=WIDTH, height=HEIGHT)
    sign_in(context, curator, str(live_server))
    page.goto(reverse("admin:exhibition_restoration_tool", args=[image.pk]))

    canvas = page.locator("#mask-canvas")
    expect(canvas).to_be_visible()
    box = canvas.bounding_box()
    assert box is not None
    # A horizontal stroke across the middle third of the image.
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] / 3, y)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(box["x"] + box["width"] / 3 * (1 + step / 10), y)
    page.mouse.up()
    undo = page.get_by_role("button", name="Undo")
    expect(undo).to_be_enabled()

    page.get_by_role("radio", name="telea").check()
    page.get_by_role("button", name="Run and store as a draft").click()
    expect(page.locator(".messagelist")).to_contain_text("produced a draft restoration")

    output = MachineOutput.objects.get()
    assert output.status == ReviewStatus.DRAFT and output.engine == "telea"
    with output.restoration.mask.open("rb") as stored:
        mask = np.asarray(Image.open(stored).convert("L")) > 127
    rows, columns = np.nonzero(mask)
    assert mask.shape == (HEIGHT, WIDTH)
    assert abs(rows.mean() - HEIGHT / 2) < 10, "the stroke is across the middle"
    assert columns.min() > WIDTH / 3 - 15 and columns.max() < 2 * WIDTH / 3 + 15
    assert mask.mean() < 0.2, "only the stroke is to be reconstructed"


def test_painting_tools_work_from_the_keyboard(
    context: BrowserContext, page: Page, curator: User, live_server: object
) -> None:
    image = builders.add_image(builders.make_object(title="Torn map"), width=WIDTH, height=HEIGHT)
    sign_in(context, curator, str(live_server))
    page.goto(reverse("admin:exhibition_restoration_tool", args=[image.pk]))

    erase = page.get_by_role("button", name="Erase")
    erase.focus()
    page.keyboard.press("Enter")
    expect(erase).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="Paint")).to_have_attribute("aria-pressed", "false")
    brush = page.get_by_role("slider", name="Brush size")
    brush.focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#brush-size-value")).to_have_text("17 px")


def restoration_with_uncertainty(curator: User) -> str:
    obj, restoration = exhibits.restoration_object(curator)
    uncertainty = Image.new("L", (obj.images.get().width, obj.images.get().height), 0)
    uncertainty.paste(255, (0, 0, uncertainty.width // 2, uncertainty.height))
    buffer = io.BytesIO()
    uncertainty.save(buffer, format="PNG")
    restoration.uncertainty.save("uncertainty.png", ContentFile(buffer.getvalue()))
    return obj.get_absolute_url()


def test_uncertainty_overlay_toggles_from_the_keyboard_without_moving_the_page(
    page: Page, curator: User
) -> None:
    page.goto(restoration_with_uncertainty(curator))
    figure = page.locator("figure.restoration-compare").first
    toggle = figure.get_by_role("button", name="Show uncertainty")
    legend = figure.locator(".uncertainty-legend")
    controls = figure.locator(".compare-controls")
    # The comparison is a deep zoom viewer: both pictures must have drawn first.
    expect(figure.locator(".compare-stage")).to_have_attribute("data-ready", "true", timeout=20_000)
    toggle.focus()
    before = page_position(controls)
    picture_before = figure.locator(".compare-stage").screenshot(animations="disabled")

    page.keyboard.press("Enter")

    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(figure.locator(".compare-uncertainty")).to_be_visible()
    expect(legend).to_be_visible()
    expect(legend).to_contain_text("brighter = less certain")
    assert page_position(controls) == before, "showing the overlay moved the controls"
    assert figure.locator(".compare-stage").screenshot(animations="disabled") != picture_before
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(figure.locator(".compare-uncertainty")).to_be_hidden()


def test_tool_and_uncertainty_overlay_have_no_wcag_violations(
    context: BrowserContext, page: Page, curator: User, live_server: object, vendor_dir: Path
) -> None:
    page.goto(restoration_with_uncertainty(curator))
    page.get_by_role("button", name="Show uncertainty").click()
    public = axe_violations(page, vendor_dir)
    image = builders.add_image(builders.make_object(title="Torn map"), width=WIDTH, height=HEIGHT)
    sign_in(context, curator, str(live_server))
    page.goto(reverse("admin:exhibition_restoration_tool", args=[image.pk]))
    expect(page.locator("#mask-canvas")).to_be_visible()
    tool = axe_violations(page, vendor_dir)

    assert not public, f"axe found on the object page:\n{describe(public)}"
    assert not tool, f"axe found on the restoration tool:\n{describe(tool)}"

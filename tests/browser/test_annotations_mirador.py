"""Curators' notes seen from outside and inside: Mirador reads them from our manifest, and
on the object page each is a marker a keyboard reaches and opens."""

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import BrowserContext, Page, expect

from exhibition.models import CollectionObject
from exhibition.services.annotations import AnnotationInput, annotation_create
from tests import builders
from tests.browser import exhibits
from tests.browser.axe import axe_violations, describe
from tests.browser.test_restoration_tools import sign_in

pytestmark = pytest.mark.browser

MIRADOR = (
    Path(__file__).resolve().parents[2] / "node_modules" / "mirador" / "dist" / "mirador.min.js"
)
VIEWER_PATH = "/__mirador-annotations-test__/"
VIEWER_PAGE = "<!doctype html><title>Mirador</title><div id=m style='width:1200px;height:800px'>"
NOTE = "Fishing boats drawn up on the quay."


def _annotated(curator: User) -> CollectionObject:
    collection_object = exhibits.image_object(title="Harbour with notes")
    image = collection_object.images.get()
    annotation_create(
        data=AnnotationInput(
            selector_kind="rect",
            selector={"x": 400, "y": 300, "w": 500, "h": 400},
            body=NOTE,
            image=image,
            # Mirador's default filter lists commenting and tagging, not describing.
            motivation="commenting",
        ),
        creator=curator,
    )
    return collection_object


def test_mirador_shows_the_annotations_of_our_manifest(
    page: Page, live_server: object, curator: User
) -> None:
    if not MIRADOR.is_file():
        pytest.fail("node_modules/mirador is missing: run `npm ci`", pytrace=False)
    collection_object = _annotated(curator)
    page.route(
        f"{live_server}{VIEWER_PATH}",
        lambda route: route.fulfill(body=VIEWER_PAGE, content_type="text/html"),
    )

    page.goto(VIEWER_PATH)
    page.add_script_tag(path=str(MIRADOR))
    manifest = f"{live_server}/iiif/{collection_object.slug}/manifest.json"
    page.evaluate(
        "(url) => Mirador.viewer({id: 'm', windows: [{manifestId: url, sideBarOpen: true}]})",
        manifest,
    )

    expect(page.get_by_text("Harbour with notes").first).to_be_visible(timeout=20_000)
    page.get_by_role("tab", name="Annotations").click()

    panel = page.get_by_role("complementary", name="Annotations")
    expect(panel).to_contain_text("1 annotation", timeout=20_000)
    expect(panel.get_by_text(NOTE)).to_be_visible()


def test_the_object_pages_note_is_reached_and_opened_with_the_keyboard(
    page: Page, curator: User
) -> None:
    collection_object = _annotated(curator)

    page.goto(collection_object.get_absolute_url())

    viewer = page.locator(".deep-zoom").first
    expect(viewer).to_have_attribute("data-placed", "true", timeout=20_000)
    expect(page.get_by_role("heading", name="Notes on this object")).to_be_visible()
    expect(page.locator(".object-notes__list")).to_contain_text(NOTE)
    viewer.focus()
    marker = page.get_by_role("button", name=f"Note 1: {NOTE}")
    for _ in range(10):
        page.keyboard.press("Tab")
        if marker.evaluate("(element) => element === document.activeElement"):
            break
    expect(marker).to_be_focused()
    expect(marker).to_be_visible()

    page.keyboard.press("Enter")

    expect(marker).to_have_attribute("aria-expanded", "true")
    popup = page.locator(".annotation-marker__popup").first
    expect(popup).to_be_visible()
    expect(popup).to_have_text(NOTE)
    page.keyboard.press("Escape")
    expect(popup).to_be_hidden()
    expect(marker).to_be_focused()


def test_a_note_on_a_3d_model_is_a_labelled_hotspot_once_the_model_loads(
    page: Page, curator: User
) -> None:
    collection_object = exhibits.model_object(title="Bronze with a note")
    model = collection_object.models3d.get()
    annotation_create(
        data=AnnotationInput(
            selector_kind="point3d",
            selector={"x": 0.3, "y": 0.3, "z": 0, "normal": [0, 0, 1]},
            body="Casting seam.",
            model3d=model,
        ),
        creator=curator,
    )

    page.goto(collection_object.get_absolute_url())
    page.get_by_role("button", name="Load 3D model").click()

    viewer = page.locator("model-viewer").first
    expect(viewer).to_have_attribute("data-loaded", "true", timeout=60_000)
    hotspot = viewer.get_by_role("button", name="Note 1: Casting seam.")
    expect(hotspot).to_have_attribute("slot", "hotspot-note-1")
    expect(hotspot).to_have_attribute("data-position", "0.3 0.3 0")
    expect(hotspot).to_be_visible()


def test_dragging_over_the_image_in_the_admin_fills_in_the_rectangle(
    context: BrowserContext, page: Page, curator: User, live_server: object
) -> None:
    obj = builders.make_object(title="A drawn-on painting")
    image = builders.add_image(obj, width=400, height=300)
    sign_in(context, curator, str(live_server))

    page.goto(f"/admin/exhibition/annotation/add/?image={image.pk}&selector_kind=rect")
    drawing = page.locator(".annotation-editor__svg")
    expect(drawing).to_be_visible()
    box = drawing.bounding_box()
    assert box is not None
    scale = 400 / box["width"]
    page.mouse.move(box["x"] + 40 / scale, box["y"] + 30 / scale)
    page.mouse.down()
    page.mouse.move(box["x"] + 240 / scale, box["y"] + 130 / scale, steps=5)
    page.mouse.up()

    assert abs(int(page.locator("#id_rect_x").input_value()) - 40) <= 2
    assert abs(int(page.locator("#id_rect_w").input_value()) - 200) <= 2
    assert abs(int(page.locator("#id_rect_h").input_value()) - 100) <= 2
    expect(drawing.locator("rect")).to_have_count(1)
    # Only the fields of the chosen kind are shown; the polygon's are hidden.
    expect(page.locator("#id_polygon_points")).to_be_hidden()


@pytest.mark.parametrize("prefix", ["", "/fr"])
def test_the_object_page_with_notes_passes_axe(
    page: Page, curator: User, vendor_dir: Path, prefix: str
) -> None:
    collection_object = _annotated(curator)

    page.goto(f"{prefix}{collection_object.get_absolute_url()}")
    expect(page.locator(".deep-zoom").first).to_have_attribute("data-placed", "true")
    # Checked with a note open: the popup is part of what a visitor meets.
    page.locator(".annotation-marker__button").first.click()
    expect(page.locator(".annotation-marker__popup").first).to_be_visible()

    violations = axe_violations(page, vendor_dir)

    assert not violations, describe(violations)

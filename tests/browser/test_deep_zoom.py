"""An object's image opens as deep zoom, drawn from the site's own IIIF tiles."""

import pytest
from playwright.sync_api import Page, Response, expect

from tests.browser import exhibits

pytestmark = pytest.mark.browser


def is_tile(response: Response) -> bool:
    path = response.url.split("?", 1)[0]
    return "/iiif/image/" in path and not path.endswith("/info.json")


def test_deep_zoom_draws_its_first_tile_from_local_iiif(page: Page) -> None:
    collection_object = exhibits.image_object()
    tiles: list[Response] = []
    page.on("response", lambda response: tiles.append(response) if is_tile(response) else None)

    page.goto(collection_object.get_absolute_url())

    viewer = page.locator(".deep-zoom").first
    # The first canvas is the viewer's own; the overview (navigator) has another.
    expect(viewer.locator(".openseadragon-canvas").first).to_be_visible()
    expect(viewer).to_have_attribute("data-ready", "true", timeout=20_000)
    served = [r for r in tiles if r.ok and r.header_value("content-type") == "image/jpeg"]
    assert served, f"no IIIF tile was served; tile responses: {[(r.url, r.status) for r in tiles]}"


def test_deep_zoom_offers_labelled_zoom_buttons(page: Page) -> None:
    collection_object = exhibits.image_object()

    page.goto(collection_object.get_absolute_url())

    viewer = page.locator(".deep-zoom").first
    expect(viewer).to_have_attribute("role", "application")
    expect(viewer).to_have_attribute("aria-label", f"Deep zoom viewer: {collection_object.title}")
    for name in ("Zoom in", "Zoom out", "Reset view"):
        expect(page.get_by_role("button", name=name, exact=True).first).to_be_visible()
    # The text alternative is in the page for people who cannot see the image.
    expect(page.get_by_text(collection_object.images.get().alt_text).first).to_be_attached()

"""A third-party IIIF viewer (Mirador, from npm) opens our manifest and draws our tiles.

This is the interoperability promise of the manifests: any IIIF viewer, not only our own
page, can show the collection.
"""

from pathlib import Path

import pytest
from playwright.sync_api import Page, Response, expect

from tests.browser import exhibits

pytestmark = pytest.mark.browser

MIRADOR = (
    Path(__file__).resolve().parents[2] / "node_modules" / "mirador" / "dist" / "mirador.min.js"
)
# Served on the live server's own origin (by the test, not the site), so the viewer's
# fetches are same-origin just as they would be from a museum's page using our CORS.
VIEWER_PATH = "/__mirador-test__/"
VIEWER_PAGE = "<!doctype html><title>Mirador</title><div id=m style='width:1000px;height:700px'>"


def test_mirador_opens_the_manifest_and_draws_iiif_tiles(page: Page, live_server: object) -> None:
    if not MIRADOR.is_file():
        pytest.fail("node_modules/mirador is missing: run `npm ci`", pytrace=False)
    collection_object = exhibits.image_object(title="A tiled painting")
    tiles: list[Response] = []
    page.on(
        "response",
        lambda r: tiles.append(r) if "/iiif/image/" in r.url and r.url.endswith(".jpg") else None,
    )
    page.route(
        f"{live_server}{VIEWER_PATH}",
        lambda route: route.fulfill(
            body=VIEWER_PAGE,
            content_type="text/html",
        ),
    )

    page.goto(VIEWER_PATH)
    page.add_script_tag(path=str(MIRADOR))
    manifest = f"{live_server}/iiif/{collection_object.slug}/manifest.json"
    page.evaluate("(url) => Mirador.viewer({id: 'm', windows: [{manifestId: url}]})", manifest)

    expect(page.get_by_text("A tiled painting").first).to_be_visible(timeout=20_000)
    expect(page.locator(".openseadragon-canvas canvas").first).to_be_visible(timeout=20_000)
    for _ in range(100):  # the canvas shows before its first tile arrives
        if any(r.ok for r in tiles):
            break
        page.wait_for_timeout(200)
    assert any(r.ok for r in tiles), [(r.url, r.status) for r in tiles]

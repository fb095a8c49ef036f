"""3D models load on request, entirely from the site's own origin."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser import exhibits

pytestmark = pytest.mark.browser

MODEL_LOAD_TIMEOUT_MS = 60_000


def foreign_requests(requests: list[str], origin: str) -> list[str]:
    return [
        url
        for url in requests
        if not (url.startswith(origin) or url.startswith(("data:", "blob:")))
    ]


def load_model(page: Page, url: str, *, origin: str) -> list[str]:
    """Opens the page, presses "Load 3D model", waits for the load; returns every request URL."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url)

    expect(page.locator("model-viewer")).to_have_count(0)
    facade = page.locator(".model-facade").first
    facade.get_by_role("button", name="Load 3D model").click()

    viewer = page.locator("model-viewer").first
    expect(viewer).to_have_attribute("data-loaded", "true", timeout=MODEL_LOAD_TIMEOUT_MS)
    assert not foreign_requests(requests, origin), "requests left the site's origin"
    return requests


def test_model_loads_only_from_the_site(page: Page, live_server: object) -> None:
    collection_object = exhibits.model_object()
    model = collection_object.models3d.get()

    requests = load_model(page, collection_object.get_absolute_url(), origin=str(live_server))

    viewer = page.locator("model-viewer").first
    expect(viewer).to_have_attribute("alt", model.alt_text)
    assert (viewer.get_attribute("src") or "").endswith(model.glb.url)
    assert any(url.endswith(model.glb.url) for url in requests)


def test_draco_model_decodes_with_the_local_decoder(page: Page, live_server: object) -> None:
    source = exhibits.draco_model_path()
    if source is None:
        pytest.skip(f"demo collection lacks models/{exhibits.DRACO_MODEL}")
    collection_object = exhibits.draco_object(source)
    responses: list[tuple[str, int]] = []
    page.on("response", lambda response: responses.append((response.url, response.status)))
    load_model(page, collection_object.get_absolute_url(), origin=str(live_server))

    decoder = [(url, status) for url, status in responses if "/static/vendor/draco/" in url]
    assert decoder, "the Draco decoder was not fetched from /static/vendor/draco/"
    assert all(status == 200 for _, status in decoder), decoder

"""The comparison draws the reconstruction from its own IIIF tiles, aligned with the original.

A large reconstruction drawn as one picture breaks into grain at low zoom; from tiles it
is reduced as smoothly as the original beside it. The restoration here is approved through
the review service, so its tiles are cut by the same path as on the site.
"""

import io
import shutil

import numpy as np
import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw
from playwright.sync_api import Page, expect

from exhibition.iiif.restoration_tiles import restoration_tile_dir
from exhibition.models import CollectionObject, Restoration
from exhibition.services.review import machine_output_approve
from tests import builders
from tests.browser import exhibits

pytestmark = pytest.mark.browser

AI_LABEL = "AI reconstruction — not the original"
# The part of the picture the "reconstruction" repaints, as fractions of its size.
PAINTED = (0.05, 0.05, 0.35, 0.35)
FULLY_LOADED = """(id) => {
  const world = window.vitrineViewers[id].world;
  return world.getItemCount() === 2 && world.getItemAt(0).getFullyLoaded()
    && world.getItemAt(1).getFullyLoaded();
}"""


def _approved_restoration(curator: User) -> tuple[CollectionObject, Restoration]:
    """The tiled test image, and a reconstruction of it: the same pixels but one red block."""
    collection_object = exhibits.image_object(title="Damaged fresco", is_damaged=True)
    image = collection_object.images.get()
    restoration = builders.add_restoration(image)
    with image.original.open("rb") as fh, Image.open(fh) as opened:
        pixels = opened.convert("RGB")
    width, height = pixels.size
    left, top, right, bottom = PAINTED
    ImageDraw.Draw(pixels).rectangle(
        [left * width, top * height, right * width, bottom * height], fill=(230, 20, 20)
    )
    buffer = io.BytesIO()
    pixels.save(buffer, format="PNG")
    restoration.result.save("reconstruction.png", ContentFile(buffer.getvalue()))
    # Outside a test's transaction, so the approval commits and its tiles are cut at once.
    machine_output_approve(output=restoration.machine_output, reviewer=curator)
    restoration.refresh_from_db()
    assert restoration.tiles_ready, "approval did not cut the restoration's tiles"
    return collection_object, restoration


def _stage_pixels(page: Page, reveal: str) -> np.ndarray:
    page.locator(".compare-slider").fill(reveal)
    page.wait_for_function(FULLY_LOADED, arg="compare-stage-1")
    shot = page.locator(".compare-stage").screenshot(animations="disabled")
    return np.asarray(Image.open(io.BytesIO(shot)).convert("RGB"), dtype=np.int16)


def test_reconstruction_is_drawn_from_its_tiles_not_the_png(page: Page, curator: User) -> None:
    collection_object, restoration = _approved_restoration(curator)
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))

    page.goto(collection_object.get_absolute_url())
    stage = page.locator(".compare-stage")
    expect(stage).to_have_attribute("data-ready", "true", timeout=20_000)
    page.wait_for_function(FULLY_LOADED, arg="compare-stage-1")

    expect(stage).to_have_attribute("data-reconstruction", "tiles")
    tiles = [url for url in urls if f"/iiif/restoration/{restoration.pk}/" in url]
    assert any(url.endswith("/info.json") for url in tiles)
    assert any(url.endswith("/default.jpg") for url in tiles)
    assert not [url for url in urls if url.endswith(restoration.result.url)], (
        "the full-size PNG was downloaded"
    )
    # OpenSeadragon holds two IIIF pyramids of one size, so they cover each other exactly.
    layers = page.evaluate(
        """() => [0, 1].map((i) => {
          const source = window.vitrineViewers['compare-stage-1'].world.getItemAt(i).source;
          return [source instanceof OpenSeadragon.IIIFTileSource,
                  source.dimensions.x, source.dimensions.y];
        })"""
    )
    assert layers == [[True, *exhibits.IMAGE_SIZE], [True, *exhibits.IMAGE_SIZE]]


def test_tiled_layers_line_up_and_keys_still_move_the_line(page: Page, curator: User) -> None:
    collection_object, _ = _approved_restoration(curator)
    page.goto(collection_object.get_absolute_url())
    stage = page.locator(".compare-stage")
    expect(stage).to_have_attribute("data-ready", "true", timeout=20_000)

    reconstruction = _stage_pixels(page, "100")
    original = _stage_pixels(page, "0")

    height, width, _ = original.shape
    difference = np.abs(reconstruction - original).max(axis=2)
    # The repainted block shows where it should...
    block = difference[int(height * 0.1) : int(height * 0.3), int(width * 0.1) : int(width * 0.3)]
    assert block.mean() > 60, "the reconstruction's repainted block is not on screen"
    # ...and everywhere else the two layers agree (a shift would light up the grid lines).
    rest = difference[int(height * 0.5) : int(height * 0.75), int(width * 0.5) : int(width * 0.75)]
    assert rest.mean() < 3, f"the layers disagree outside the repainted block: {rest.mean():.1f}"

    stage.focus()
    page.keyboard.press("]")
    expect(stage).to_have_attribute("data-reveal", "5")
    expect(page.locator("figure.restoration-compare .ai-label")).to_have_text(AI_LABEL)


def test_missing_tiles_fall_back_to_the_file(page: Page, curator: User) -> None:
    collection_object, restoration = _approved_restoration(curator)
    shutil.rmtree(restoration_tile_dir(restoration.pk))

    page.goto(collection_object.get_absolute_url())
    stage = page.locator(".compare-stage")

    expect(stage).to_have_attribute("data-ready", "true", timeout=20_000)
    expect(stage).to_have_attribute("data-reconstruction", "file")

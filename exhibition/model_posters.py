"""Poster images for 3D models, rendered once by model-viewer in headless Chromium.

A poster is what a visitor sees before choosing to load a model (and what a phone shows
instead of downloading megabytes of mesh), so it must show the real model: we render it
with the same viewer the site uses, in the Debian Chromium, offline. Playwright is
imported lazily: only this batch job needs it.
"""

import base64
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile

from exhibition.models import ObjectModel3D

logger = logging.getLogger(__name__)

POSTER_PIXELS = 768
# A made-up origin: every request the page makes is answered from disk by `_answer`.
ORIGIN = "http://vitrine-posters.invalid"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",
    "--use-angle=swiftshader",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PAGE = f"""<!doctype html><html><head><style>
html, body {{ margin: 0; background: #f4f1ea; }}
model-viewer {{ width: {POSTER_PIXELS}px; height: {POSTER_PIXELS}px; background: #f4f1ea; }}
</style></head><body></body></html>"""
LOAD_MODEL_JS = """async ([src, neutral]) => {
  document.body.innerHTML = '';
  const viewer = document.createElement('model-viewer');
  viewer.setAttribute('interaction-prompt', 'none');
  viewer.setAttribute('shadow-intensity', '1');
  viewer.src = src;
  document.body.appendChild(viewer);
  await new Promise((resolve, reject) => {
    viewer.addEventListener('load', resolve, {once: true});
    viewer.addEventListener('error', (e) => reject(new Error(String(e.detail && e.detail.type))),
                            {once: true});
  });
  if (neutral) {
    for (const material of viewer.model.materials) {
      material.pbrMetallicRoughness.setBaseColorFactor(%(neutral_colour)s);
    }
  }
  // Skip the framing animation, then let a few frames draw the settled view.
  viewer.jumpCameraToGoal();
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  const blob = await viewer.toBlob({mimeType: 'image/webp', qualityArgument: 0.85});
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}"""
# A warm clay tone: the colour the page also uses for geometry-only scans.
NEUTRAL_COLOUR = [0.78, 0.74, 0.68, 1.0]


class PosterRenderingUnavailable(RuntimeError):
    """Chromium or the vendored model-viewer build is missing."""


@dataclass(frozen=True)
class PosterResult:
    model: ObjectModel3D
    rendered: bool
    error: str = ""


def chromium_path() -> Path:
    return Path(getattr(settings, "VITRINE_CHROMIUM", "/usr/bin/chromium"))


def vendor_dir() -> Path:
    return Path(settings.BASE_DIR) / "static" / "vendor"


def poster_is_current(model: ObjectModel3D) -> bool:
    return bool(model.poster) and model.checksum[:12] in Path(model.poster.name).name


def render_posters(models: Iterable[ObjectModel3D], *, force: bool = False) -> list[PosterResult]:
    """Render a poster for each model that lacks a current one; report each outcome."""
    todo = [m for m in models if force or not poster_is_current(m)]
    if not todo:
        return []
    if not chromium_path().exists():
        raise PosterRenderingUnavailable(f"{chromium_path()} is missing: apt-get install chromium")
    if not (vendor_dir() / "model-viewer.min.js").exists():
        raise PosterRenderingUnavailable(
            "static/vendor/model-viewer.min.js is missing: run `npm ci && "
            "python scripts/vendor_frontend.py`"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise PosterRenderingUnavailable(
            "Playwright is not installed: pip install 'vitrine[posters]'"
        ) from None

    # Playwright's sync API runs an event loop in this thread, and Django refuses database
    # work while one runs: render everything first, then store.
    rendered: list[tuple[ObjectModel3D, bytes | str]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium_path()), args=CHROMIUM_ARGS
        )
        try:
            for model in todo:
                # A fresh page for each model: model-viewer shares one renderer between
                # elements, and a reused one frames later models wrongly.
                page = _poster_page(browser, todo)
                rendered.append((model, _render_one(page, model)))
                page.close()
        finally:
            browser.close()
    return [_store(model, outcome) for model, outcome in rendered]


def _poster_page(browser: Any, models: list[ObjectModel3D]) -> Any:
    page = browser.new_page(viewport={"width": POSTER_PIXELS, "height": POSTER_PIXELS})
    page.route(f"{ORIGIN}/**", lambda route: _answer(route, models))
    page.goto(f"{ORIGIN}/poster.html")
    # Every <model-viewer> reads its decoder locations from this global when it is
    # created; without it they would come from a CDN.
    page.evaluate(
        "([draco, basis]) => { self.ModelViewerElement = "
        "{dracoDecoderLocation: draco, ktx2TranscoderLocation: basis}; }",
        [f"{ORIGIN}/vendor/draco/", f"{ORIGIN}/vendor/basis/"],
    )
    page.add_script_tag(url=f"{ORIGIN}/vendor/model-viewer.min.js", type="module")
    page.wait_for_function("() => customElements.get('model-viewer') !== undefined")
    return page


def _render_one(page: Any, model: ObjectModel3D) -> bytes | str:
    """The poster's WebP bytes, or the viewer's error message."""
    script = LOAD_MODEL_JS % {"neutral_colour": NEUTRAL_COLOUR}
    try:
        encoded = page.evaluate(script, [f"{ORIGIN}/model/{model.pk}.glb", model.geometry_only])
    except Exception as error:  # the viewer's own failure, reported per model
        logger.warning("Poster for %s failed: %s", model, error)
        return str(error)
    return base64.b64decode(encoded)


def _store(model: ObjectModel3D, outcome: bytes | str) -> PosterResult:
    if isinstance(outcome, str):
        return PosterResult(model=model, rendered=False, error=outcome)
    if model.poster:
        model.poster.delete(save=False)
    model.poster.save(f"{model.checksum[:12]}-poster.webp", ContentFile(outcome), save=False)
    model.save(update_fields=["poster"])
    return PosterResult(model=model, rendered=True)


def _answer(route: Any, models: list[ObjectModel3D]) -> None:
    path = route.request.url.removeprefix(ORIGIN)
    if path == "/poster.html":
        route.fulfill(body=PAGE, content_type="text/html")
    elif path.startswith("/vendor/"):
        file = (vendor_dir() / path.removeprefix("/vendor/")).resolve()
        if vendor_dir().resolve() in file.parents and file.is_file():
            route.fulfill(path=str(file))
        else:
            route.fulfill(status=404, body="")
    elif path.startswith("/model/"):
        by_pk = {f"/model/{m.pk}.glb": m for m in models}
        model = by_pk.get(path)
        if model is None:
            route.fulfill(status=404, body="")
        else:
            route.fulfill(path=model.glb.path, content_type="model/gltf-binary")
    else:
        route.fulfill(status=404, body="")

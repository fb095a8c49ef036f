"""Browser tests: the real Debian Chromium driven by Playwright against live_server.

Never downloads a browser: Chromium comes from Debian (`apt-get install chromium`),
the front-end builds from `static/vendor/` (`npm ci && python scripts/vendor_frontend.py`).
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    ViewportSize,
    sync_playwright,
)

from tests.browser.contexts import close_quietly

# Playwright's sync API runs an event loop in the test thread; Django would otherwise
# refuse the ORM calls the tests make to build their data.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VENDOR_FILES = ("openseadragon.min.js", "model-viewer.min.js", "axe.min.js", "draco")
VIEWPORT: ViewportSize = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def vendor_dir() -> Path:
    vendor = Path(settings.BASE_DIR) / "static" / "vendor"
    missing = [name for name in VENDOR_FILES if not (vendor / name).exists()]
    if missing:
        pytest.fail(
            f"static/vendor/ lacks {', '.join(missing)}: run "
            "`npm ci && python scripts/vendor_frontend.py` (the Makefile does) first.",
            pytrace=False,
        )
    return vendor


# Package scope, not session: Playwright's sync API keeps an event loop running in the test
# thread while it is open, and tests after the browser tests (the guide's WebSocket tests)
# drive their own loops with async_to_sync, which refuses to start inside a running one.
@pytest.fixture(scope="package")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def browser(playwright_driver: Playwright, vendor_dir: Path) -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's Chromium. "
            "Run `apt-get install chromium` (the Makefile does); never `playwright install`.",
            pytrace=False,
        )
    browser = playwright_driver.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def context(
    browser: Browser, live_server: object, transactional_db: None
) -> Iterator[BrowserContext]:
    context = browser.new_context(base_url=str(live_server), viewport=VIEWPORT)
    context.set_default_timeout(15_000)
    yield context
    close_quietly(context)


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()

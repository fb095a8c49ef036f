"""Kiosk mode in Debian Chromium: idle warning and reset, offline blip, accessibility, targets.

The site runs on a loopback port in a server thread that the offline test stops and starts
again on the same port (the service worker belongs to that origin): a real network drop,
not a simulated one. The idle time is set to a few seconds for these tests through the
settings the kiosk reads; the warning keeps its minimum of 20 seconds.
"""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from exhibition.models import CollectionObject
from tests import builders
from tests.browser.axe import axe_violations, describe
from tests.browser.contexts import close_quietly
from tests.browser.exhibits import add_tiled_image
from tests.tours.views.collection import small_museum
from tours.models import Interaction, VisitorProfile

pytestmark = pytest.mark.browser

LANDSCAPE: ViewportSize = {"width": 1920, "height": 1080}
PORTRAIT: ViewportSize = {"width": 1080, "height": 1920}
IDLE_SECONDS = 3
WARNING_SECONDS = 20
MIN_TARGET_PX = 44
SHOTS = Path(os.environ.get("KIOSK_SCREENSHOTS", "/tmp/shots"))
# Every control a finger may need: links, buttons, the planning tiles, text fields.
TARGETS = "a[href], button, .kiosk-option label, input[type=text], input[type=number], select"


# Visible targets smaller than the minimum, described (hidden ones and the skip link aside).
SMALL_TARGETS = """(nodes, min) => nodes
    .filter((n) => n.getClientRects().length
        && !n.closest('[hidden], .visually-hidden, .skip-link, dialog:not([open])'))
    .map((n) => [n.getBoundingClientRect(), n])
    .filter(([r]) => r.width < min || r.height < min)
    .map(([r, n]) => n.outerHTML.slice(0, 120) + ' ' + Math.round(r.width) + 'x'
        + Math.round(r.height))"""
# A link such as the guide's answers write: to an object's page outside the kiosk.
ADD_OBJECT_LINK = """(slug) => {
    const link = document.createElement('a');
    link.href = '/objects/' + slug + '/';
    link.textContent = 'guide link';
    link.id = 'guide-link';
    document.querySelector('main').append(link);
}"""


class _OneRequestPerConnection(QuietWSGIRequestHandler):
    """Closes each connection after its answer: a stopped server then answers nothing, as in
    an outage (a kept-alive connection's thread would otherwise go on serving)."""

    def handle_one_request(self) -> None:
        super().handle_one_request()
        self.close_connection = True


class _RestartableServer(LiveServerThread):
    """Django's live server thread, allowed to bind a port it has just let go."""

    def _create_server(self, connections_override: Any = None) -> Any:
        return ThreadedWSGIServer(
            (self.host, self.port),
            _OneRequestPerConnection,
            allow_reuse_address=True,
            connections_override=connections_override,
        )


class KioskSite:
    """The site on one port, which a test may stop and start again."""

    def __init__(self) -> None:
        # In-memory SQLite is shared with the server's thread, as Django's live server does.
        self.shared = {
            c.alias: c
            for c in connections.all()
            if c.vendor == "sqlite" and c.is_in_memory_db()  # type: ignore[attr-defined]
        }
        self.port = 0
        self.thread: LiveServerThread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        thread = _RestartableServer("127.0.0.1", StaticFilesHandler, self.shared, self.port)
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        self.port, self.thread = thread.port, thread

    def stop(self) -> None:
        if self.thread is not None:
            self.thread.terminate()
            self.thread = None


@pytest.fixture
def kiosk_site(transactional_db: None, settings: Any) -> Iterator[KioskSite]:
    # Long enough that the warning never covers a page another test is looking at.
    settings.KIOSK_IDLE_SECONDS = 600
    settings.KIOSK_WARNING_SECONDS = WARNING_SECONDS
    settings.DEBUG = False
    site = KioskSite()
    for connection in site.shared.values():
        connection.inc_thread_sharing()
    site.start()
    yield site
    site.stop()
    for connection in site.shared.values():
        connection.dec_thread_sharing()


def _open(browser: Browser, site: KioskSite, viewport: ViewportSize) -> BrowserContext:
    context = browser.new_context(base_url=site.url, viewport=viewport, has_touch=True)
    context.set_default_timeout(15_000)
    return context


def _collection() -> CollectionObject:
    """The small tour museum with pictures; the first print featured and cut into tiles."""
    museum = small_museum()
    for obj in museum.public[1:]:
        builders.add_image(obj, width=320, height=240)
    star = museum.prints[0]
    CollectionObject.objects.filter(pk=star.pk).update(
        featured=True, description="Waves breaking on a rocky shore, in blue and white."
    )
    add_tiled_image(star)
    return star


def _plan_tour(page: Page) -> None:
    page.goto("/kiosk/tour/")
    page.get_by_text("30 minutes").click()
    page.get_by_role("button", name="Plan my tour").click()
    expect(page.get_by_role("heading", name="Your tour", exact=True)).to_be_visible()


def _session(context: BrowserContext) -> str:
    return next((c["value"] for c in context.cookies() if c["name"] == "sessionid"), "")


def test_idle_warning_continue_keeps_the_visit_and_silence_resets_it(
    browser: Browser, kiosk_site: KioskSite, settings: Any
) -> None:
    settings.KIOSK_IDLE_SECONDS = IDLE_SECONDS
    _collection()
    context = _open(browser, kiosk_site, LANDSCAPE)
    page = context.new_page()
    try:
        _plan_tour(page)
        session = _session(context)
        assert session and VisitorProfile.objects.count() == 1

        dialog = page.get_by_role("alertdialog", name="Are you still there?")
        expect(dialog).to_be_visible(timeout=(IDLE_SECONDS + 5) * 1000)
        continue_button = dialog.get_by_role("button", name="Continue")
        expect(continue_button).to_be_focused()
        expect(dialog).to_contain_text("seconds")
        count = page.locator("[data-kiosk-countdown]")
        first = int(count.inner_text())
        assert 17 <= first <= WARNING_SECONDS  # WCAG 2.2.1: at least 20 s were offered
        page.wait_for_timeout(1500)
        assert int(count.inner_text()) < first  # a visible countdown
        box = continue_button.bounding_box()
        assert box and box["height"] >= MIN_TARGET_PX and box["width"] >= MIN_TARGET_PX
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "kiosk-idle-warning-landscape.png"))

        continue_button.tap()
        expect(dialog).to_be_hidden()
        assert _session(context) == session
        assert VisitorProfile.objects.count() == 1
        expect(page.get_by_role("heading", name="Your tour", exact=True)).to_be_visible()

        # Left alone again: the warning returns, and when it runs out the visit is forgotten.
        expect(dialog).to_be_visible(timeout=(IDLE_SECONDS + 5) * 1000)
        page.wait_for_url(f"{kiosk_site.url}/kiosk/", timeout=(WARNING_SECONDS + 10) * 1000)
        expect(page.get_by_text("Touch to start")).to_be_visible()
        assert VisitorProfile.objects.count() == 0
        assert not Interaction.objects.exists()
        assert _session(context) != session
    finally:
        close_quietly(context)


PAGES = {
    "attract": "/kiosk/",
    "objects": "/kiosk/objects/",
    "object": "/kiosk/objects/{slug}/",
    "plan": "/kiosk/tour/",
}


@pytest.mark.parametrize(("name", "viewport"), [("landscape", LANDSCAPE), ("portrait", PORTRAIT)])
def test_kiosk_pages_pass_axe_and_every_target_is_finger_sized(
    browser: Browser, kiosk_site: KioskSite, vendor_dir: Path, name: str, viewport: ViewportSize
) -> None:
    star = _collection()
    context = _open(browser, kiosk_site, viewport)
    page = context.new_page()
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        urls = [(key, path.format(slug=star.slug)) for key, path in PAGES.items()]
        _plan_tour(page)
        urls.append(("tour", page.url.removeprefix(kiosk_site.url)))
        for key, path in urls:
            page.goto(path)
            if key == "object":
                expect(page.locator(".deep-zoom")).to_have_attribute("data-ready", "true")
            violations = axe_violations(page, vendor_dir)
            assert not violations, f"{path}:\n{describe(violations)}"
            small = page.eval_on_selector_all(TARGETS, SMALL_TARGETS, MIN_TARGET_PX)
            assert not small, f"{path}: targets under {MIN_TARGET_PX}px: {small}"
            page.screenshot(path=str(SHOTS / f"kiosk-{key}-{name}.png"))
    finally:
        close_quietly(context)


def test_no_link_leaves_the_kiosk(browser: Browser, kiosk_site: KioskSite) -> None:
    star = _collection()
    context = _open(browser, kiosk_site, LANDSCAPE)
    page = context.new_page()
    try:
        page.goto(f"/kiosk/objects/{star.slug}/")
        hrefs = page.eval_on_selector_all("a[href]", "(links) => links.map((a) => a.href)")
        outside = [
            h for h in hrefs if not h.startswith(f"{kiosk_site.url}/kiosk/") and "#" not in h
        ]
        assert not outside
        # A link the guide writes to an object's page opens its kiosk view instead.
        page.evaluate(ADD_OBJECT_LINK, star.slug)
        page.click("#guide-link")
        page.wait_for_url(f"{kiosk_site.url}/kiosk/objects/{star.slug}/")
    finally:
        close_quietly(context)


def test_a_network_drop_keeps_what_the_kiosk_showed(
    browser: Browser, kiosk_site: KioskSite
) -> None:
    star = _collection()
    context = _open(browser, kiosk_site, LANDSCAPE)
    page = context.new_page()
    object_path = f"/kiosk/objects/{star.slug}/"
    try:
        page.goto("/kiosk/")
        # Installed and active (or, if it never registers, not: the assertion below says so).
        page.evaluate(
            """() => Promise.race([navigator.serviceWorker.ready,
                                   new Promise((resolve) => setTimeout(resolve, 10000))])"""
        )
        page.reload()  # now controlled by the worker
        assert page.evaluate("() => !!navigator.serviceWorker.controller")
        page.goto("/kiosk/objects/")
        page.goto(object_path)
        expect(page.locator(".deep-zoom")).to_have_attribute("data-ready", "true")
        expect(page.locator("[data-kiosk-offline]")).to_be_hidden()

        kiosk_site.stop()
        page.goto("/kiosk/objects/")
        expect(page.get_by_role("heading", name="Explore the collection")).to_be_visible()
        page.get_by_role("link", name=star.title).click()
        page.wait_for_url(f"**{object_path}")
        expect(page.get_by_role("heading", name=star.title)).to_be_visible()
        expect(page.get_by_text("Waves breaking on a rocky shore")).to_be_visible()
        # The picture draws again from the saved tiles.
        expect(page.locator(".deep-zoom")).to_have_attribute("data-ready", "true")
        expect(
            page.get_by_role("status").filter(has_text="Offline — showing saved pages")
        ).to_be_visible()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "kiosk-offline-landscape.png"))

        kiosk_site.start()
        page.goto(object_path)
        expect(page.get_by_role("heading", name=star.title)).to_be_visible()
        expect(page.locator("[data-kiosk-offline]")).to_be_hidden()
    finally:
        close_quietly(context)

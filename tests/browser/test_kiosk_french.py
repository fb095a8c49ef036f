"""The kiosk in French (/fr/kiosk/) in Debian Chromium: it warns, counts down and resets in
French, and never leaves /fr/kiosk/ (its reset, its links, its service worker's pages)."""

from typing import Any

import pytest
from playwright.sync_api import Browser, ViewportSize, expect

from tests.browser.contexts import close_quietly
from tests.browser.test_kiosk import (
    ADD_OBJECT_LINK,
    IDLE_SECONDS,
    LANDSCAPE,
    MIN_TARGET_PX,
    WARNING_SECONDS,
    KioskSite,
    _collection,
    _open,
    _session,
    kiosk_site,  # noqa: F401 (the fixture, shared with the English kiosk's tests)
)
from tours.models import VisitorProfile

pytestmark = pytest.mark.browser

# Resolves once the page's service worker is active, or after 10 s (the assertion says which).
WORKER_READY = """() => Promise.race([
    navigator.serviceWorker.ready.then((r) => new URL(r.scope).pathname),
    new Promise((resolve) => setTimeout(() => resolve(''), 10000))])"""
SAVED_PAGES = """() => caches.open('kiosk-pages-v1').then((cache) => cache.keys())
    .then((requests) => requests.map((r) => new URL(r.url).pathname))"""


def test_the_idle_warning_speaks_french_and_the_reset_returns_to_the_french_kiosk(
    browser: Browser,
    kiosk_site: KioskSite,  # noqa: F811
    settings: Any,
) -> None:
    settings.KIOSK_IDLE_SECONDS = IDLE_SECONDS
    _collection()
    context = _open(browser, kiosk_site, LANDSCAPE)
    page = context.new_page()
    try:
        page.goto("/fr/kiosk/tour/")
        page.get_by_text("30 minutes").click()
        page.get_by_role("button", name="Préparer mon parcours").click()
        expect(page.get_by_role("heading", name="Votre parcours", exact=True)).to_be_visible()
        session = _session(context)
        assert session and VisitorProfile.objects.count() == 1

        dialog = page.get_by_role("alertdialog", name="Êtes-vous toujours là ?")
        expect(dialog).to_be_visible(timeout=(IDLE_SECONDS + 5) * 1000)
        expect(dialog.get_by_role("button", name="Continuer")).to_be_focused()
        expect(dialog).to_contain_text("Cet écran se réinitialise pour le visiteur suivant")
        # What a screen reader hears is French too.
        live = page.locator("[data-kiosk-countdown-live]")
        expect(live).to_have_text(f"{WARNING_SECONDS} secondes restantes")

        page.wait_for_url(f"{kiosk_site.url}/fr/kiosk/", timeout=(WARNING_SECONDS + 10) * 1000)
        expect(page.get_by_text("Touchez l’écran pour commencer")).to_be_visible()
        assert page.locator("html").get_attribute("lang") == "fr"
        assert VisitorProfile.objects.count() == 0
        assert _session(context) != session
    finally:
        close_quietly(context)


def test_the_french_kiosk_keeps_its_links_and_saved_pages_under_fr_kiosk(
    browser: Browser,
    kiosk_site: KioskSite,  # noqa: F811
) -> None:
    star = _collection()
    context = _open(browser, kiosk_site, LANDSCAPE)
    page = context.new_page()
    try:
        page.goto("/fr/kiosk/")
        assert page.evaluate(WORKER_READY) == "/fr/kiosk/"
        page.goto(f"/fr/kiosk/objects/{star.slug}/")
        hrefs = page.eval_on_selector_all("a[href]", "(links) => links.map((a) => a.href)")
        assert all(h.startswith(f"{kiosk_site.url}/fr/kiosk/") or "#" in h for h in hrefs)
        assert "/fr/kiosk/" in page.evaluate(SAVED_PAGES)
        # A link the guide writes to a French object page opens the French kiosk's view.
        page.evaluate(ADD_OBJECT_LINK.replace("'/objects/'", "'/fr/objects/'"), star.slug)
        page.click("#guide-link")
        page.wait_for_url(f"{kiosk_site.url}/fr/kiosk/objects/{star.slug}/")
        expect(page.get_by_role("link", name="Retour à tous les objets")).to_be_visible()
    finally:
        close_quietly(context)


PHONE: ViewportSize = {"width": 390, "height": 844}
# Every element of the attract screen that reaches past either edge, the picture wall
# (drawn behind and clipped) aside, with how far it reaches.
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
        .filter((e) => !e.closest('.kiosk-attract__wall'))
        .map((e) => [e.className, e.getBoundingClientRect()])
        .filter(([, r]) => r.width && (r.left < -0.5 || r.right > width + 0.5))
        .map(([name, r]) => `${name} ${Math.round(r.left)}..${Math.round(r.right)}`);
}"""


@pytest.mark.parametrize("prefix", ["/fr", ""])
def test_the_welcome_fits_a_phone_screen_in_both_languages(
    browser: Browser,
    kiosk_site: KioskSite,  # noqa: F811
    prefix: str,
) -> None:
    _collection()
    context = _open(browser, kiosk_site, PHONE)
    page = context.new_page()
    try:
        page.goto(f"{prefix}/kiosk/")
        start = page.locator(".kiosk-attract__cta")
        expect(start).to_be_visible()

        assert page.evaluate(OVERFLOWING) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        box = start.bounding_box()
        assert box is not None and box["height"] >= MIN_TARGET_PX
        # "Touchez l’écran pour commencer" on at most two lines: a word per line reads badly.
        line = float(start.evaluate("(e) => parseFloat(getComputedStyle(e).lineHeight)"))
        assert box["height"] < 3 * line + 20
        for chip in page.locator(".kiosk-chip").all():
            chip_box = chip.bounding_box()
            assert chip_box is not None and chip_box["height"] >= MIN_TARGET_PX
    finally:
        close_quietly(context)

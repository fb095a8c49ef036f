"""Tours in the real browser: plan, follow, skip and re-plan, hand the tour to a phone.

Also: no WCAG violation on the start, tour and take-away pages; every control reached by the
keyboard has a name and shows focus; no page is wider than a phone. Screenshots of each page
at desktop and phone size go to ``$TOURS_SCREENSHOTS`` (when set) for a person to look at.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from tests import builders
from tests.browser.axe import axe_violations, describe
from tests.browser.contexts import close_quietly
from tests.browser.keyboard import DESCRIBE_FOCUS, focus_is_visible
from tests.tours.views.collection import small_museum
from tours.selectors.recommendations import forget_fitted

pytestmark = pytest.mark.browser

DESKTOP: ViewportSize = {"width": 1366, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
MAX_TABS = 120

# A focused control's accessible name, roughly as a screen reader builds it.
FOCUSED_NAME = """
() => {
  const el = document.activeElement;
  const byLabel = el.labels && el.labels.length ? el.labels[0].textContent : "";
  const byAria = el.getAttribute("aria-label") || "";
  const byIds = (el.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent || "").join(" ");
  return (byAria || byIds || byLabel || el.textContent || el.value || "").trim();
}
"""
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture(autouse=True)
def _fresh_recommender() -> None:
    # The fit is keyed by the collection version, which restarts with every test database.
    forget_fitted()


def _museum() -> None:
    museum = small_museum()
    for obj in museum.public:
        builders.add_image(obj, width=320, height=240)


@pytest.fixture
def desktop(browser: Browser, live_server: object, transactional_db: None) -> Iterator[Page]:
    context = browser.new_context(base_url=str(live_server), viewport=DESKTOP)
    context.set_default_timeout(20_000)
    yield context.new_page()
    close_quietly(context)


@pytest.fixture
def phone_context(
    browser: Browser, live_server: object, transactional_db: None
) -> Iterator[BrowserContext]:
    context = browser.new_context(
        base_url=str(live_server), viewport=PHONE, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(20_000)
    yield context
    close_quietly(context)


def _shot(page: Page, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("TOURS_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def _assert_axe_clean(page: Page, vendor_dir: Path, what: str) -> None:
    violations = axe_violations(page, vendor_dir)
    assert not violations, f"axe found on the {what}:\n{describe(violations)}"


def _plan(page: Page) -> None:
    page.goto("/tours/")
    page.get_by_label("Print").check()
    page.get_by_label("1 hour").check()
    page.get_by_role("button", name="Plan my tour").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your tour")


def _next_title(page: Page) -> str:
    return page.locator(".tour-next .card__title").inner_text().strip()


def test_a_visitor_plans_a_tour_follows_it_and_skips_a_stop(
    desktop: Page, vendor_dir: Path
) -> None:
    _museum()
    desktop.goto("/tours/")
    _assert_axe_clean(desktop, vendor_dir, "start page")
    _plan(desktop)
    _assert_axe_clean(desktop, vendor_dir, "tour page")
    progress = desktop.locator("#tour-progress")
    expect(progress).to_contain_text("0 of")
    first = _next_title(desktop)

    desktop.get_by_role("button", name="Seen it — next").click()
    expect(progress).to_contain_text("1 of")
    second = _next_title(desktop)
    assert second != first
    expect(desktop.locator(".tour-stop--seen")).to_contain_text(first)

    desktop.get_by_role("button", name="Skip this one").click()
    expect(desktop.locator(".tour-messages")).to_contain_text(f"Skipped “{second}”")
    assert _next_title(desktop) != second
    upcoming = desktop.locator(".tour-stop--planned")
    expect(upcoming.first).to_be_visible()
    for text in upcoming.all_inner_texts():
        assert second not in text


def test_the_kiosk_hands_the_tour_to_a_phone(
    desktop: Page, phone_context: BrowserContext, vendor_dir: Path, tmp_path: Path
) -> None:
    _museum()
    _plan(desktop)
    next_on_kiosk = _next_title(desktop)
    desktop.get_by_role("link", name="Take this tour on your phone").click()
    qr_code = desktop.get_by_role("img", name="QR code that opens this tour on a phone")
    expect(qr_code).to_be_visible()
    _assert_axe_clean(desktop, vendor_dir, "take-away page")
    _shot(desktop, "take-away-desktop", tmp_path)
    link = desktop.locator(".take-away__link a").inner_text().strip()

    phone = phone_context.new_page()
    phone.goto(link)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Your tour")
    expect(phone.locator(".tour-messages")).to_contain_text("the tour from the kiosk")
    assert _next_title(phone) == next_on_kiosk
    assert phone.evaluate(OVERFLOW) <= 0, "the tour page is wider than the phone"
    _shot(phone, "tour-phone", tmp_path)


def test_no_tour_page_is_wider_than_a_phone(
    phone_context: BrowserContext, desktop: Page, tmp_path: Path
) -> None:
    _museum()
    phone = phone_context.new_page()
    phone.goto("/tours/")
    assert phone.evaluate(OVERFLOW) <= 0, "the start page is wider than the phone"
    _shot(phone, "start-phone", tmp_path)
    _plan(phone)
    assert phone.evaluate(OVERFLOW) <= 0, "the tour page is wider than the phone"
    _shot(phone, "tour-phone-fresh", tmp_path)
    tour_path = phone.url
    phone.get_by_role("link", name="Take this tour on your phone").click()
    assert phone.evaluate(OVERFLOW) <= 0, "the take-away page is wider than the phone"
    _shot(phone, "take-away-phone", tmp_path)
    phone.goto(tour_path + "print/")
    assert phone.evaluate(OVERFLOW) <= 0, "the print view is wider than the phone"
    _shot(phone, "print-phone", tmp_path)

    desktop.goto("/tours/")
    _shot(desktop, "start-desktop", tmp_path)
    desktop.goto(tour_path)
    _shot(desktop, "tour-desktop", tmp_path)
    desktop.goto(tour_path + "print/")
    _shot(desktop, "print-desktop", tmp_path)
    desktop.emulate_media(media="print")
    expect(desktop.locator(".site-header")).to_be_hidden()
    expect(desktop.locator(".tour-map svg")).to_be_visible()
    _shot(desktop, "print-as-printed", tmp_path)


def _tab_through(page: Page, last: str) -> list[str]:
    """Tabs until ``last`` is focused; every control on the way must be named and outlined."""
    path: list[str] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(DESCRIBE_FOCUS)
        path.append(focused)
        assert page.evaluate(FOCUSED_NAME), f"{focused} has no accessible name"
        assert focus_is_visible(page), f"{focused} shows no focus indicator"
        if page.evaluate("(s) => document.activeElement?.matches(s) ?? false", last):
            return path
    raise AssertionError(f"{MAX_TABS} Tabs never reached {last}; focus went: {path}")


def test_every_tour_control_is_reached_by_keyboard_named_and_outlined(desktop: Page) -> None:
    _museum()
    desktop.goto("/tours/")
    _tab_through(desktop, ".tour-form__submit")
    desktop.keyboard.press("Enter")
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Your tour")
    path = _tab_through(desktop, 'a[href$="/print/"]')
    for control in ("Seen it", "Skip this one", "More like this", "15 more minutes"):
        assert any(control in step for step in path), f"{control} was not reached: {path}"

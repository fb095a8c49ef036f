"""The "report being prepared" page: accessible, usable on a phone, and it tells the visitor
when the report is ready without downloading anything by itself."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from reports import services
from reports.generation import report_generate
from reports.models import GeneratedReport, ReportStatus
from tests import builders
from tests.browser.axe import axe_violations, describe
from tests.browser.contexts import close_quietly

pytestmark = pytest.mark.browser

# Set to a folder to keep screenshots of the page (for looking at).
SHOTS = os.environ.get("REPORTS_SCREENSHOTS", "")
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def _screenshot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / name), full_page=True)


@pytest.fixture
def queued_ids(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Reports are queued but not made: as when a worker has not got to them yet."""
    ids: list[int] = []
    monkeypatch.setattr(services.generate_report, "delay", ids.append)
    return ids


def test_waiting_page_passes_axe_and_says_when_the_report_is_ready(
    page: Page, vendor_dir: Path, queued_ids: list[int]
) -> None:
    obj = builders.make_object(slug="harbour-at-dusk", title="Harbour at Dusk")
    builders.add_image(obj, width=320, height=240)

    response = page.goto("/objects/harbour-at-dusk/report.pdf")

    assert response is not None and response.status == 202
    status = page.get_by_role("status")
    expect(status).to_have_text("Your report is being prepared. It will be ready in a moment.")
    assert not (violations := axe_violations(page, vendor_dir)), describe(violations)
    page.set_viewport_size(DESKTOP)
    _screenshot(page, "waiting-1366x900.png")

    [report_id] = queued_ids
    report_generate(report_id=report_id)
    assert GeneratedReport.objects.get().status == ReportStatus.READY

    expect(status).to_have_text("Your report is ready.", timeout=15_000)
    link = page.get_by_role("link", name="Download the report (PDF)")
    expect(link).to_have_attribute("href", "/objects/harbour-at-dusk/report.pdf")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "harbour-at-dusk-report-en.pdf"


def test_waiting_page_fits_a_phone(
    browser: Browser, live_server: object, transactional_db: None, queued_ids: list[int]
) -> None:
    builders.make_object(slug="a-very-long-object-slug", title="Kunstkammerschrankaufsatz " * 3)
    context = browser.new_context(base_url=str(live_server), viewport=PHONE, is_mobile=True)
    try:
        phone = context.new_page()
        phone.goto("/fr/objects/a-very-long-object-slug/report.pdf")
        width = phone.evaluate("document.documentElement.scrollWidth")
        _screenshot(phone, "waiting-390x844-fr.png")
        assert width <= 390
        assert phone.locator("html").get_attribute("lang") == "fr"
    finally:
        close_quietly(context)

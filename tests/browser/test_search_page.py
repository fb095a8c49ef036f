"""The search page in the real browser: accessible, and results as the visitor types."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from search.keyword import rebuild_keyword_index
from tests import builders
from tests.browser.axe import axe_violations, describe

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True, scope="module")
def _warm_encoders() -> None:
    # The live server runs in this process: loading the models here keeps the first
    # page view within the browser's timeout.
    from search.encoders import get_image_encoder, get_text_encoder

    get_text_encoder().encode(["warm up"])
    get_image_encoder().encode_query(["warm up"])


def _collection() -> None:
    builders.make_object(title="The Great Wave", description="A huge wave over three boats.")
    builders.make_object(title="Hunters in the Snow", description="Hunters return to a village.")
    rebuild_keyword_index()


def test_search_results_page_has_no_wcag_violations(page: Page, vendor_dir: Path) -> None:
    _collection()
    page.goto("/search/?q=wave")
    expect(page.locator("#search-results")).to_contain_text("The Great Wave")

    violations = axe_violations(page, vendor_dir)

    assert not violations, f"axe found on the search page:\n{describe(violations)}"


def test_results_appear_as_the_visitor_types_and_are_announced(page: Page) -> None:
    _collection()
    page.goto("/search/")

    page.locator("#search-q").press_sequentially("hunters", delay=40)

    results = page.locator("#search-results")
    expect(results).to_contain_text("Hunters in the Snow", timeout=30_000)
    expect(results).not_to_contain_text("The Great Wave")
    expect(page.locator("#search-live")).to_contain_text("hunters", timeout=30_000)


def test_nothing_matched_offers_searches_that_find_something(page: Page, vendor_dir: Path) -> None:
    _collection()
    page.goto("/search/?q=qwertyuiop")
    results = page.locator("#search-results")
    expect(results).to_contain_text("Nothing in the collection matched “qwertyuiop”.")
    assert not axe_violations(page, vendor_dir)

    suggestion = results.locator("[data-search-suggestion]").first
    term = suggestion.get_attribute("data-search-suggestion") or ""
    suggestion.click()
    expect(page.locator("#search-q")).to_have_value(term)
    expect(results.locator(".search-hit").first).to_be_visible(timeout=30_000)


def test_scores_stay_folded_under_details(page: Page) -> None:
    _collection()
    page.goto("/search/?q=wave")
    hit = page.locator(".search-hit").first
    expect(hit.locator(".why__reasons")).to_contain_text("Matches ‘Wave’ in the title")
    expect(hit.locator(".why__channels")).to_be_hidden()
    hit.locator("summary", has_text="Details").click()
    expect(hit.locator(".why__channels")).to_be_visible()

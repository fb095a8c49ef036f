"""axe-core finds no WCAG 2.2 AA violation on the pages visitors use."""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.browser import exhibits
from tests.browser.axe import axe_violations, describe

pytestmark = pytest.mark.browser


def home(page: Page, curator: User) -> str:
    exhibits.image_object(featured=True)
    exhibits.exhibition_with(exhibits.model_object(featured=True))
    return reverse("exhibition:home")


def browse(page: Page, curator: User) -> str:
    exhibits.image_object()
    exhibits.model_object()
    exhibits.restoration_object(curator)
    return reverse("exhibition:browse")


def object_with_image(page: Page, curator: User) -> str:
    return exhibits.image_object().get_absolute_url()


def object_with_restoration(page: Page, curator: User) -> str:
    collection_object, _ = exhibits.restoration_object(curator)
    return collection_object.get_absolute_url()


def exhibition(page: Page, curator: User) -> str:
    shown = exhibits.exhibition_with(exhibits.image_object(), exhibits.model_object())
    return reverse("exhibition:exhibition-detail", kwargs={"slug": shown.slug})


PAGES: dict[str, Callable[[Page, User], str]] = {
    "home": home,
    "browse": browse,
    "object with image": object_with_image,
    "object with restoration": object_with_restoration,
    "exhibition": exhibition,
}


def settle(page: Page) -> None:
    """Waits for what scripts add to the page, so axe checks the page people see."""
    # Viewers inside a closed dialog or hidden media start only when shown.
    for viewer in page.locator(".deep-zoom:visible").all():
        expect(viewer).to_have_attribute("data-ready", "true", timeout=20_000)


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_wcag_violations(
    page: Page, curator: User, vendor_dir: Path, name: str
) -> None:
    page.goto(PAGES[name](page, curator))
    settle(page)

    violations = axe_violations(page, vendor_dir)

    assert not violations, f"axe found on the {name} page:\n{describe(violations)}"


def test_object_page_with_loaded_3d_model_has_no_wcag_violations(
    page: Page, vendor_dir: Path
) -> None:
    page.goto(exhibits.model_object().get_absolute_url())
    page.get_by_role("button", name="Load 3D model").click()
    expect(page.locator("model-viewer")).to_have_attribute("data-loaded", "true", timeout=60_000)

    violations = axe_violations(page, vendor_dir)

    assert not violations, f"axe found on the 3D object page:\n{describe(violations)}"


def test_axe_reports_a_real_violation(page: Page, vendor_dir: Path) -> None:
    """Guards the check itself: an unlabelled image must be reported."""
    page.set_content(
        '<!doctype html><html lang="en"><head><title>Check</title></head>'
        '<body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>'
    )

    violations = axe_violations(page, vendor_dir)

    assert "image-alt" in {violation["id"] for violation in violations}
    assert "image-alt" in describe(violations)

"""The object's change page in the admin fits the window and shows the restoration tool."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import BrowserContext, Page, expect

from tests import builders
from tests.browser.test_restoration_tools import sign_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 1024])
def test_the_object_page_has_no_horizontal_overflow_and_shows_the_tool_link(
    context: BrowserContext, page: Page, curator: User, live_server: object, width: int
) -> None:
    obj = builders.make_object(
        title="The Last Supper",
        is_damaged=True,
        description="Mural with extensive losses. " * 20,
    )
    image = builders.add_image(obj, width=64, height=48)
    image.alt_text = "Wall painting: the Last Supper, by Leonardo da Vinci, with many losses " * 3
    image.save()
    sign_in(context, curator, str(live_server))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(reverse("admin:exhibition_collectionobject_change", args=[obj.pk]))

    overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than a {width}px window"
    link = page.get_by_role("link", name="Open the restoration tool for its image")
    expect(link).to_be_in_viewport()
    expect(link).to_have_attribute(
        "href", reverse("admin:exhibition_restoration_tool", args=[image.pk])
    )
    # The images table's own link is on screen too, not pushed off to the right.
    inline_link = page.locator(".field-restoration_tool a")
    inline_link.scroll_into_view_if_needed()
    box = inline_link.bounding_box()
    assert box is not None and box["x"] + box["width"] <= width

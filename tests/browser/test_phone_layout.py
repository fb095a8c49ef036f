"""On a 390 × 844 phone no page is wider than the screen, and the viewers' controls fit."""

from collections.abc import Callable, Iterator

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import Browser, BrowserContext, Page, expect

from search.keyword import rebuild_keyword_index
from tests import builders
from tests.browser import exhibits
from tests.browser.contexts import close_quietly

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# Long words and addresses, as real records have them, are what push a page sideways.
LONG_TITLE = "Kunstkammerschrankaufsatzverzierungsentwurf with an extraordinarily long title"
LONG_SOURCE = "https://commons.wikimedia.org/wiki/File:" + "Very_long_file_name_" * 6 + ".jpg"


@pytest.fixture
def phone(browser: Browser, live_server: object, transactional_db: None) -> Iterator[Page]:
    context: BrowserContext = browser.new_context(
        base_url=str(live_server), viewport=PHONE, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(20_000)
    yield context.new_page()
    close_quietly(context)


def long_object(**fields: object) -> None:
    fields.setdefault("title", LONG_TITLE)
    builders.make_object(
        attribution="Photograph by an anonymous photographer for the museum's collection",
        source=LONG_SOURCE,
        licence="CC-BY-SA-4.0",
        **fields,
    )


def home(curator: User) -> str:
    exhibits.image_object(featured=True, title=LONG_TITLE)
    exhibits.exhibition_with(exhibits.model_object(featured=True))
    return reverse("exhibition:home")


def browse(curator: User) -> str:
    for _ in range(5):
        long_object()
    exhibits.image_object()
    return reverse("exhibition:browse")


def object_with_image(curator: User) -> str:
    return exhibits.image_object(title=LONG_TITLE, source=LONG_SOURCE).get_absolute_url()


def object_with_3d(curator: User) -> str:
    return exhibits.model_object(title=LONG_TITLE).get_absolute_url()


def object_with_restoration(curator: User) -> str:
    collection_object, _ = exhibits.restoration_object(curator)
    return collection_object.get_absolute_url()


def exhibition_list(curator: User) -> str:
    exhibits.exhibition_with(exhibits.image_object())
    return reverse("exhibition:exhibition-list")


def exhibition_detail(curator: User) -> str:
    shown = exhibits.exhibition_with(exhibits.image_object(), exhibits.model_object())
    return reverse("exhibition:exhibition-detail", kwargs={"slug": shown.slug})


def licences(curator: User) -> str:
    for _ in range(3):
        long_object()
    return reverse("exhibition:licences")


def search_results(curator: User) -> str:
    # The live server runs in this process: loading the encoders here keeps the page quick.
    from search.encoders import get_image_encoder, get_text_encoder

    get_text_encoder().encode(["warm up"])
    get_image_encoder().encode_query(["warm up"])
    builders.make_object(title="The Great Wave", description="A huge wave over three boats.")
    builders.make_object(title="Wave study", description="A wave breaking on rocks.")
    long_object(description="A wave.")  # a hit whose long words must wrap on a phone
    rebuild_keyword_index()
    return reverse("search:search") + "?q=wave"


def api_docs(curator: User) -> str:
    return reverse("api-docs")


def not_found(curator: User) -> str:
    return "/no-such-page/"


PAGES: dict[str, Callable[[User], str]] = {
    "home": home,
    "browse": browse,
    "object with image": object_with_image,
    "object with 3D": object_with_3d,
    "object with restoration": object_with_restoration,
    "exhibitions": exhibition_list,
    "exhibition": exhibition_detail,
    "licences": licences,
    "search results": search_results,
    "API docs": api_docs,
    "404": not_found,
}

# Elements, and text that runs out of its element, past the screen's right edge.
WIDER_THAN_SCREEN = """(width) => {
  const wide = [...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > width + 0.5
                   && !e.closest(".table-scroll, .openseadragon-container"))
    .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    if (range.getBoundingClientRect().right > width + 0.5) {
      const words = node.textContent.trim().slice(0, 30);
      wide.push(`text in ${node.parentElement.tagName.toLowerCase()}: ${words}`);
    }
  }
  return wide.slice(0, 6);
}"""


@pytest.mark.parametrize("name", PAGES)
def test_page_fits_a_phone_screen(phone: Page, curator: User, name: str) -> None:
    phone.goto(PAGES[name](curator))
    for viewer in phone.locator(".deep-zoom:visible").all():
        expect(viewer).to_have_attribute("data-ready", "true")

    scroll_width = phone.evaluate("document.documentElement.scrollWidth")
    # A phone widens its layout viewport to fit a page that overflows, so innerWidth
    # growing past the screen is the same failure seen from the other side.
    inner_width = phone.evaluate("innerWidth")

    assert max(scroll_width, inner_width) <= PHONE["width"], (
        f"the {name} page is {scroll_width}px wide (layout viewport {inner_width}px); "
        f"too wide: {phone.evaluate(WIDER_THAN_SCREEN, PHONE['width'])}"
    )


@pytest.mark.parametrize("name", ["object with image", "object with restoration"])
def test_viewer_controls_fit_a_phone_screen(phone: Page, curator: User, name: str) -> None:
    phone.goto(PAGES[name](curator))
    controls = phone.locator(
        ".deep-zoom, .deep-zoom-controls button, .compare-slider, .compare-controls .button"
    )
    expect(controls.first).to_be_visible()

    for control in controls.all():
        box = control.bounding_box()
        assert box is not None
        label = control.get_attribute("aria-label") or control.inner_text()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], label


def test_browse_shows_two_compact_columns_on_a_phone(phone: Page, curator: User) -> None:
    phone.goto(browse(curator))
    cards = phone.locator(".browse__results .card")
    expect(cards).to_have_count(6)

    first, second, third = (cards.nth(index).bounding_box() for index in range(3))
    assert first and second and third
    assert first["y"] == second["y"], "the first two cards should share a row"
    assert second["x"] > first["x"] + first["width"]
    assert third["y"] > first["y"]
    assert first["width"] < PHONE["width"] / 2
    # A card is a compact tile, not a screenful.
    assert first["height"] < PHONE["height"] / 2

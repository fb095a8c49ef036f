"""axe-core finds no WCAG 2.2 AA violation on any page type visitors use, in English and French.

Each page type is opened as a visitor reaches it (a tour is planned through its form, a photo
search sends a photo), in English at the root and in French under /fr/, and checked once
what its scripts add (deep zoom, the 3D model, the audio player, swapped-in results) is there.
"""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import FilePayload, Page, expect

from search.keyword import rebuild_keyword_index
from tests import builders
from tests.browser import exhibits
from tests.browser.axe import axe_violations, describe
from tests.browser.test_kiosk import _collection as kiosk_collection
from tests.tours.views.collection import small_museum
from tours.selectors.recommendations import forget_fitted

pytestmark = pytest.mark.browser

LANGUAGES = {"": "en", "/fr": "fr"}
MODEL_LOAD_TIMEOUT_MS = 60_000
# A tour's address: /tours/<uuid>/ or /kiosk/tour/<uuid>/, with or without /fr.
TOUR_URL = r"**/tour*/*-*-*-*-*/"


@pytest.fixture(autouse=True, scope="module")
def _warm_encoders() -> None:
    # The live server runs in this process: loading the search models here keeps the
    # search pages' first view within the browser's timeout.
    from search.encoders import get_image_encoder, get_text_encoder

    get_text_encoder().encode(["warm up"])
    get_image_encoder().encode_query(["warm up"])


@pytest.fixture(autouse=True)
def _fresh_recommender() -> Iterator[None]:
    # The tour recommender's fit is keyed by the collection version, which restarts with
    # every test database.
    forget_fitted()
    yield
    forget_fitted()


def settle(page: Page) -> None:
    """Waits for what scripts add to the page, so axe checks the page people see."""
    # Viewers inside a closed dialog or hidden media start only when shown.
    for viewer in page.locator(".deep-zoom:visible").all():
        expect(viewer).to_have_attribute("data-ready", "true", timeout=20_000)


def _search_collection() -> None:
    builders.make_object(title="The Great Wave", description="A huge wave over three boats.")
    builders.make_object(title="Hunters in the Snow", description="Hunters return to a village.")
    rebuild_keyword_index()


def _tour_museum() -> None:
    for obj in small_museum().public:
        builders.add_image(obj, width=320, height=240)


# Each opener builds what its page shows, opens it under the language prefix and waits
# until it is complete.
Opener = Callable[[Page, User, str], None]


def home(page: Page, curator: User, prefix: str) -> None:
    exhibits.image_object(featured=True)
    exhibits.exhibition_with(exhibits.model_object(featured=True))
    page.goto(prefix + reverse("exhibition:home"))


def browse(page: Page, curator: User, prefix: str) -> None:
    exhibits.image_object()
    exhibits.model_object()
    exhibits.restoration_object(curator)
    page.goto(prefix + reverse("exhibition:browse"))


def object_with_image(page: Page, curator: User, prefix: str) -> None:
    page.goto(prefix + exhibits.image_object().get_absolute_url())


def object_with_restoration(page: Page, curator: User, prefix: str) -> None:
    collection_object, _ = exhibits.restoration_object(curator)
    page.goto(prefix + collection_object.get_absolute_url())


def object_with_3d_model(page: Page, curator: User, prefix: str) -> None:
    page.goto(prefix + exhibits.model_object().get_absolute_url())
    page.locator(".model-facade button.load-model").click()
    expect(page.locator("model-viewer")).to_have_attribute(
        "data-loaded", "true", timeout=MODEL_LOAD_TIMEOUT_MS
    )


def audio_player(page: Page, curator: User, prefix: str) -> None:
    described = exhibits.image_object()
    builders.add_description(described)
    page.goto(prefix + described.get_absolute_url())
    expect(page.locator("[data-audio-player]")).to_have_attribute("data-ready", "")
    page.wait_for_function(
        "() => document.querySelector('[data-audio]').readyState >= 1", timeout=20_000
    )


def audio_player_captioning(page: Page, curator: User, prefix: str) -> None:
    audio_player(page, curator, prefix)
    page.locator("[data-audio]").focus()
    page.keyboard.press("k")  # a real key press: the gesture autoplay rules ask for
    expect(page.locator("[data-caption]")).to_be_visible(timeout=15_000)
    # Paused, the current caption stays shown and no audio streams while the test ends.
    page.keyboard.press("k")
    page.wait_for_function("() => document.querySelector('[data-audio]').paused")


def exhibitions(page: Page, curator: User, prefix: str) -> None:
    exhibits.exhibition_with(exhibits.image_object())
    page.goto(prefix + reverse("exhibition:exhibition-list"))


def exhibition(page: Page, curator: User, prefix: str) -> None:
    shown = exhibits.exhibition_with(exhibits.image_object(), exhibits.model_object())
    page.goto(prefix + reverse("exhibition:exhibition-detail", kwargs={"slug": shown.slug}))


def search_results(page: Page, curator: User, prefix: str) -> None:
    _search_collection()
    page.goto(prefix + reverse("search:search") + "?q=wave")
    expect(page.locator("#search-results")).to_contain_text("The Great Wave")


def search_without_match(page: Page, curator: User, prefix: str) -> None:
    _search_collection()
    page.goto(prefix + reverse("search:search") + "?q=qwertyuiop")
    expect(page.locator("#search-results")).to_contain_text("qwertyuiop")


VISITOR_PHOTO: FilePayload = {
    "name": "visit.jpg",
    "mimeType": "image/jpeg",
    "buffer": exhibits.structured_jpeg(640, 480),
}


def photo_search(page: Page, curator: User, prefix: str) -> None:
    _search_collection()
    page.goto(prefix + reverse("search:search"))
    with page.expect_response(lambda response: "/search/photo/" in response.url) as answer:
        page.locator("[data-photo-input]").set_input_files(files=VISITOR_PHOTO)
    assert answer.value.ok, f"the photo search answered {answer.value.status}"
    page.wait_for_load_state("networkidle")


def tours_start(page: Page, curator: User, prefix: str) -> None:
    _tour_museum()
    page.goto(prefix + reverse("tours:start"))


def tour(page: Page, curator: User, prefix: str) -> None:
    _tour_museum()
    page.goto(prefix + reverse("tours:start"))
    page.locator("label[for^='budget-']").first.click()
    page.locator(".tour-form__submit").click()
    page.wait_for_url(TOUR_URL)


def kiosk_attract(page: Page, curator: User, prefix: str) -> None:
    kiosk_collection()
    page.goto(prefix + reverse("kiosk:attract"))


def kiosk_browse(page: Page, curator: User, prefix: str) -> None:
    kiosk_collection()
    page.goto(prefix + reverse("kiosk:browse"))


def kiosk_object(page: Page, curator: User, prefix: str) -> None:
    star = kiosk_collection()
    page.goto(prefix + reverse("kiosk:object", kwargs={"slug": star.slug}))


def kiosk_tour(page: Page, curator: User, prefix: str) -> None:
    kiosk_collection()
    page.goto(prefix + reverse("kiosk:tour-start"))
    page.locator("label[for^='budget-']").first.click()
    page.locator(".kiosk-form__submit").click()
    page.wait_for_url(TOUR_URL)


def guide_ask(page: Page, curator: User, prefix: str) -> None:
    obj = exhibits.image_object()
    page.goto(prefix + reverse("guide:ask") + f"?object={obj.slug}")


def licences(page: Page, curator: User, prefix: str) -> None:
    exhibits.image_object()
    page.goto(prefix + reverse("exhibition:licences"))


def not_found(page: Page, curator: User, prefix: str) -> None:
    response = page.goto(prefix + "/no-such-page/")
    assert response is not None and response.status == 404


PAGES: dict[str, Opener] = {
    "home": home,
    "browse": browse,
    "object with image": object_with_image,
    "object with restoration": object_with_restoration,
    "object with 3D model": object_with_3d_model,
    "object with the audio player": audio_player,
    "audio player showing a caption": audio_player_captioning,
    "exhibitions": exhibitions,
    "exhibition": exhibition,
    "search results": search_results,
    "search without a match": search_without_match,
    "photo search": photo_search,
    "tours start": tours_start,
    "tour": tour,
    "kiosk attract": kiosk_attract,
    "kiosk browse": kiosk_browse,
    "kiosk object": kiosk_object,
    "kiosk tour": kiosk_tour,
    "guide ask": guide_ask,
    "licences": licences,
    "404": not_found,
}


@pytest.mark.parametrize("prefix", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_wcag_violations(
    page: Page, curator: User, vendor_dir: Path, name: str, prefix: str
) -> None:
    PAGES[name](page, curator, prefix)
    settle(page)
    assert page.locator("html").get_attribute("lang") == LANGUAGES[prefix]

    violations = axe_violations(page, vendor_dir)

    assert not violations, f"axe found on the {name} page at {page.url}:\n{describe(violations)}"


def test_axe_reports_a_real_violation(page: Page, vendor_dir: Path) -> None:
    """Guards the check itself: an unlabelled image must be reported."""
    page.set_content(
        '<!doctype html><html lang="en"><head><title>Check</title></head>'
        '<body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>'
    )

    violations = axe_violations(page, vendor_dir)

    assert "image-alt" in {violation["id"] for violation in violations}
    assert "image-alt" in describe(violations)

"""The viewers and the admin work under the site's Content-Security-Policy, with no violation."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from playwright.sync_api import BrowserContext, Page, expect

from tests import builders
from tests.browser import exhibits
from tests.browser.csp import PolicyRecorder

pytestmark = pytest.mark.browser


def sign_in(context: BrowserContext, user: User, base_url: str) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": base_url}])


def test_policy_header_reaches_the_browser_and_blocks_a_foreign_image(page: Page) -> None:
    """Guards the recorder itself: a real violation must be seen."""
    recorder = PolicyRecorder(page)
    response = page.goto(reverse("exhibition:home"))
    assert response is not None
    assert "script-src 'self'" in (response.header_value("content-security-policy") or "")

    page.evaluate(
        """() => { const img = document.createElement("img");
        img.src = "https://example.invalid/tracker.png"; document.body.append(img); }"""
    )
    page.wait_for_function("() => window.__cspViolations.length > 0")

    assert any("img-src" in violation for violation in recorder.violations())


def test_inline_script_is_refused(page: Page) -> None:
    recorder = PolicyRecorder(page)
    page.goto(reverse("exhibition:home"))

    page.evaluate(
        """() => { const script = document.createElement("script");
        script.textContent = "window.__ran = true"; document.body.append(script); }"""
    )

    assert page.evaluate("() => window.__ran === true") is False
    assert any("script-src" in violation for violation in recorder.violations())


def test_deep_zoom_draws_with_rotation_and_overview(page: Page) -> None:
    recorder = PolicyRecorder(page)
    page.goto(exhibits.image_object().get_absolute_url())
    viewer = page.locator(".deep-zoom").first
    expect(viewer).to_have_attribute("data-ready", "true", timeout=20_000)

    page.get_by_role("button", name="Rotate right").click()
    page.get_by_role("button", name="Overview").click()
    page.get_by_role("button", name="Overview").click()
    expect(viewer.locator(".navigator")).to_be_visible()

    assert recorder.violations() == []


def test_restoration_comparison_and_its_overlays(page: Page, curator: User) -> None:
    recorder = PolicyRecorder(page)
    collection_object, _ = exhibits.restoration_object(curator)
    page.goto(collection_object.get_absolute_url())
    stage = page.locator(".compare-stage").first
    expect(stage).to_have_attribute("data-ready", "true", timeout=20_000)

    page.get_by_role("button", name="Outline reconstructed regions").click()
    expect(page.locator(".compare-mask")).to_be_visible()

    assert recorder.violations() == []


def test_model_viewer_loads_a_model(page: Page) -> None:
    recorder = PolicyRecorder(page)
    page.goto(exhibits.model_object().get_absolute_url())

    page.get_by_role("button", name="Load 3D model").click()
    expect(page.locator("model-viewer")).to_have_attribute("data-loaded", "true", timeout=60_000)

    assert recorder.violations() == []


def test_draco_scan_decodes_in_its_worker(page: Page) -> None:
    source = exhibits.draco_model_path()
    if source is None:
        pytest.skip(f"demo collection lacks models/{exhibits.DRACO_MODEL}")
    recorder = PolicyRecorder(page)
    page.goto(exhibits.draco_object(source).get_absolute_url())

    page.get_by_role("button", name="Load 3D model").click()
    # WebAssembly in a blob: worker: without 'wasm-unsafe-eval' and worker-src blob: the
    # decoder is refused and the model never loads.
    expect(page.locator("model-viewer")).to_have_attribute("data-loaded", "true", timeout=60_000)

    assert recorder.violations() == []


def test_admin_pages_work_under_the_policy(
    context: BrowserContext, page: Page, curator: User, live_server: object
) -> None:
    recorder = PolicyRecorder(page)
    page.goto(reverse("admin:login"))
    expect(page.get_by_label("Username")).to_be_visible()

    obj, restoration = exhibits.restoration_object(curator)
    image = obj.images.get()
    sign_in(context, curator, str(live_server))
    pages = {
        "change form": reverse("admin:exhibition_collectionobject_change", args=[obj.pk]),
        "review page": reverse(
            "admin:exhibition_machineoutput_change", args=[restoration.machine_output.pk]
        ),
        "restoration tool": reverse("admin:exhibition_restoration_tool", args=[image.pk]),
        "changelist": reverse("admin:exhibition_collectionobject_changelist"),
        "index": reverse("admin:index"),
        "image with previews": reverse("admin:exhibition_objectimage_change", args=[image.pk]),
        "restorations": reverse("admin:exhibition_restoration_changelist"),
        # A list without actions: Django writes its one inline <style> (allowed by hash).
        "audit log": reverse("admin:exhibition_auditlogentry_changelist"),
        "review queue": reverse("admin:exhibition_machineoutput_changelist"),
    }
    for name, url in pages.items():
        response = page.goto(url)
        assert response is not None and response.ok, name
        expect(page.locator("#content")).to_be_visible()
        # The admin's own stylesheet applied: its header is laid out, not unstyled text.
        assert page.locator("#header").evaluate("e => getComputedStyle(e).display") == "flex"

    assert recorder.violations() == []


def test_admin_change_form_keeps_working_widgets(
    context: BrowserContext, page: Page, curator: User, live_server: object
) -> None:
    """The admin's scripts (all files, no inline code) still run: a related-object popup link."""
    recorder = PolicyRecorder(page)
    obj = builders.make_object(title="Inkwell")
    sign_in(context, curator, str(live_server))

    page.goto(reverse("admin:exhibition_collectionobject_change", args=[obj.pk]))

    # jquery.init.js, a file like all the admin's scripts, defines `django.jQuery`.
    page.wait_for_function("() => typeof window.django?.jQuery === 'function'")
    assert recorder.violations() == []

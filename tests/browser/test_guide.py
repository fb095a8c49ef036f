"""The guide in Debian Chromium: asking on an object page over the real WebSocket.

pytest-django's live server speaks WSGI only, and its test database lives in memory where
no other process can read it. So the site runs here as in production, under daphne (ASGI:
pages and the WebSocket), in its own process, on a throwaway SQLite database that
``build_collection`` fills with the shared test builders before the server starts.
"""

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, WebSocketRoute, expect

from tests.browser.axe import axe_violations, describe
from tests.browser.contexts import close_quietly
from tests.browser.csp import PolicyRecorder

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DAPHNE = Path(sys.executable).with_name("daphne")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
LABEL = "AI reconstruction — not the original"
# Set to a folder to keep screenshots of the panel in a conversation (for looking at).
SHOTS = os.environ.get("GUIDE_SCREENSHOTS", "")
# The first answer that needs the sentence encoder loads it (a few seconds, once).
ANSWER_MS = 30_000


def build_collection() -> dict[str, Any]:
    """Run inside the server's environment (see ``guide_site``): the objects the tests ask about."""
    from exhibition.models import ReviewStatus
    from tests import builders

    curator = builders.make_curator()
    hay_wain = builders.make_object(
        slug="the-hay-wain",
        title="The Hay Wain",
        creator=builders.make_agent("John Constable"),
        date_display="1821",
        date_start=1821,
        date_end=1821,
        description="A rural scene on the River Stour, painted in oil on canvas.",
    )
    builders.add_image(hay_wain, width=320, height=240)
    damaged = builders.make_object(
        slug="damaged-icon", title="Damaged Icon", description="An icon with paint losses."
    )
    approved = builders.add_restoration(
        builders.add_image(damaged, width=320, height=240),
        status=ReviewStatus.APPROVED,
        reviewer=curator,
    )
    unreviewed = builders.make_object(
        slug="faded-fresco", title="Faded Fresco", description="A fresco fragment."
    )
    draft = builders.add_restoration(builders.add_image(unreviewed, width=320, height=240))
    return {
        "hay_wain": hay_wain.get_absolute_url(),
        "damaged": damaged.get_absolute_url(),
        "approved_result": approved.result.url,
        "unreviewed": unreviewed.get_absolute_url(),
        "draft_result": draft.result.url,
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, check=True, timeout=300,
        capture_output=True, text=True,
    )  # fmt: skip
    return done.stdout


@pytest.fixture(scope="module")
def guide_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Any]]]:
    work = tmp_path_factory.mktemp("guide-site")
    port = _free_port()
    unset = {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    # DEBUG serves the static files from their folders (no collectstatic); everything else
    # is the production path: daphne, the ASGI application, the origin check.
    env.update(
        DJANGO_DEBUG="1",
        VITRINE_HTTPS="0",
        VITRINE_VAR_DIR=str(work),
        SEARCH_WARM_UP="0",
        SEARCH_EMBED_ON_CHANGE="0",
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    _manage(env, "manage.py", "migrate", "--noinput", "-v", "0")
    build = (
        "import django, json; django.setup(); "
        "from tests.browser.test_guide import build_collection; "
        "print(json.dumps(build_collection()))"
    )
    urls = json.loads(_manage(env, "-c", build).strip().splitlines()[-1])
    log = (work / "daphne.log").open("w")
    server = subprocess.Popen(
        [str(DAPHNE), "-b", "127.0.0.1", "-p", str(port), "config.asgi:application"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError((work / "daphne.log").read_text()) from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}", urls
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def _open(browser: Browser, base_url: str, viewport: Any, **options: Any) -> BrowserContext:
    context = browser.new_context(base_url=base_url, viewport=viewport, **options)
    context.set_default_timeout(20_000)
    return context


@pytest.fixture
def desktop(browser: Browser, guide_site: tuple[str, dict[str, Any]]) -> Iterator[Page]:
    context = _open(browser, guide_site[0], DESKTOP)
    yield context.new_page()
    close_quietly(context)


@pytest.fixture
def phone(browser: Browser, guide_site: tuple[str, dict[str, Any]]) -> Iterator[Page]:
    context = _open(browser, guide_site[0], PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    close_quietly(context)


def _screenshots(page: Page, size: str) -> None:
    """The screen where the conversation ends, and the whole panel."""
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    panel = page.locator("#guide")
    panel.screenshot(path=str(Path(SHOTS) / f"guide-{size}-panel.png"))
    page.get_by_label("Your question").scroll_into_view_if_needed()
    page.screenshot(path=str(Path(SHOTS) / f"guide-{size}.png"))


def ask(page: Page, question: str) -> Any:
    """Ask with the keyboard, as a visitor would; the answer once it is final."""
    answers = page.locator("#guide .guide__log .guide__answer")
    before = answers.count()
    field = page.get_by_label("Your question")
    field.fill(question)
    field.press("Enter")
    try:
        expect(answers).to_have_count(before + 1, timeout=ANSWER_MS)
    except AssertionError as failed:
        said = page.locator("#guide").inner_text()
        raise AssertionError(f"No answer to {question!r}; the panel reads:\n{said}") from failed
    return answers.nth(before)


def test_a_visitor_asks_two_questions_and_sees_cited_answers(
    desktop: Page, guide_site: tuple[str, dict[str, Any]]
) -> None:
    page = desktop
    page.goto(guide_site[1]["hay_wain"])
    log = page.locator("#guide .guide__log")
    expect(log).to_have_attribute("aria-live", "polite")

    first = ask(page, "Who made this?")
    expect(first).to_contain_text("Constable")
    expect(page.locator("#guide [data-guide-status]")).to_have_text("Connected to the guide.")
    markers = first.locator(".guide__text a.guide__marker")
    expect(markers.first).to_have_attribute("href", re.compile(r"/objects/the-hay-wain/$"))
    expect(markers.first).to_have_attribute("title", re.compile(r"^The Hay Wain, \w+: “.+”$"))
    source = first.locator(".guide__sources li").first
    expect(source.get_by_role("link", name="The Hay Wain")).to_be_visible()
    source.get_by_text("Cited text").click()
    expect(source.locator("blockquote")).to_contain_text("Constable")

    # A follow-up resolves to the object under discussion.
    second = ask(page, "and when was it made?")
    expect(second).to_contain_text("1821")
    expect(second.locator("a.guide__marker").first).to_have_attribute(
        "href", re.compile(r"/objects/the-hay-wain/$")
    )
    # The streamed draft is hidden from screen readers and gone once the answer is final.
    draft = page.locator("#guide .guide__draft")
    expect(draft).to_have_attribute("aria-hidden", "true")
    expect(draft).to_be_hidden()
    # Suggestions are buttons that ask their question.
    suggestion = page.locator("#guide .guide__suggestion").last
    if suggestion.count():
        asked = suggestion.inner_text()
        suggestion.click()
        expect(page.locator("#guide .guide__question").last).to_contain_text(asked)
        expect(page.locator("#guide .guide__answer")).to_have_count(3)


def test_after_a_network_blip_a_waiting_question_is_said_to_wait_and_sent_on_reconnect(
    desktop: Page, guide_site: tuple[str, dict[str, Any]]
) -> None:
    page = desktop
    sockets: list[WebSocketRoute] = []

    def through_the_network(socket: WebSocketRoute) -> None:
        sockets.append(socket)
        if len(sockets) == 1:  # the first connection reaches the server; the next waits
            socket.connect_to_server()

    page.route_web_socket(re.compile(r"/ws/guide/"), through_the_network)
    page.goto(guide_site[1]["hay_wain"])
    ask(page, "Who made this?")

    sockets[0].close()  # the network drops the connection
    status = page.locator("#guide [data-guide-status]")
    expect(status).to_contain_text("Reconnecting")
    deadline = time.monotonic() + 10
    while len(sockets) < 2 and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert len(sockets) == 2, "the panel did not reconnect"

    field = page.get_by_label("Your question")
    field.fill("and when was it made?")
    field.press("Enter")
    waiting = page.locator("#guide .guide__exchange").last
    expect(waiting.locator(".guide__note")).to_have_text(
        "Reconnecting… your question is sent as soon as the guide is back."
    )
    sockets[1].connect_to_server()  # the network is back
    expect(waiting.locator(".guide__answer")).to_contain_text("1821", timeout=ANSWER_MS)
    expect(waiting.locator(".guide__note")).to_have_count(0)
    expect(status).to_have_text("Connected to the guide.")


def test_an_approved_reconstruction_is_shown_labelled_and_a_draft_never(
    desktop: Page, guide_site: tuple[str, dict[str, Any]]
) -> None:
    page = desktop
    urls = guide_site[1]
    page.goto(urls["damaged"])
    answer = ask(page, "What did it look like before?")
    figure = answer.locator(".guide__figure--reconstruction")
    expect(figure).to_have_count(1)
    expect(figure.locator(".ai-label")).to_have_text(LABEL)
    expect(figure.locator(".ai-label")).to_be_visible()
    image = figure.locator("img")
    expect(image).to_have_attribute("src", re.compile(re.escape(urls["approved_result"]) + "$"))
    expect(image).to_have_attribute("alt", re.compile(r"\S"))
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    figure.get_by_text("How this reconstruction was made").click()
    provenance = figure.locator("details.provenance dl")
    expect(provenance).to_contain_text("Engine version")
    expect(provenance).to_contain_text("Status: approved")

    page.goto(urls["unreviewed"])
    answer = ask(page, "What did it look like before?")
    expect(answer.locator(".guide__figure--reconstruction")).to_have_count(0)
    assert urls["draft_result"] not in page.content()
    expect(page.locator("#guide").get_by_text(LABEL)).to_have_count(0)


def test_the_panel_fits_a_phone_and_passes_axe(
    phone: Page, guide_site: tuple[str, dict[str, Any]], vendor_dir: Path
) -> None:
    page = phone
    page.goto(guide_site[1]["damaged"])
    ask(page, "Who made this?")
    ask(page, "What did it look like before?")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width}px wide on a {PHONE['width']}px phone"
    # Keyboard only: the question field and the button are reachable and show their focus.
    field = page.get_by_label("Your question")
    field.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "Ask"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    violations = axe_violations(page, vendor_dir)
    assert not violations, describe(violations)
    if SHOTS:
        _screenshots(page, "390x844")


def test_the_desktop_conversation_passes_axe_within_the_content_security_policy(
    desktop: Page, guide_site: tuple[str, dict[str, Any]], vendor_dir: Path
) -> None:
    page = desktop
    policy = PolicyRecorder(page)
    page.goto(guide_site[1]["damaged"])
    ask(page, "What did it look like before?")
    ask(page, "What is the weather in Paris?")
    violations = axe_violations(page, vendor_dir)
    assert not violations, describe(violations)
    # The socket, the pictures and the scripts all within the Content-Security-Policy.
    assert policy.violations() == []
    if SHOTS:
        _screenshots(page, "1366x900")


def test_without_javascript_the_form_asks_on_the_guides_page(
    browser: Browser, guide_site: tuple[str, dict[str, Any]]
) -> None:
    context = _open(browser, guide_site[0], DESKTOP, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(guide_site[1]["hay_wain"])
        field = page.get_by_label("Your question")
        field.fill("Who made this?")
        field.press("Enter")
        page.wait_for_url(re.compile(r"/guide/ask/\?"))
        expect(page.locator(".guide__answer")).to_contain_text("Constable")
        expect(page.locator("a.guide__marker").first).to_have_attribute(
            "href", re.compile(r"/objects/the-hay-wain/$")
        )
        # The follow-up form carries the object under discussion.
        expect(page.locator("input[name=about]")).to_have_value("the-hay-wain")
        if SHOTS:
            page.screenshot(path=str(Path(SHOTS) / "guide-no-javascript.png"), full_page=True)
    finally:
        close_quietly(context)

"""Closing a browser context without racing the database's teardown.

A page still talking to the live server when a test ends (lazy images and tiles that check
visibility, the visit recorder's keepalive request on leaving, static/js/interactions.js)
reaches the server while pytest-django empties the database; SQLite then refuses the flush
("SQL statements in progress", "table is locked") and every later test fails. So the pages
first finish what they are loading, then every further request is dropped, then they close;
last, the server is given time to finish the requests it is still answering.
"""

import contextlib
import threading

from django.core.signals import request_finished, request_started
from playwright.sync_api import BrowserContext
from playwright.sync_api import Error as PlaywrightError

SETTLE_MS = 5_000
SERVER_SETTLE_SECONDS = 10.0

_answering = 0
_quiet = threading.Condition()


def _request_started(**_: object) -> None:
    global _answering
    with _quiet:
        _answering += 1


def _request_finished(**_: object) -> None:
    global _answering
    with _quiet:
        _answering = max(0, _answering - 1)
        _quiet.notify_all()


request_started.connect(_request_started, dispatch_uid="tests.browser.answering")
request_finished.connect(_request_finished, dispatch_uid="tests.browser.answered")


def wait_for_the_server(timeout: float = SERVER_SETTLE_SECONDS) -> None:
    """Until the live server answers nothing (bounded): its thread shares the database."""
    with _quiet:
        _quiet.wait_for(lambda: _answering == 0, timeout=timeout)


def close_quietly(context: BrowserContext) -> None:
    for page in context.pages:
        # A page that never settles (a stream, a poll) is closed all the same.
        with contextlib.suppress(PlaywrightError):
            page.wait_for_load_state("networkidle", timeout=SETTLE_MS)
    context.route("**/*", lambda route: route.abort())
    for page in context.pages:
        # Leave the page while it is still open, so the request it sends on leaving goes
        # through the route above (a keepalive request sent by a closing page would not).
        with contextlib.suppress(PlaywrightError):
            page.goto("about:blank", timeout=SETTLE_MS)
        page.close(run_before_unload=False)
    context.close()
    wait_for_the_server()

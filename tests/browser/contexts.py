"""Closing a browser context without racing the database's teardown.

A page still talking to the live server when a test ends (lazy images and tiles that check
visibility, the visit recorder's keepalive request on leaving, static/js/interactions.js)
reaches the server while pytest-django empties the database; SQLite then refuses the flush
("SQL statements in progress", "table is locked") and every later test fails. So the pages
first finish what they are loading, then every further request is dropped, then they close.
"""

import contextlib

from playwright.sync_api import BrowserContext
from playwright.sync_api import Error as PlaywrightError

SETTLE_MS = 5_000


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

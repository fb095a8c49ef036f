"""The site on a loopback port, for the checks to read as a client of each standard would.

The same WSGI application production runs, in a thread of this process, with no shortcut
for static or media files (Django's LiveServerThread, as ``tests/servers.py`` uses it).
Nothing outside 127.0.0.1 is asked. In-memory SQLite (the tests) is shared with the
server's thread the way Django's own live server shares it.
"""

import json
import logging
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connections
from django.test.testcases import LiveServerThread
from django.test.utils import override_settings

HOST = "127.0.0.1"
# One response's largest body: the biggest GLB or PDF the site may hand out fits well.
MAX_BODY_BYTES = 256 * 1024 * 1024


class FetchError(Exception):
    """A request that did not answer 200 with a readable body, in words."""


@dataclass(frozen=True)
class Fetched:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class LoopbackSite:
    base_url: str
    timeout: float

    def url(self, path: str) -> str:
        return path if "://" in path else self.base_url + path

    def local(self, url: str) -> str:
        """An address the site wrote into a document, asked of this loopback server."""
        if not url.startswith(self.base_url + "/"):
            raise FetchError(f"{url[:120]} is not an address of this site")
        return url

    def get(self, path: str) -> Fetched:
        request = urllib.request.Request(self.url(path))  # noqa: S310 (http on loopback only)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                body = response.read(MAX_BODY_BYTES + 1)
                status, headers = response.status, dict(response.headers.items())
        except urllib.error.HTTPError as error:
            return Fetched(error.code, dict(error.headers.items()), error.read(64 * 1024))
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise FetchError(f"{path[:120]}: {error}") from error
        if len(body) > MAX_BODY_BYTES:
            raise FetchError(f"{path[:120]}: the body is over {MAX_BODY_BYTES} bytes")
        return Fetched(status, headers, body)

    def get_ok(self, path: str) -> Fetched:
        fetched = self.get(path)
        if fetched.status != 200:
            raise FetchError(f"{path[:120]} answered {fetched.status}")
        return fetched

    def get_json(self, path: str) -> Any:
        try:
            return json.loads(self.get_ok(path).body)
        except (ValueError, UnicodeDecodeError) as error:
            raise FetchError(f"{path[:120]} is not JSON: {error}") from error


def _site_settings() -> dict[str, Any]:
    """The settings this check's server needs: its loopback host allowed, no redirect to
    HTTPS (TLS ends at the proxy in production), and no per-client limits on its own
    reads (the check is the operator's, and a harvest must not be cut short by 503s)."""
    return {
        "ALLOWED_HOSTS": [*settings.ALLOWED_HOSTS, HOST],
        "SECURE_SSL_REDIRECT": False,
        "OAI_RATE": "100000/minute",
        "REPORTS_RATE": "100000/hour",
    }


@contextmanager
def loopback_site(*, timeout: float = 60.0) -> Iterator[LoopbackSite]:
    # Django's SQLite wrapper says whether it is in memory; the stubs' base class does not.
    shared: dict[str, Any] = {
        c.alias: c
        for c in connections.all()
        if c.vendor == "sqlite" and getattr(c, "is_in_memory_db", lambda: False)()
    }
    for connection in shared.values():
        connection.inc_thread_sharing()
    # Each request's log line (config/metrics_middleware.py) and WeasyPrint's steps for each
    # report made would bury the table.
    quiet = [logging.getLogger(name) for name in ("vitrine.request", "weasyprint.progress")]
    were_disabled = [log.disabled for log in quiet]
    for log in quiet:
        log.disabled = True
    with override_settings(**_site_settings()):
        # No static or media shortcut: every address goes through the site's own views.
        no_shortcut: Any = lambda _media_shortcut: WSGIHandler()  # noqa: E731
        thread = LiveServerThread(HOST, no_shortcut, shared, 0)
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        try:
            if thread.error:
                raise thread.error
            yield LoopbackSite(base_url=f"http://{HOST}:{thread.port}", timeout=timeout)
        finally:
            thread.terminate()
            for log, was_disabled in zip(quiet, were_disabled, strict=True):
                log.disabled = was_disabled
            for connection in shared.values():
                connection.dec_thread_sharing()

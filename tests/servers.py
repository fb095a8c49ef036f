"""The site on a loopback port for tests that need real sockets and real peers."""

from collections.abc import Iterator

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connections
from django.test.testcases import LiveServerThread


@pytest.fixture
def site_server(transactional_db: None) -> Iterator[tuple[str, int]]:
    """The site on a loopback port, exactly as routed in production.

    pytest-django's ``live_server`` answers /media/ itself, straight from MEDIA_ROOT,
    before our view is reached; this server has no such shortcut. In-memory SQLite is
    shared with the server's thread, as Django's own live server does.
    """
    shared = {c.alias: c for c in connections.all() if c.vendor == "sqlite" and c.is_in_memory_db()}
    for connection in shared.values():
        connection.inc_thread_sharing()
    thread = LiveServerThread("127.0.0.1", lambda _media_shortcut: WSGIHandler(), shared, 0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield "127.0.0.1", thread.port
    thread.terminate()
    for connection in shared.values():
        connection.dec_thread_sharing()

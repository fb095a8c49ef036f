"""Scaled out for real: two daphne workers, a Celery worker and an import, each its own process.

What one process writes, the others must show: ``manage.py import_collection`` runs as
operators run it (its own process, enqueueing the embedding on the Celery worker), and
worker B — which has already served and cached the pages before the import — must show
the new object on its object page, in browse, in the search API's keyword channel (at
once) and semantic channel (once Celery has embedded it and updated the shared index),
and on its guide WebSocket. A re-import that restricts the object must take it out of
B's cached pages, search and WebSocket the same way.

The 1-second target is a figure for the benchmark (``bench_scale``); here each wait is
bounded loosely enough for a loaded two-core machine, and the measured delays are printed.
"""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from websockets.sync.client import connect
from websockets.typing import Origin

from bench.pages.server import free_port
from tests.celery_workers import celery_worker_command

ROOT = Path(__file__).resolve().parents[2]
SLUG = "scaleout-quillwort-astrolabe"
TITLE = "Quillwort Astrolabe of the Brandvarg Workshop"
CREATOR = "Ottilie Brandvarg"
KEYWORD = "quillwort"
# Seen by every process within this (the page cache's version is checked every second).
VISIBLE_WITHIN = 10.0
# Loading the text encoder in the Celery worker and in worker B on a busy machine.
EMBEDDED_WITHIN = 240.0
STARTED_WITHIN = 180.0
COMMAND_TIMEOUT = 240.0
POLL_SECONDS = 0.1
REQUEST_TIMEOUT = 120.0
# A worker's first search loads the text encoder and calibrates the relevance floor over
# a thousand encoded names (search/relevance.py): a warm-up, not a delay to measure.
WARM_UP_TIMEOUT = 600.0

pytestmark = pytest.mark.django_db(transaction=True)


class SearchUnavailable(AssertionError):
    """The search API did not answer 200."""


@dataclass
class Process:
    name: str
    popen: subprocess.Popen[bytes]
    log: Path

    def tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return f"--- {self.name} ---\n" + "\n".join(text.splitlines()[-lines:])


@dataclass
class Site:
    worker_a: int
    worker_b: int
    env: dict[str, str]
    processes: list[Process]
    work: Path

    def logs(self) -> str:
        return "\n".join(process.tail() for process in self.processes)

    def check_alive(self) -> None:
        for process in self.processes:
            if process.popen.poll() is not None:
                raise AssertionError(f"{process.name} exited early\n{self.logs()}")


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{db['USER']}{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


def _environment(work: Path) -> dict[str, str]:
    """Every process's environment: the test database, Redis, one media and index folder."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": _database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "INDEX_DIR": str(settings.INDEX_DIR),
        # Background work goes to the Celery worker, not into the importing process.
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "SEARCH_EMBED_ON_CHANGE": "1",
        "DESCRIPTIONS_DRAFT_ON_CHANGE": "0",
        "SPEECH_ON_CHANGE": "0",
        # DEBUG on only to serve static files through the finders: collecting the manifest
        # that DEBUG off needs takes minutes. Caches, channel layer and broker are the same.
        "DJANGO_DEBUG": "1",
        # The test polls from one address: the real limits would throttle it.
        "API_ANON_RATE": "100000/minute",
        "GUIDE_RATE_PER_CLIENT": "100000",
        "GUIDE_RATE_PER_CONNECTION": "10000",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
        "STATIC_ROOT": str(work / "static"),
    }


def _start(name: str, command: list[str], env: dict[str, str], work: Path) -> Process:
    log = work / f"{name}.log"
    with log.open("wb") as out:
        popen = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    return Process(name, popen, log)


def _stop(process: Process) -> None:
    if process.popen.poll() is None:
        process.popen.terminate()
        try:
            process.popen.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.popen.kill()
            process.popen.wait(timeout=15)


def _daphne(port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "daphne",
        "-b",
        "127.0.0.1",
        "-p",
        str(port),
        "config.asgi:application",
    ]


CELERY = celery_worker_command()


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    """Worker A, worker B and a Celery worker; every one stopped, whatever happens."""
    work = tmp_path / "processes"
    work.mkdir()
    env = _environment(work)
    port_a, port_b = free_port(), free_port()
    with ExitStack() as stack:
        processes = []
        for name, command in (
            ("celery", CELERY),
            ("worker-a", _daphne(port_a)),
            ("worker-b", _daphne(port_b)),
        ):
            process = _start(name, command, env, work)
            stack.callback(_stop, process)
            processes.append(process)
        running = Site(port_a, port_b, env, processes, work)
        for port in (port_a, port_b):
            _wait_for(
                running,
                lambda port=port: _get(port, "/healthz/")[0] == 200,  # type: ignore[misc]
                within=STARTED_WITHIN,
                what=f"worker on port {port} to answer /healthz/",
            )
        yield running


def _get(port: int, path: str, *, timeout: float = REQUEST_TIMEOUT) -> tuple[int, str]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Accept": "text/html,application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


@dataclass(frozen=True)
class Seen:
    sent: float  # when the first successful probe was sent
    probes: int


def _wait_for(site: Site, probe: Callable[[], object], *, within: float, what: str) -> Seen:
    """Polls until ``probe`` is true.

    On a busy machine one response can take seconds: the deadline is on when a probe is
    sent, not on how long it takes to answer.
    """
    deadline = time.monotonic() + within
    probes = 0
    while True:
        sent = time.monotonic()
        probes += 1
        try:
            if probe():
                return Seen(sent, probes)
        except SearchUnavailable as error:
            raise AssertionError(f"{error}\n{site.logs()}") from None
        if sent > deadline:
            raise AssertionError(f"waited {within:.0f} s for {what}\n{site.logs()}")
        site.check_alive()
        time.sleep(POLL_SECONDS)


def _import(site: Site, **fields: Any) -> float:
    """``manage.py import_collection`` in its own process; returns when it has finished."""
    folder = site.work / "collection"
    folder.mkdir(exist_ok=True)
    record = {
        "id": SLUG,
        "title": TITLE,
        "object_type": "astrolabe",
        "licence": "CC0-1.0",
        "creator": CREATOR,
        "date": "1612",
        "date_start": 1612,
        "date_end": 1612,
        "culture": "Sweden (Uppsala)",
        "description": "A brass astrolabe engraved with quillwort leaves and a star map.",
        **fields,
    }
    (folder / "objects.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "manage.py", "import_collection", str(folder)],
        cwd=ROOT,
        env=site.env,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return time.monotonic()


def _search_hit(
    port: int, query: str, *, timeout: float = REQUEST_TIMEOUT
) -> dict[str, Any] | None:
    status, body = _get(port, f"/api/search/?q={quote(query)}", timeout=timeout)
    if status != 200:
        raise SearchUnavailable(f"search answered {status}: {body[:500]}")
    for hit in json.loads(body)["results"]:
        if hit["object"]["slug"] == SLUG:
            return dict(hit)
    return None


def _guide_greeting(port: int, *, ask: str | None = None) -> tuple[Any, str]:
    """Connects to the guide on ``port`` about the object: the page it names, and an answer."""
    with connect(
        f"ws://127.0.0.1:{port}/ws/guide/?object={SLUG}",
        origin=Origin(f"http://127.0.0.1:{port}"),
        proxy=None,
        open_timeout=30,
    ) as socket:
        ready = json.loads(socket.recv(timeout=30))
        assert ready["type"] == "ready", ready
        answer = ""
        if ask:
            socket.send(json.dumps({"type": "ask", "id": "q1", "question": ask}))
            while (message := json.loads(socket.recv(timeout=EMBEDDED_WITHIN)))[
                "type"
            ] == "answer_chunk":
                pass
            assert message["type"] == "answer", message
            answer = message["text"]
        return ready["object"], answer


def _seen(site: Site, probe: Callable[[], bool], *, since: float, what: str) -> float:
    seen = _wait_for(site, probe, within=VISIBLE_WITHIN, what=what)
    delay = seen.sent - since
    # A first probe that succeeds was only sent once the checks before it had answered: the
    # change was visible by then, perhaps earlier.
    how = "at the first probe" if seen.probes == 1 else f"after {seen.probes} probes"
    print(f"{what}: seen {delay:.2f} s after the change finished ({how})")
    return delay


OBJECT_PATH = f"/objects/{SLUG}/"
SEMANTIC_QUERY = "brass star map instrument engraved with leaves"


def _page_shows_title(port: int) -> bool:
    status, body = _get(port, OBJECT_PATH)
    return status == 200 and TITLE in body


def test_an_import_shows_on_the_other_workers_cached_pages_and_socket(site: Site) -> None:
    a, b = site.worker_a, site.worker_b
    # Both workers have served and cached browse before the import; the object is unknown.
    for port in (a, b):
        assert _get(port, "/objects/")[0] == 200
        assert TITLE not in _get(port, "/objects/")[1]
        assert _get(port, OBJECT_PATH)[0] == 404

    imported = _import(site)
    _seen(site, lambda: _page_shows_title(b), since=imported, what="B's object page")
    _seen(site, lambda: TITLE in _get(b, "/objects/")[1], since=imported, what="B's browse page")
    assert _page_shows_title(a)
    ready_object, _ = _guide_greeting(b)
    assert ready_object == SLUG, "B's guide socket does not know the imported object"

    # Both workers cache the page now; a re-import restricting it must reach B at once.
    assert _page_shows_title(b)
    restricted = _import(site, visibility="restricted")
    _seen(site, lambda: _get(b, OBJECT_PATH)[0] == 404, since=restricted, what="B's 404")
    assert _get(a, OBJECT_PATH)[0] == 404
    assert TITLE not in _get(b, "/objects/")[1]
    ready_object, _ = _guide_greeting(b)
    assert ready_object is None, "B's guide socket still offers the restricted object"


def test_an_import_is_found_by_the_other_workers_search_and_guide(site: Site) -> None:
    b = site.worker_b
    # B has searched before the import (loading its models: a warm-up, not a delay).
    assert _search_hit(b, KEYWORD, timeout=WARM_UP_TIMEOUT) is None

    imported = _import(site)
    _seen(
        site,
        lambda: _search_hit(b, KEYWORD) is not None,
        since=imported,
        what="B's search API (keyword)",
    )

    # The semantic channel: the Celery worker embeds the object and updates the shared
    # index; B reads the new publication on its next search.
    def semantic_hit() -> bool:
        hit = _search_hit(b, SEMANTIC_QUERY)
        return bool(hit and hit["explanation"]["channels"].get("text", {}).get("raw") is not None)

    embedded = _wait_for(site, semantic_hit, within=EMBEDDED_WITHIN, what="B's semantic channel")
    print(f"B's search API (semantic): seen {embedded.sent - imported:.2f} s after the import")
    _, answer = _guide_greeting(b, ask="Who made this?")
    assert "Brandvarg" in answer, answer

    restricted = _import(site, visibility="restricted")
    _seen(
        site,
        lambda: _search_hit(b, KEYWORD) is None,
        since=restricted,
        what="B's search API without the restricted object",
    )
    assert _search_hit(b, SEMANTIC_QUERY) is None

"""The site as daphne serves it in production: odd requests still get clean answers.

Starts the real daphne on a loopback port (DEBUG off, a throwaway SQLite database) and
talks to it with a real HTTP client and a real WebSocket client.
"""

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from config.websocket_fallback import NO_SUCH_ENDPOINT

ROOT = Path(__file__).resolve().parents[2]
DAPHNE = Path(sys.executable).with_name("daphne")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def daphne(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    work = tmp_path_factory.mktemp("daphne")
    port = _free_port()
    unset = {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(
        DJANGO_DEBUG="0",
        VITRINE_HTTPS="0",
        SECRET_KEY="a-throwaway-key-for-this-test-0123456789abcdefghijkl",
        VITRINE_VAR_DIR=str(work),
        SEARCH_WARM_UP="0",
        STATIC_ROOT=str(work / "static"),
    )
    for command in (["migrate"], ["collectstatic"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=300,
        )
    server = subprocess.Popen(
        [str(DAPHNE), "-b", "127.0.0.1", "-p", str(port), "config.asgi:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=20)


def _post(port: int, path: str, body: bytes, content_type: str) -> tuple[int, str, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", path, body=body, headers={"Content-Type": content_type})
    response = connection.getresponse()
    result = response.status, response.getheader("Content-Type") or "", response.read()
    connection.close()
    return result


@pytest.mark.parametrize(
    "body",
    [b"--x--\r\n", b"--x\r\n\r\n--x--\r\n", b"not multipart at all", b"--y--\r\n"],
)
def test_a_malformed_multipart_body_gets_the_apis_json_400(daphne: int, body: bytes) -> None:
    status, content_type, payload = _post(
        daphne, "/api/search/by-image/", body, "multipart/form-data; boundary=x"
    )
    assert status == 400
    assert content_type == "application/json"
    assert json.loads(payload)["detail"]


def test_a_websocket_to_an_unknown_address_is_closed_cleanly(daphne: int) -> None:
    origin = f"http://127.0.0.1:{daphne}"
    address = f"ws://127.0.0.1:{daphne}/ws/no-such-thing/"
    with connect(address, origin=origin) as client, pytest.raises(ConnectionClosed) as closed:  # type: ignore[arg-type]
        client.recv(timeout=10)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == NO_SUCH_ENDPOINT


def test_the_debug_page_is_never_shown(daphne: int) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", daphne, timeout=30)
    connection.request("GET", "/no/such/page/")
    response = connection.getresponse()
    body = response.read().decode()
    assert response.status == 404
    assert "Page not found" in body
    assert "URLconf" not in body and "Django tried these URL patterns" not in body

"""The load client against a real local HTTP/1.1 server."""

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.pages.client import Target, fetch_once, run_scenario


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the client expects
    connections: set[int] = set()

    def do_GET(self) -> None:
        Handler.connections.add(self.client_address[1])
        if self.path == "/slow":
            time.sleep(0.1)
        good = self.path in {"/ok", "/slow"}
        body = b"ok" if good else b"broken"
        self.send_response(200 if good else 500)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Server-Timing", "app;dur=9, cpu;dur=1.5")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def target() -> Iterator[Target]:
    Handler.connections = set()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Target("127.0.0.1", server.server_address[1], timeout=5)
    server.shutdown()
    server.server_close()


def test_runs_the_requested_number_over_keep_alive_connections(target: Target) -> None:
    result = run_scenario(
        name="ok", target=target, paths=["/ok"], clients=4, requests=40, max_seconds=30
    )

    assert len(result.samples) == 40
    assert not result.failures
    assert {sample.server_ms for sample in result.samples} == {1.5}
    # Four clients, each reusing its one connection.
    assert len(Handler.connections) == 4


def test_reports_server_errors_as_failures(target: Target) -> None:
    result = run_scenario(
        name="mixed", target=target, paths=["/ok", "/bad"], clients=2, requests=10, max_seconds=30
    )

    assert len(result.failures) == 5
    assert {sample.path for sample in result.failures} == {"/bad"}


def test_stops_when_its_time_is_up(target: Target) -> None:
    started = time.perf_counter()

    result = run_scenario(
        name="slow", target=target, paths=["/slow"], clients=2, requests=1000, max_seconds=0.5
    )

    assert time.perf_counter() - started < 3
    assert 0 < len(result.samples) < 30


def test_an_unreachable_server_is_a_failed_sample_not_a_crash() -> None:
    sample = fetch_once(Target("127.0.0.1", 9, timeout=1), "/healthz/")

    assert not sample.ok
    assert sample.error


def test_refuses_to_load_a_host_other_than_loopback() -> None:
    with pytest.raises(ValueError, match="loopback only"):
        Target("example.org", 80)


def test_a_scenario_needs_paths(target: Target) -> None:
    with pytest.raises(ValueError, match="no paths"):
        run_scenario(name="x", target=target, paths=[], clients=1, requests=1, max_seconds=1)

"""A small closed-loop load generator: N threads, one keep-alive connection each.

Each client sends its next request as soon as the previous body has been read, so
``clients`` is the number of requests in flight. Only loopback hosts are accepted:
the benchmark must never load someone else's server.
"""

import http.client
import itertools
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from bench.pages.server_timing import HEADER, WALL_METRIC, parse_server_timing
from bench.pages.stats import Sample, ScenarioResult

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# Behind the production proxy every request arrives as HTTPS; saying so keeps the
# site's SSL redirect from answering 301 to a plain-HTTP benchmark.
DEFAULT_HEADERS = {"X-Forwarded-Proto": "https", "Accept": "text/html,*/*"}


@dataclass(frozen=True)
class Target:
    host: str
    port: int
    timeout: float = 30.0

    def __post_init__(self) -> None:
        if self.host not in LOOPBACK_HOSTS:
            raise ValueError(f"refusing to load {self.host!r}: the benchmark is loopback only")


class _Client(threading.Thread):
    def __init__(
        self,
        target: Target,
        paths: Sequence[str],
        tickets: "_Tickets",
        deadline: float,
        results: list[Sample],
    ) -> None:
        super().__init__(daemon=True)
        self.target, self.paths, self.tickets = target, paths, tickets
        self.deadline, self.results = deadline, results
        self.connection: http.client.HTTPConnection | None = None

    def run(self) -> None:
        try:
            while time.perf_counter() < self.deadline:
                ticket = self.tickets.take()
                if ticket is None:
                    return
                self.results.append(self._fetch(self.paths[ticket % len(self.paths)]))
        finally:
            if self.connection is not None:
                self.connection.close()

    def _fetch(self, path: str) -> Sample:
        if self.connection is None:
            self.connection = http.client.HTTPConnection(
                self.target.host, self.target.port, timeout=self.target.timeout
            )
        started = time.perf_counter()
        try:
            self.connection.request("GET", path, headers=DEFAULT_HEADERS)
            response = self.connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as exc:
            # A broken connection is dropped and reopened by the next request.
            self.connection.close()
            self.connection = None
            elapsed = (time.perf_counter() - started) * 1000
            return Sample(path=path, status=0, client_ms=elapsed, error=repr(exc))
        elapsed = (time.perf_counter() - started) * 1000
        if response.will_close:
            self.connection.close()
            self.connection = None
        timing = response.getheader(HEADER)
        return Sample(
            path=path,
            status=response.status,
            client_ms=elapsed,
            server_ms=parse_server_timing(timing),
            server_wall_ms=parse_server_timing(timing, WALL_METRIC),
        )


class _Tickets:
    """Hands out request numbers until ``total`` have been taken."""

    def __init__(self, total: int) -> None:
        self._counter = itertools.count()
        self._total = total
        self._lock = threading.Lock()

    def take(self) -> int | None:
        with self._lock:
            ticket = next(self._counter)
        return ticket if ticket < self._total else None


def run_scenario(
    *,
    name: str,
    target: Target,
    paths: Sequence[str],
    clients: int,
    requests: int,
    max_seconds: float,
) -> ScenarioResult:
    """Sends ``requests`` GETs cycling over ``paths`` from ``clients`` threads.

    Stops early when ``max_seconds`` have passed, so a slow server cannot hang the run.
    """
    if not paths:
        raise ValueError(f"scenario {name!r} has no paths to request")
    if clients < 1 or requests < 1:
        raise ValueError("clients and requests must be at least 1")
    tickets = _Tickets(requests)
    started = time.perf_counter()
    deadline = started + max_seconds
    # Each thread appends to its own list: no lock on the hot path.
    buckets: list[list[Sample]] = [[] for _ in range(min(clients, requests))]
    threads = [_Client(target, paths, tickets, deadline, bucket) for bucket in buckets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.perf_counter()) + target.timeout)
    result = ScenarioResult(name=name, wall_seconds=time.perf_counter() - started)
    for bucket in buckets:
        result.samples.extend(bucket)
    return result


def fetch_once(target: Target, path: str) -> Sample:
    """One request on a fresh connection (used to wait for the server and to warm up)."""
    samples = run_scenario(
        name="probe", target=target, paths=[path], clients=1, requests=1, max_seconds=target.timeout
    ).samples
    return samples[0] if samples else Sample(path=path, status=0, client_ms=0.0, error="no answer")

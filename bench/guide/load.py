"""WebSocket load on the guide and on a bare echo consumer: latency, errors, drops.

Every client holds one connection and sends a question every ``interval`` seconds on a
fixed schedule (staggered over the interval), whether or not its last answer has come:
a slow answer cannot hide the asks that would have queued behind it. Latency is from
sending an ask to receiving its final ``answer`` (for the echo, its echo). An ask with no
final answer by the end of the run plus a grace period is dropped.
"""

import asyncio
import json
import math
import random
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import WebSocketException

from bench.guide.servers import RAISED_RATE_LIMITS, daphne_workers, origin_for
from bench.stats import percentile

# Questions a visitor asks on an object page (each client is on one object's page).
OBJECT_PAGE_QUESTIONS = (
    "Who made this?",
    "When was it made?",
    "What is it made of?",
    "Where is it from?",
    "What does it show?",
    "How big is it?",
    "Can I reuse this image?",
    "Show me more like this.",
)
GRACE_SECONDS = 10.0
WARM_UP_TIMEOUT = 300.0
MAX_OBJECTS = 50


@dataclass
class Tally:
    """What the clients of one phase saw (one event loop: no locking needed)."""

    asked: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    dropped: int = 0


@dataclass(frozen=True)
class PhaseSummary:
    asked: int
    answered: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    errors: int
    error_codes: dict[str, int]
    dropped: int


def summarise(tally: Tally) -> PhaseSummary:
    latencies = tally.latencies_ms
    return PhaseSummary(
        asked=tally.asked,
        answered=len(latencies),
        p50_ms=round(percentile(latencies, 50), 2),
        p95_ms=round(percentile(latencies, 95), 2),
        max_ms=round(max(latencies), 2) if latencies else math.nan,
        errors=sum(tally.errors.values()),
        error_codes=dict(sorted(tally.errors.items())),
        dropped=tally.dropped,
    )


def p95_ratio(guide: PhaseSummary, echo: PhaseSummary) -> float:
    """Guide p95 over echo p95: how much answering adds to the bare transport."""
    if not echo.p95_ms > 0 or math.isnan(guide.p95_ms):
        return math.nan
    return round(guide.p95_ms / echo.p95_ms, 2)


@dataclass(frozen=True)
class RunResult:
    workers: int
    channel_layer: str
    guide: PhaseSummary
    echo: PhaseSummary
    p95_ratio: float
    warm_up_seconds: float


@dataclass(frozen=True)
class BenchResult:
    clients: int
    seconds: float
    interval: float
    objects: int
    note: str
    runs: list[RunResult]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def bench_guide(
    *,
    clients: int,
    seconds: float,
    interval: float,
    object_slugs: list[str],
    redis_url: str | None,
) -> BenchResult:
    """One worker with the in-memory layer; then, given Redis, two workers sharing it."""
    note = (
        "rate limits raised on the benchmark's servers ("
        + ", ".join(f"{k}={v}" for k, v in RAISED_RATE_LIMITS.items())
        + "): every client connects from 127.0.0.1"
    )
    plans = [(1, None)] + ([(2, redis_url)] if redis_url else [])
    runs = []
    for workers, layer_url in plans:
        with daphne_workers(workers, redis_url=layer_url) as started:
            ports = [worker.port for worker in started]
            runs.append(
                asyncio.run(
                    _measure(
                        ports,
                        clients=clients,
                        seconds=seconds,
                        interval=interval,
                        object_slugs=object_slugs,
                        layer="redis" if layer_url else "in-memory",
                    )
                )
            )
    return BenchResult(clients, seconds, interval, len(object_slugs), note, runs)


async def _measure(
    ports: list[int],
    *,
    clients: int,
    seconds: float,
    interval: float,
    object_slugs: list[str],
    layer: str,
) -> RunResult:
    loop = asyncio.get_running_loop()
    started = loop.time()
    for port in ports:
        await _warm_up(port, object_slugs[0])
    warm_up = loop.time() - started
    echo = await run_phase(
        [f"ws://127.0.0.1:{ports[n % len(ports)]}/ws/echo/" for n in range(clients)],
        guide=False,
        seconds=seconds,
        interval=interval,
    )
    guide = await run_phase(
        [
            f"ws://127.0.0.1:{ports[n % len(ports)]}/ws/guide/"
            f"?object={object_slugs[n % len(object_slugs)]}"
            for n in range(clients)
        ],
        guide=True,
        seconds=seconds,
        interval=interval,
    )
    guide_summary, echo_summary = summarise(guide), summarise(echo)
    return RunResult(
        workers=len(ports),
        channel_layer=layer,
        guide=guide_summary,
        echo=echo_summary,
        p95_ratio=p95_ratio(guide_summary, echo_summary),
        warm_up_seconds=round(warm_up, 1),
    )


async def _warm_up(port: int, slug: str) -> None:
    """Each question once, waited for: the first answers load the answerer's models."""
    uri = f"ws://127.0.0.1:{port}/ws/guide/?object={slug}"
    async with _open(uri) as socket:
        await socket.recv()  # ready
        for n, question in enumerate(OBJECT_PAGE_QUESTIONS):
            await socket.send(json.dumps({"type": "ask", "id": f"warm-{n}", "question": question}))
            while True:
                reply = json.loads(await asyncio.wait_for(socket.recv(), WARM_UP_TIMEOUT))
                if reply["type"] in {"answer", "error"}:
                    break


def _open(uri: str) -> Any:
    port = int(uri.split(":")[2].split("/")[0])
    return connect(
        uri,
        origin=origin_for(port),
        proxy=None,
        compression=None,
        open_timeout=30,
        ping_interval=None,
        max_size=2**20,
    )


async def run_phase(uris: list[str], *, guide: bool, seconds: float, interval: float) -> Tally:
    """Open one client per address, ask on schedule for ``seconds``, then wait out the grace."""
    tally = Tally()
    # Connect everyone first (at most 50 handshakes at a time), then start the clock.
    gate = asyncio.Semaphore(50)
    sockets = await asyncio.gather(*(_connect(uri, gate, guide) for uri in uris))
    tally.errors["connect"] += sum(socket is None for socket in sockets)
    loop = asyncio.get_running_loop()
    start = loop.time() + 0.5
    stop = start + seconds
    await asyncio.gather(
        *(
            _client(socket, n, start + interval * n / len(uris), stop, interval, tally)
            for n, socket in enumerate(sockets)
            if socket is not None
        )
    )
    await asyncio.gather(*(s.close() for s in sockets if s is not None), return_exceptions=True)
    if not tally.errors["connect"]:
        del tally.errors["connect"]
    return tally


async def _connect(uri: str, gate: asyncio.Semaphore, guide: bool) -> ClientConnection | None:
    async with gate:
        try:
            socket: ClientConnection = await _open(uri)
            if guide:
                await asyncio.wait_for(socket.recv(), 30)  # ready
            return socket
        except (OSError, TimeoutError, WebSocketException):
            return None


async def _client(
    socket: ClientConnection, n: int, first: float, stop: float, interval: float, tally: Tally
) -> None:
    loop = asyncio.get_running_loop()
    pending: dict[str, float] = {}
    reader = asyncio.create_task(_read(socket, pending, tally))
    # Each client its own order of the questions (seeded: the same load on every run).
    order = random.Random(n)  # noqa: S311
    questions = order.sample(OBJECT_PAGE_QUESTIONS, len(OBJECT_PAGE_QUESTIONS))
    at, count = first, 0
    try:
        while at < stop and not reader.done():
            await asyncio.sleep(max(0.0, at - loop.time()))
            ask_id = f"c{n}-{count}"
            question = questions[count % len(questions)]
            pending[ask_id] = loop.time()
            tally.asked += 1
            await socket.send(json.dumps({"type": "ask", "id": ask_id, "question": question}))
            at, count = at + interval, count + 1
        grace_ends = loop.time() + GRACE_SECONDS
        while pending and not reader.done() and loop.time() < grace_ends:
            await asyncio.sleep(0.05)
    except (OSError, WebSocketException):
        tally.errors["connection_lost"] += 1
    finally:
        reader.cancel()
        tally.dropped += len(pending)


async def _read(socket: ClientConnection, pending: dict[str, float], tally: Tally) -> None:
    loop = asyncio.get_running_loop()
    try:
        async for frame in socket:
            message = json.loads(frame)
            kind = message.get("type")
            if kind == "ask":  # the echo of an ask
                kind = "answer"
            if kind == "answer" and message.get("id") in pending:
                sent = pending.pop(message["id"])
                tally.latencies_ms.append((loop.time() - sent) * 1000.0)
            elif kind == "error":
                tally.errors[str(message.get("code"))] += 1
                pending.pop(str(message.get("id")), None)
    except WebSocketException:
        tally.errors["connection_lost"] += 1

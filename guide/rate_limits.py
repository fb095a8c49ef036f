"""How often one connection, and one client address, may ask the guide.

Both are sliding windows of one minute. A connection's window lives in the consumer (one
process holds a connection). A client address may hold connections to several worker
processes, so its window is counted in the throttle cache (``config.throttling``: its own
local-memory store, or Redis when ``REDIS_URL`` is set) as one counter per second of the
window: one read of the last minute's counters, one atomic increment.
"""

import contextlib
import math
import time
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from config.throttling import throttle_cache

WINDOW_SECONDS = 60


@dataclass
class ConnectionWindow:
    """The asks of one connection in the last minute (monotonic clock, in process)."""

    limit: int
    window: float = WINDOW_SECONDS
    _asks: deque[float] = field(default_factory=deque)

    def retry_after(self, now: float) -> float | None:
        """Seconds until one more ask is allowed, or None when it is allowed now."""
        while self._asks and self._asks[0] <= now - self.window:
            self._asks.popleft()
        if len(self._asks) < self.limit:
            return None
        if self.limit <= 0:
            return float(self.window)
        return _whole_seconds(self._asks[len(self._asks) - self.limit] + self.window - now)

    def record(self, now: float) -> None:
        self._asks.append(now)


@dataclass(frozen=True)
class ClientWindow:
    """The asks of one client address in the last minute, across every worker process."""

    client: str
    limit: int
    window: int = WINDOW_SECONDS

    def hit(self, now: float | None = None) -> float | None:
        """Count one ask; None when allowed, else the seconds until one is (not counted).

        The ask is counted before the window is read and taken back when it is over the
        limit, so two processes racing for the last place never both get it.
        """
        now = time.time() if now is None else now
        second = int(now)
        cache = throttle_cache()
        key = self._key(second)
        # The counter expires once it has left the window (plus a second of clock skew).
        cache.add(key, 0, timeout=self.window + 2)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr: start it again
            cache.set(key, 1, timeout=self.window + 2)
        seconds = range(second - self.window + 1, second + 1)
        counts = cache.get_many([self._key(s) for s in seconds])
        per_second = [(s, int(counts.get(self._key(s), 0))) for s in seconds]
        if sum(count for _, count in per_second) <= self.limit:
            return None
        with contextlib.suppress(ValueError):  # expired meanwhile: nothing to take back
            cache.decr(key)
        per_second[-1] = (second, max(0, per_second[-1][1] - 1))  # this ask, taken back
        return _until_under_limit(per_second, limit=self.limit, window=self.window, now=now)

    def _key(self, second: int) -> str:
        return f"guide-ask:{self.client}:{second}"


def _until_under_limit(
    per_second: Sequence[tuple[int, int]], *, limit: int, window: int, now: float
) -> float:
    """When enough of the oldest asks have left the window for one more to fit.

    The asks counted in second ``s`` leave the window when the clock reaches ``s + window``.
    """
    total = sum(count for _, count in per_second)
    if total < limit:  # another process's ask was taken back meanwhile
        return _whole_seconds(0)
    for second, count in per_second:
        total -= count
        if total < limit:
            return _whole_seconds(second + window - now)
    return float(window)


def _whole_seconds(seconds: float) -> float:
    # Whole seconds, at least one: a client told to wait 0.2 s would retry at once.
    return float(max(1, math.ceil(seconds)))


def client_address(scope: Mapping[str, Any]) -> str:
    """The visitor's address: the peer, or X-Forwarded-For behind trusted proxies.

    Trust in proxies is the read API's (REST_FRAMEWORK["NUM_PROXIES"], as DRF counts it):
    with none, a forged X-Forwarded-For changes nothing.
    """
    proxies = int(str(settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0))
    if proxies > 0:
        for name, value in scope.get("headers", []):
            if name == b"x-forwarded-for":
                hops = [hop.strip() for hop in value.decode("latin-1").split(",") if hop.strip()]
                if hops:
                    return hops[-min(proxies, len(hops))]
    client = scope.get("client")
    if isinstance(client, list | tuple) and client:
        return str(client[0])
    return "unknown"

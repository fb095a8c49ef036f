"""/readyz/: may this process take traffic? The database, Redis and the search index, checked.

`/healthz/` only says the process is up (a restart cures nothing else); a load balancer asks
`/readyz/` whether to send requests here. Each check is bounded by
`VITRINE_READY_TIMEOUT_SECONDS`: the database by a statement timeout (PostgreSQL; connecting
is bounded by `connect_timeout` in `DATABASE_URL`), Redis by socket timeouts, the caches by
running in a small pool of threads that the probe waits on no longer than that.

The search index is reported but does not gate readiness unless
`VITRINE_READY_REQUIRES_INDEX` is on: every worker reads the same published index, so taking
them all out of rotation for a stale one would turn slower search into no site at all.
Details never carry a URL or a password: errors are reported by their type and a redacted
message.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from config.index_status import index_statuses, space_has_embeddings, space_unpublished_embeddings
from exhibition.page_cache import collection_version

_URL_WITH_CREDENTIALS = re.compile(r"[a-z][a-z0-9+.-]*://\S*", re.IGNORECASE)
_DETAIL_CHARS = 200
# Cache checks wait here, so a Redis that hangs holds at most these threads, never a request.
_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="readyz")


class NotReady(Exception):
    """A check's own finding (not a crash): its message is the detail shown."""


@dataclass(frozen=True)
class Check:
    ok: bool
    detail: str
    ms: float
    required: bool = True

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "detail": self.detail,
            "ms": round(self.ms, 2),
            "required": self.required,
        }


def _redacted(error: BaseException) -> str:
    message = _URL_WITH_CREDENTIALS.sub("<url>", str(error)).strip()
    text = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return text[:_DETAIL_CHARS]


def _timed(run: Callable[[], str], *, required: bool = True) -> Check:
    started = time.perf_counter()
    try:
        detail = run()
        ok = True
    except NotReady as problem:
        ok, detail = False, str(problem)
    except Exception as error:  # any failure of a dependency means "not ready"
        ok, detail = False, _redacted(error)
    return Check(ok=ok, detail=detail, ms=(time.perf_counter() - started) * 1000, required=required)


def _timeout() -> float:
    return float(settings.VITRINE_READY_TIMEOUT_SECONDS)


def _in_pool(run: Callable[[], str]) -> str:
    try:
        return _pool.submit(run).result(timeout=_timeout())
    except FutureTimeout:
        raise NotReady(f"no answer within {_timeout():g} s") from None


def _bounded_statements() -> None:
    if connection.vendor == "postgresql":
        milliseconds = int(_timeout() * 1000)
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {milliseconds}")


def check_database() -> str:
    with transaction.atomic():
        _bounded_statements()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            row = cursor.fetchone()
    if row is None or row[0] != 1:
        raise NotReady("SELECT 1 did not answer 1")
    return f"{connection.vendor}: SELECT 1"


def check_cache(alias: str) -> str:
    def round_trip() -> str:
        cache = caches[alias]
        key = f"vitrine:readyz:{uuid.uuid4().hex}"
        cache.set(key, "1", timeout=10)
        value = cache.get(key)
        cache.delete(key)
        if value != "1":
            raise NotReady("a value set was not read back")
        return f"{type(cache).__name__}: set, get and delete"

    return _in_pool(round_trip)


def check_redis(url: str) -> str:
    import redis

    client = redis.Redis.from_url(url, socket_timeout=_timeout(), socket_connect_timeout=_timeout())
    try:
        if not client.ping():
            raise NotReady("PING did not answer")
    finally:
        client.close()
    return "PING answered"


def check_index() -> str:
    with transaction.atomic():
        _bounded_statements()
        statuses = index_statuses()
        problems: list[str] = []
        parts: list[str] = []
        for status in statuses:
            if not status.present:
                if space_has_embeddings(status.space):
                    problems.append(f"{status.space}: embeddings stored but no index published")
                else:
                    parts.append(f"{status.space}: none (nothing embedded)")
                continue
            age = status.age_seconds() or 0.0
            described = f"{status.space}: {status.vectors} vectors, {age:.0f} s old"
            if space_unpublished_embeddings(status):
                problems.append(f"{described}, stale (embeddings written after it)")
            else:
                parts.append(described)
        version = collection_version()
    summary = "; ".join(problems + parts) + f"; collection version {version}"
    if problems:
        raise NotReady(summary[: _DETAIL_CHARS * 2])
    return summary


def _channel_layer_redis_url() -> str | None:
    layer: dict[str, Any] = settings.CHANNEL_LAYERS.get("default", {})
    if "redis" not in str(layer.get("BACKEND", "")).lower():
        return None
    hosts = layer.get("CONFIG", {}).get("hosts", [])
    if not hosts:
        return None
    first = hosts[0]
    address = first.get("address") if isinstance(first, dict) else first
    return address if isinstance(address, str) else None


def readiness_checks() -> dict[str, Check]:
    checks = {"database": _timed(check_database)}
    for alias in ("default", settings.THROTTLE_CACHE):
        if alias in settings.CACHES:
            checks[f"cache:{alias}"] = _timed(partial(check_cache, alias))
    channel_url = _channel_layer_redis_url()
    if channel_url:
        checks["channel_layer"] = _timed(partial(check_redis, channel_url))
    broker: str = settings.CELERY_BROKER_URL
    if broker.startswith(("redis://", "rediss://", "unix://")):
        checks["celery_broker"] = _timed(partial(check_redis, broker))
    checks["search_index"] = _timed(check_index, required=settings.VITRINE_READY_REQUIRES_INDEX)
    return checks


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    checks = readiness_checks()
    ready = all(check.ok for check in checks.values() if check.required)
    body = {"ready": ready, "checks": {name: check.as_json() for name, check in checks.items()}}
    return JsonResponse(body, status=200 if ready else 503)

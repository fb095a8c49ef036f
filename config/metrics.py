"""/metrics: Prometheus text format, off unless `VITRINE_METRICS` is on.

When on, a scrape is allowed from an address in `VITRINE_METRICS_ALLOWED` (CIDRs; the
loopback by default) or with `Authorization: Bearer <VITRINE_METRICS_TOKEN>`; others get 403.
Behind a proxy every request comes from the proxy's address: use the token there.

Besides the request histogram (`config.metrics_middleware`), gauges are computed when
scraped: each search space's index size (vectors) and age, the collection version, and the
length of each Celery queue when the broker is Redis. Each process serves its own metrics;
with `PROMETHEUS_MULTIPROC_DIR` set, prometheus-client's multiprocess mode adds up every
worker's histograms instead (the folder must be emptied when the server starts).
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import os
from collections.abc import Callable, Iterable, Iterator

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from config.index_status import index_statuses
from exhibition.page_cache import collection_version

logger = logging.getLogger(__name__)

_MAX_AUTHORIZATION_CHARS = 512
# kombu's Redis transport keeps a queue's messages of each priority step in its own list.
_KOMBU_PRIORITY_SEPARATOR = "\x06\x16"
_KOMBU_PRIORITY_STEPS = (0, 3, 6, 9)

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def allowed_networks(cidrs: Iterable[str]) -> list[Network]:
    return [ipaddress.ip_network(cidr.strip(), strict=False) for cidr in cidrs if cidr.strip()]


def _address_allowed(address: str) -> bool:
    try:
        client = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(client in network for network in allowed_networks(settings.VITRINE_METRICS_ALLOWED))


def _token_given(request: HttpRequest) -> bool:
    expected: str = settings.VITRINE_METRICS_TOKEN
    header = request.headers.get("Authorization", "")
    if not expected or len(header) > _MAX_AUTHORIZATION_CHARS:
        return False
    scheme, _, given = header.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip(), expected)


def scrape_allowed(request: HttpRequest) -> bool:
    return _token_given(request) or _address_allowed(request.META.get("REMOTE_ADDR", ""))


def celery_queue_lengths(broker_url: str, queues: Iterable[str]) -> dict[str, int]:
    import redis

    timeout = float(settings.VITRINE_READY_TIMEOUT_SECONDS)
    client = redis.Redis.from_url(
        broker_url, socket_timeout=timeout, socket_connect_timeout=timeout
    )
    try:
        lengths: dict[str, int] = {}
        for queue in queues:
            keys = [
                queue if step == 0 else f"{queue}{_KOMBU_PRIORITY_SEPARATOR}{step}"
                for step in _KOMBU_PRIORITY_STEPS
            ]
            pipe = client.pipeline(transaction=False)
            for key in keys:
                pipe.llen(key)
            lengths[queue] = sum(int(length) for length in pipe.execute())
        return lengths
    finally:
        client.close()


class VitrineCollector(Collector):
    """Gauges read when Prometheus scrapes; a source that fails is left out, and logged."""

    def describe(self) -> Iterator[Metric]:
        # Without describe(), registering calls collect(): a database query as the URLs
        # load, before `migrate` has made the tables on a fresh install.
        return iter(())

    def collect(self) -> Iterator[Metric]:
        yield from self._guarded("search index", self._index)
        yield from self._guarded("collection version", self._collection_version)
        if settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
            yield from self._guarded("celery queues", self._queues)

    @staticmethod
    def _guarded(what: str, collect: Callable[[], Iterator[Metric]]) -> list[Metric]:
        try:
            return list(collect())
        except Exception:  # a scrape must never fail because one source did
            logger.exception("metrics: cannot read the %s", what)
            return []

    @staticmethod
    def _index() -> Iterator[Metric]:
        vectors = GaugeMetricFamily(
            "vitrine_search_index_vectors", "Vectors in the published index.", labels=["space"]
        )
        age = GaugeMetricFamily(
            "vitrine_search_index_age_seconds",
            "Seconds since the published index was written.",
            labels=["space"],
        )
        for status in index_statuses():
            vectors.add_metric([status.space], status.vectors)
            seconds = status.age_seconds()
            if seconds is not None:
                age.add_metric([status.space], seconds)
        yield vectors
        yield age

    @staticmethod
    def _collection_version() -> Iterator[Metric]:
        yield GaugeMetricFamily(
            "vitrine_collection_version",
            "The collection version (moves on at every change to the collection).",
            value=collection_version(),
        )

    @staticmethod
    def _queues() -> Iterator[Metric]:
        family = GaugeMetricFamily(
            "vitrine_celery_queue_length", "Tasks waiting in the queue.", labels=["queue"]
        )
        queues = [getattr(settings, "CELERY_TASK_DEFAULT_QUEUE", "celery")]
        for queue, length in celery_queue_lengths(settings.CELERY_BROKER_URL, queues).items():
            family.add_metric([queue], length)
        yield family


_collector = VitrineCollector()
_MULTIPROCESS = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))
if not _MULTIPROCESS:
    REGISTRY.register(_collector)


def metrics_registry() -> CollectorRegistry:
    if not _MULTIPROCESS:
        return REGISTRY
    from prometheus_client import multiprocess

    # The workers' histograms are in the folder's files; the gauges are read here, once.
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    registry.register(_collector)
    return registry


@never_cache
@require_safe
def metrics(request: HttpRequest) -> HttpResponse:
    if not settings.VITRINE_METRICS:
        raise Http404
    if not scrape_allowed(request):
        return HttpResponse("Forbidden.\n", status=403, content_type="text/plain")
    return HttpResponse(generate_latest(metrics_registry()), content_type=CONTENT_TYPE_LATEST)

"""/metrics: Prometheus text for the monitoring system, and for nobody else."""

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

OUTSIDER = "203.0.113.9"


@pytest.fixture
def metrics_on(settings: Any) -> Any:
    settings.VITRINE_METRICS = True
    settings.VITRINE_METRICS_ALLOWED = ["127.0.0.1/32", "::1/128"]
    settings.VITRINE_METRICS_TOKEN = "scrape-token-for-tests"
    return settings


def test_metrics_are_off_by_default(client: Client) -> None:
    assert client.get("/metrics").status_code == 404


def test_a_scrape_from_the_loopback_has_latency_by_view_name(
    client: Client, metrics_on: Any
) -> None:
    assert client.get("/healthz/").status_code == 200
    assert client.get("/no-such-page-e7f3/?q=private+words").status_code == 404

    response = client.get("/metrics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    text = response.content.decode()
    assert (
        'vitrine_http_request_duration_seconds_count{method="GET",status="2xx",view="healthz"}'
        in text
    )
    assert 'method="GET",status="4xx",view="unresolved"' in text
    assert "vitrine_http_request_duration_seconds_bucket{" in text
    assert "no-such-page-e7f3" not in text
    assert "private" not in text
    assert "vitrine_collection_version " in text
    assert 'vitrine_search_index_vectors{space="text"} 0.0' in text


def test_a_scrape_from_another_address_is_refused(client: Client, metrics_on: Any) -> None:
    response = client.get("/metrics", REMOTE_ADDR=OUTSIDER)

    assert response.status_code == 403
    assert b"vitrine_" not in response.content


def test_the_bearer_token_lets_a_scraper_in_from_anywhere(client: Client, metrics_on: Any) -> None:
    response = client.get(
        "/metrics", REMOTE_ADDR=OUTSIDER, HTTP_AUTHORIZATION="Bearer scrape-token-for-tests"
    )

    assert response.status_code == 200
    assert b"vitrine_http_request_duration_seconds" in response.content


def test_a_wrong_token_is_refused(client: Client, metrics_on: Any) -> None:
    response = client.get("/metrics", REMOTE_ADDR=OUTSIDER, HTTP_AUTHORIZATION="Bearer guess")

    assert response.status_code == 403


def test_no_token_is_accepted_when_none_is_configured(client: Client, metrics_on: Any) -> None:
    metrics_on.VITRINE_METRICS_TOKEN = ""

    response = client.get("/metrics", REMOTE_ADDR=OUTSIDER, HTTP_AUTHORIZATION="Bearer ")

    assert response.status_code == 403


def test_an_allowed_network_admits_its_addresses(client: Client, metrics_on: Any) -> None:
    metrics_on.VITRINE_METRICS_ALLOWED = ["10.0.0.0/8"]

    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.get("/metrics").status_code == 403


def test_an_index_shows_its_size_and_age(client: Client, metrics_on: Any) -> None:
    import numpy as np

    from search.index import build_index, publish_index

    vectors = np.eye(3, 8, dtype=np.float32)
    publish_index(
        space="visual",
        index=build_index(vectors=vectors, ids=np.array([1, 2, 3]), kind="flat", space="visual"),
    )

    text = client.get("/metrics").content.decode()

    assert 'vitrine_search_index_vectors{space="visual"} 3.0' in text
    assert 'vitrine_search_index_age_seconds{space="visual"}' in text


@pytest.mark.django_db
def test_registering_the_collector_reads_nothing_from_the_database(
    django_assert_num_queries: Any,
) -> None:
    # The URLs (and this registration) load for `migrate`'s checks on a fresh install,
    # before any table exists.
    from prometheus_client import CollectorRegistry

    from config.metrics import VitrineCollector

    with django_assert_num_queries(0):
        CollectorRegistry().register(VitrineCollector())

"""/readyz/ and /metrics scaled out: the Redis cache, throttle store, channel layer and broker."""

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_every_redis_the_site_uses_is_checked_and_ready(client: Client) -> None:
    response = client.get("/readyz/")

    body = response.json()
    assert response.status_code == 200, body
    checks = body["checks"]
    for name in ("database", "cache:default", "cache:throttle", "channel_layer", "celery_broker"):
        assert checks[name]["ok"] is True, (name, checks[name])
    assert "RedisCache" in checks["cache:default"]["detail"]
    assert "postgresql" in checks["database"]["detail"]


def test_readiness_shows_no_redis_address_or_password(client: Client, settings: Any) -> None:
    text = client.get("/readyz/").content.decode()

    assert "redis://" not in text
    assert settings.REDIS_URL not in text


def test_an_unreachable_broker_is_not_ready_within_the_timeout(
    client: Client, settings: Any
) -> None:
    settings.VITRINE_READY_TIMEOUT_SECONDS = 1
    # A closed port on the loopback: refused at once, never a hang.
    settings.CELERY_BROKER_URL = "redis://:hunter2@127.0.0.1:1/0"

    response = client.get("/readyz/")

    body = response.json()
    assert response.status_code == 503
    assert body["checks"]["celery_broker"]["ok"] is False
    assert "hunter2" not in response.content.decode()


def test_metrics_report_the_celery_queue_length(client: Client, settings: Any) -> None:
    import redis

    settings.VITRINE_METRICS = True
    queue = "celery"
    connection = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    before = connection.llen(queue)
    connection.rpush(queue, "{}")
    try:
        text = client.get("/metrics").content.decode()
    finally:
        connection.lrem(queue, 1, "{}")
        connection.close()

    assert f'vitrine_celery_queue_length{{queue="celery"}} {float(before + 1)}' in text

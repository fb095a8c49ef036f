"""/readyz/: a load balancer learns whether this process can serve, and why not."""

from datetime import timedelta
from typing import Any

import numpy as np
import pytest
from django.core.cache import caches
from django.db import OperationalError
from django.test import Client
from django.utils import timezone

from search.index import build_index, publish_index
from search.models import Embedding
from tests.builders import make_object

pytestmark = pytest.mark.django_db


def _publish(space: str, ids: list[int]) -> None:
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((len(ids), 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    publish_index(
        space=space,
        index=build_index(vectors=vectors, ids=np.array(ids), kind="flat", space=space),
    )


def _embed(object_id: int, space: str, *, written: timezone.datetime) -> None:
    Embedding.objects.create(
        collection_object_id=object_id,
        space=space,
        encoder="test",
        encoder_version="1",
        input_checksum="0" * 64,
        dim=8,
        vector=np.zeros(8, dtype=np.float32).tobytes(),
    )
    # auto_now sets the write time on save: move it to when the test says it happened.
    Embedding.objects.filter(collection_object_id=object_id, space=space).update(updated_at=written)


def _checks(client: Client) -> tuple[int, dict[str, Any]]:
    response = client.get("/readyz/")
    assert response["Content-Type"] == "application/json"
    body = response.json()
    return response.status_code, body


def test_the_embedded_site_is_ready(client: Client) -> None:
    status, body = _checks(client)

    assert status == 200
    assert body["ready"] is True
    assert {"database", "cache:default", "cache:throttle", "search_index"} <= set(body["checks"])
    for check in body["checks"].values():
        assert check["ok"] is True
        assert 0 <= check["ms"] < 2000
    assert "SELECT 1" in body["checks"]["database"]["detail"]
    assert "nothing embedded" in body["checks"]["search_index"]["detail"]


def test_a_broken_database_makes_the_process_not_ready(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OperationalError('connection to "postgres://vitrine:s3cret@db:5432/v" refused')

    monkeypatch.setattr("config.readiness.check_database", refuse)
    status, body = _checks(client)

    assert status == 503
    assert body["ready"] is False
    database = body["checks"]["database"]
    assert database["ok"] is False
    assert "OperationalError" in database["detail"]
    assert "s3cret" not in database["detail"]
    assert "postgres://" not in database["detail"]
    assert body["checks"]["cache:default"]["ok"] is True


def test_a_database_that_hangs_up_mid_query_is_reported(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db.backends.utils import CursorWrapper

    def fail(self: CursorWrapper, sql: str, params: object = None) -> None:
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(CursorWrapper, "execute", fail)
    status, body = _checks(client)

    assert status == 503
    assert "server closed the connection" in body["checks"]["database"]["detail"]


def test_a_cache_that_does_not_answer_in_time_is_not_ready(
    client: Client, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    import threading

    release = threading.Event()
    settings.VITRINE_READY_TIMEOUT_SECONDS = 0.2

    def hang(*args: object, **kwargs: object) -> None:
        release.wait(5)

    # The class: the check runs in a thread of its own, with its own cache instance.
    monkeypatch.setattr(type(caches["default"]), "set", hang)
    try:
        status, body = _checks(client)
    finally:
        release.set()

    assert status == 503
    assert body["checks"]["cache:default"]["ok"] is False
    assert "no answer within 0.2 s" in body["checks"]["cache:default"]["detail"]
    assert body["checks"]["cache:default"]["ms"] < 2000


def test_a_published_index_is_reported_with_its_size_and_age(client: Client) -> None:
    obj = make_object()
    _embed(obj.pk, "text", written=timezone.now() - timedelta(hours=1))
    _publish("text", [obj.pk, obj.pk + 1000])

    status, body = _checks(client)

    assert status == 200
    detail = body["checks"]["search_index"]["detail"]
    assert "text: 2 vectors, 0 s old" in detail
    assert "collection version" in detail


def test_a_stale_index_is_reported_without_taking_the_site_out(
    client: Client, settings: Any
) -> None:
    settings.VITRINE_INDEX_STALE_GRACE_SECONDS = 0
    obj = make_object()
    _publish("text", [obj.pk])
    # Written after the index was published, and never published since.
    _embed(obj.pk, "text", written=timezone.now())

    status, body = _checks(client)

    index = body["checks"]["search_index"]
    assert index["ok"] is False
    assert "text: 1 vectors, 0 s old, stale" in index["detail"]
    assert index["required"] is False
    assert status == 200


def test_a_stale_index_gates_readiness_when_required(client: Client, settings: Any) -> None:
    settings.VITRINE_READY_REQUIRES_INDEX = True
    obj = make_object()
    _embed(obj.pk, "heading", written=timezone.now() - timedelta(hours=1))

    status, body = _checks(client)

    assert status == 503
    assert (
        "heading: embeddings stored but no index published"
        in (body["checks"]["search_index"]["detail"])
    )


def test_readiness_takes_no_posts(client: Client) -> None:
    assert client.post("/readyz/").status_code == 405


def test_an_embedding_being_indexed_right_now_is_not_stale(client: Client) -> None:
    obj = make_object()
    _publish("text", [obj.pk])
    # A worker writes the embedding, then publishes the index a moment later.
    _embed(obj.pk, "text", written=timezone.now())

    status, body = _checks(client)

    assert status == 200
    assert body["checks"]["search_index"]["ok"] is True
